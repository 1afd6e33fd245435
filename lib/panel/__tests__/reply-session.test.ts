import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakePort } from '../../protocol/__tests__/fake-port';
import type { BackgroundToPanel, PanelToBackground } from '../../protocol/messages';
import { ReplySession } from '../reply-session';

type PanelPort = FakePort<PanelToBackground, BackgroundToPanel>;

function setup() {
  const ports: PanelPort[] = [];
  const onSettled = vi.fn();
  const session = new ReplySession(() => {
    const port: PanelPort = new FakePort();
    ports.push(port);
    return port;
  }, onSettled);
  const port = () => ports.at(-1)!;
  /** Starts a task and returns the request id the session sent. */
  const start = (prompt = 'What is WebGPU?') => {
    session.start({ kind: 'ask', prompt });
    const message = port().posted.at(-1);
    if (message?.type !== 'task/start') throw new Error('start did not post task/start');
    return message.requestId;
  };
  const reply = (message: BackgroundToPanel) => port().deliver(message);
  return { session, ports, port, start, reply, onSettled };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ReplySession', () => {
  it('starts empty', () => {
    const { session, ports } = setup();
    expect(session.state.value).toBe('empty');
    expect(session.text.value).toBe('');
    expect(ports).toHaveLength(0);
  });

  it('asks the background to start the task with a fresh request id', () => {
    const { session, port, start } = setup();
    const first = start('first question');
    expect(port().posted).toEqual([
      { type: 'task/start', requestId: first, task: { kind: 'ask', prompt: 'first question' } },
    ]);
    expect(session.state.value).toBe('running');
    expect(session.running.value).toBe(true);
  });

  it('shows the phase, appends streamed text and ends as done', () => {
    vi.useFakeTimers();
    const { session, start, reply, onSettled } = setup();
    const requestId = start();
    reply({ type: 'task/phase', requestId, phase: { phase: 'generating', modelId: 'Qwen' } });
    expect(session.phase.value).toEqual({ phase: 'generating', modelId: 'Qwen' });
    reply({ type: 'task/delta', requestId, text: 'WebGPU is ' });
    reply({ type: 'task/delta', requestId, text: 'a graphics API.' });
    vi.advanceTimersByTime(100);
    expect(session.text.value).toBe('WebGPU is a graphics API.');
    expect(onSettled).not.toHaveBeenCalled();

    reply({ type: 'task/done', requestId, stopped: false });
    expect(session.state.value).toBe('done');
    expect(session.running.value).toBe(false);
    expect(session.phase.value).toBeNull();
    expect(session.text.value).toBe('WebGPU is a graphics API.');
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it('on Stop asks the background to cancel, drops text still in flight and ends as stopped', () => {
    const { session, port, start, reply } = setup();
    const requestId = start();
    reply({ type: 'task/delta', requestId, text: 'Partial ' });
    session.stop();
    expect(port().posted.at(-1)).toEqual({ type: 'task/cancel', requestId });
    reply({ type: 'task/delta', requestId, text: 'late text' });
    expect(session.text.value).toBe('Partial ');
    expect(session.state.value).toBe('running');

    reply({ type: 'task/done', requestId, stopped: true });
    expect(session.state.value).toBe('stopped');
    expect(session.text.value).toBe('Partial ');
  });

  it('sends the cancel only once when Stop is pressed twice', () => {
    const { session, port, start } = setup();
    start();
    session.stop();
    session.stop();
    expect(port().posted.filter((message) => message.type === 'task/cancel')).toHaveLength(1);
  });

  it('ends as stopped after a while when the background never confirms the Stop', () => {
    vi.useFakeTimers();
    const { session, start, reply, onSettled } = setup();
    const requestId = start();
    reply({ type: 'task/delta', requestId, text: 'Partial' });
    session.stop();
    vi.advanceTimersByTime(1000);
    expect(session.state.value).toBe('running');
    vi.advanceTimersByTime(600);
    expect(session.state.value).toBe('stopped');
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it('does not settle twice when the confirmation arrives before the Stop timeout', () => {
    vi.useFakeTimers();
    const { session, start, reply, onSettled } = setup();
    const requestId = start();
    reply({ type: 'task/delta', requestId, text: 'Partial' });
    session.stop();
    reply({ type: 'task/done', requestId, stopped: true });
    vi.advanceTimersByTime(5000);
    expect(session.state.value).toBe('stopped');
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it('shows the error the background reports', () => {
    const { session, start, reply } = setup();
    const requestId = start();
    reply({ type: 'task/delta', requestId, text: 'Some text' });
    reply({ type: 'task/error', requestId, error: { code: 'gpu-device-lost' } });
    expect(session.state.value).toBe('error');
    expect(session.error.value).toEqual({ code: 'gpu-device-lost' });
    expect(session.text.value).toBe('Some text');
  });

  it('keeps the text and says the background restarted when the port drops mid-reply', () => {
    const { session, port, start, reply } = setup();
    const requestId = start();
    reply({ type: 'task/delta', requestId, text: 'Half an answer' });
    port().disconnectFromPeer();
    expect(session.state.value).toBe('error');
    expect(session.error.value).toEqual({ code: 'background-restarted' });
    expect(session.text.value).toBe('Half an answer');
  });

  it('connects a new port for the next task after the old one dropped', () => {
    const { session, ports, port, start } = setup();
    start();
    port().disconnectFromPeer();
    const requestId = start('again');
    expect(ports).toHaveLength(2);
    expect(ports[1]!.posted).toEqual([{ type: 'task/start', requestId, task: { kind: 'ask', prompt: 'again' } }]);
    expect(session.state.value).toBe('running');
  });

  it('does not turn a finished reply into an error when the port drops later', () => {
    const { session, port, start, reply } = setup();
    const requestId = start();
    reply({ type: 'task/done', requestId, stopped: false });
    port().disconnectFromPeer();
    expect(session.state.value).toBe('done');
    expect(session.error.value).toBeNull();
  });

  it('ignores messages for another request', () => {
    const { session, start, reply } = setup();
    const requestId = start();
    reply({ type: 'task/delta', requestId: 'stale', text: 'not mine' });
    reply({ type: 'task/done', requestId: 'stale', stopped: false });
    reply({ type: 'task/error', requestId: 'stale', error: { code: 'unknown' } });
    expect(session.text.value).toBe('');
    expect(session.state.value).toBe('running');
    reply({ type: 'task/delta', requestId, text: 'mine' });
    expect(session.text.value).toBe('mine');
  });

  it('stops the running task when a new one starts, and shows only the new reply', () => {
    const { session, ports, port, start, reply } = setup();
    const first = start('first');
    reply({ type: 'task/delta', requestId: first, text: 'old text' });
    const second = start('second');
    expect(ports).toHaveLength(1);
    expect(port().posted.map((m) => m.type)).toEqual(['task/start', 'task/cancel', 'task/start']);
    expect(port().posted[1]).toEqual({ type: 'task/cancel', requestId: first });
    expect(second).not.toBe(first);

    reply({ type: 'task/delta', requestId: first, text: ' late old text' });
    reply({ type: 'task/done', requestId: first, stopped: true });
    expect(session.state.value).toBe('running');
    expect(session.text.value).toBe('old text');
    reply({ type: 'task/delta', requestId: second, text: 'new text' });
    expect(session.text.value).toBe('new text');
  });

  it('does not let the old Stop timeout end the new task', () => {
    vi.useFakeTimers();
    const { session, start } = setup();
    start('first');
    start('second');
    vi.advanceTimersByTime(5000);
    expect(session.state.value).toBe('running');
  });

  it('clears the error when a task is retried, and replaces the old text once new text arrives', () => {
    const { session, start, reply } = setup();
    const failed = start();
    reply({ type: 'task/delta', requestId: failed, text: 'Old answer' });
    reply({ type: 'task/error', requestId: failed, error: { code: 'unknown' } });
    const retry = start();
    expect(session.error.value).toBeNull();
    expect(session.state.value).toBe('running');
    expect(session.text.value).toBe('Old answer');
    reply({ type: 'task/delta', requestId: retry, text: 'New ' });
    expect(session.text.value).toBe('New ');
    reply({ type: 'task/delta', requestId: retry, text: 'answer' });
    reply({ type: 'task/done', requestId: retry, stopped: false });
    expect(session.text.value).toBe('New answer');
  });

  it('shows the first text of a run at once, and later text with one write per frame', () => {
    vi.useFakeTimers();
    const { session, start, reply } = setup();
    const requestId = start();
    const writes: string[] = [];
    session.text.subscribe((text) => writes.push(text));
    reply({ type: 'task/delta', requestId, text: 'One' });
    expect(session.text.value).toBe('One');
    for (const word of [' two', ' three', ' four']) reply({ type: 'task/delta', requestId, text: word });
    expect(session.text.value).toBe('One');
    vi.advanceTimersByTime(100);
    expect(session.text.value).toBe('One two three four');
    expect(writes).toEqual(['', 'One', 'One two three four']);
  });

  it('shows text still waiting for a frame before it says done, and on Stop keeps what came before it', () => {
    const { session, start, reply } = setup();
    const done = start();
    reply({ type: 'task/delta', requestId: done, text: 'All ' });
    reply({ type: 'task/delta', requestId: done, text: 'of it.' });
    reply({ type: 'task/done', requestId: done, stopped: false });
    expect(session.text.value).toBe('All of it.');
    expect(session.state.value).toBe('done');

    const stopped = start();
    reply({ type: 'task/delta', requestId: stopped, text: 'Before ' });
    reply({ type: 'task/delta', requestId: stopped, text: 'Stop.' });
    session.stop();
    expect(session.text.value).toBe('Before Stop.');
    reply({ type: 'task/delta', requestId: stopped, text: ' After Stop.' });
    reply({ type: 'task/done', requestId: stopped, stopped: true });
    expect(session.text.value).toBe('Before Stop.');
    expect(session.state.value).toBe('stopped');
  });

  it('keeps the previous reply on screen when a new task is stopped before it wrote anything', () => {
    const { session, start, reply } = setup();
    const first = start();
    reply({ type: 'task/delta', requestId: first, text: 'The first answer.' });
    reply({ type: 'task/done', requestId: first, stopped: false });
    const second = start('another question');
    session.stop();
    reply({ type: 'task/done', requestId: second, stopped: true });
    expect(session.text.value).toBe('The first answer.');
    expect(session.state.value).toBe('done');
    expect(session.running.value).toBe(false);
  });

  it('keeps the previous reply when a new task fails before writing anything, and shows the error', () => {
    const { session, start, reply } = setup();
    const first = start();
    reply({ type: 'task/delta', requestId: first, text: 'The first answer.' });
    reply({ type: 'task/done', requestId: first, stopped: false });
    const second = start('another question');
    reply({ type: 'task/error', requestId: second, error: { code: 'gpu-device-lost' } });
    expect(session.text.value).toBe('The first answer.');
    expect(session.state.value).toBe('error');
    expect(session.error.value).toEqual({ code: 'gpu-device-lost' });
  });

  it('shows where a summary came from once its text arrives', () => {
    const { session, start, reply } = setup();
    const requestId = start();
    const source = { kind: 'page', title: 'An article', url: 'https://news.example/a', conversationId: 'c1' } as const;
    reply({ type: 'task/source', requestId, source });
    reply({ type: 'task/delta', requestId, text: 'Summary.' });
    expect(session.source.value).toEqual(source);
  });
});
