import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakePort } from '../../protocol/__tests__/fake-port';
import type { BackgroundToPanel, PanelToBackground } from '../../protocol/messages';
import { TaskStream, type StartOptions } from '../task-stream';

type PanelPort = FakePort<PanelToBackground, BackgroundToPanel>;

function setup() {
  const ports: PanelPort[] = [];
  const onSettled = vi.fn();
  const stream = new TaskStream(
    {
      openTaskPort: () => {
        const port: PanelPort = new FakePort();
        ports.push(port);
        return port;
      },
      isTaskRunning: async () => true,
    },
    { onSettled },
  );
  const port = () => ports.at(-1)!;
  /** Starts a task and returns the request id the stream sent. */
  const start = (prompt = 'What is WebGPU?', options: StartOptions = {}) => {
    stream.start({ kind: 'ask', prompt }, options);
    const message = port().posted.at(-1);
    if (message?.type !== 'task/start') throw new Error('start did not post task/start');
    return message.requestId;
  };
  const fromBackground = (message: BackgroundToPanel) => port().deliver(message);
  return { stream, ports, port, start, fromBackground, onSettled };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('TaskStream', () => {
  it('starts empty', () => {
    const { stream, ports } = setup();
    expect(stream.state.value).toBe('empty');
    expect(stream.text.value).toBe('');
    expect(ports).toHaveLength(0);
  });

  it('asks the background to start the task with a fresh request id', () => {
    const { stream, port, start } = setup();
    const first = start('first question');
    expect(port().posted).toEqual([
      { type: 'task/start', requestId: first, task: { kind: 'ask', prompt: 'first question' } },
    ]);
    expect(stream.state.value).toBe('running');
    expect(stream.running.value).toBe(true);
  });

  it('shows the phase, appends streamed text and ends as done', () => {
    vi.useFakeTimers();
    const { stream, start, fromBackground, onSettled } = setup();
    const requestId = start();
    fromBackground({ type: 'task/phase', requestId, phase: { phase: 'generating', modelId: 'Qwen' } });
    expect(stream.phase.value).toEqual({ phase: 'generating', modelId: 'Qwen' });
    fromBackground({ type: 'task/delta', requestId, text: 'WebGPU is ' });
    fromBackground({ type: 'task/delta', requestId, text: 'a graphics API.' });
    vi.advanceTimersByTime(100);
    expect(stream.text.value).toBe('WebGPU is a graphics API.');
    expect(onSettled).not.toHaveBeenCalled();

    fromBackground({ type: 'task/done', requestId, stopped: false });
    expect(stream.state.value).toBe('done');
    expect(stream.running.value).toBe(false);
    expect(stream.phase.value).toBeNull();
    expect(stream.text.value).toBe('WebGPU is a graphics API.');
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it('on Stop asks the background to cancel, drops text still in flight and ends as stopped', () => {
    const { stream, port, start, fromBackground } = setup();
    const requestId = start();
    fromBackground({ type: 'task/delta', requestId, text: 'Partial ' });
    stream.stop();
    expect(port().posted.at(-1)).toEqual({ type: 'task/cancel', requestId });
    fromBackground({ type: 'task/delta', requestId, text: 'late text' });
    expect(stream.text.value).toBe('Partial ');
    expect(stream.state.value).toBe('running');

    fromBackground({ type: 'task/done', requestId, stopped: true });
    expect(stream.state.value).toBe('stopped');
    expect(stream.text.value).toBe('Partial ');
  });

  it('sends the cancel only once when Stop is pressed twice', () => {
    const { stream, port, start } = setup();
    start();
    stream.stop();
    stream.stop();
    expect(port().posted.filter((message) => message.type === 'task/cancel')).toHaveLength(1);
  });

  it('ends as stopped after a while when the background never confirms the Stop', () => {
    vi.useFakeTimers();
    const { stream, start, fromBackground, onSettled } = setup();
    const requestId = start();
    fromBackground({ type: 'task/delta', requestId, text: 'Partial' });
    stream.stop();
    vi.advanceTimersByTime(1000);
    expect(stream.state.value).toBe('running');
    vi.advanceTimersByTime(600);
    expect(stream.state.value).toBe('stopped');
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it('does not settle twice when the confirmation arrives before the Stop timeout', () => {
    vi.useFakeTimers();
    const { stream, start, fromBackground, onSettled } = setup();
    const requestId = start();
    fromBackground({ type: 'task/delta', requestId, text: 'Partial' });
    stream.stop();
    fromBackground({ type: 'task/done', requestId, stopped: true });
    vi.advanceTimersByTime(5000);
    expect(stream.state.value).toBe('stopped');
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it('shows the error the background reports', () => {
    const { stream, start, fromBackground } = setup();
    const requestId = start();
    fromBackground({ type: 'task/delta', requestId, text: 'Some text' });
    fromBackground({ type: 'task/error', requestId, error: { code: 'gpu-device-lost' } });
    expect(stream.state.value).toBe('error');
    expect(stream.error.value).toEqual({ code: 'gpu-device-lost' });
    expect(stream.text.value).toBe('Some text');
  });

  it('keeps the text and says the background restarted when the port drops mid-answer', () => {
    const { stream, port, start, fromBackground } = setup();
    const requestId = start();
    fromBackground({ type: 'task/delta', requestId, text: 'Half an answer' });
    port().disconnectFromPeer();
    expect(stream.state.value).toBe('error');
    expect(stream.error.value).toEqual({ code: 'background-restarted' });
    expect(stream.text.value).toBe('Half an answer');
  });

  it('connects a new port for the next task after the old one dropped', () => {
    const { stream, ports, port, start } = setup();
    start();
    port().disconnectFromPeer();
    const requestId = start('again');
    expect(ports).toHaveLength(2);
    expect(ports[1]!.posted).toEqual([{ type: 'task/start', requestId, task: { kind: 'ask', prompt: 'again' } }]);
    expect(stream.state.value).toBe('running');
  });

  it('does not turn a finished answer into an error when the port drops later', () => {
    const { stream, port, start, fromBackground } = setup();
    const requestId = start();
    fromBackground({ type: 'task/delta', requestId, text: 'An answer.' });
    fromBackground({ type: 'task/done', requestId, stopped: false });
    port().disconnectFromPeer();
    expect(stream.state.value).toBe('done');
    expect(stream.error.value).toBeNull();
  });

  it('says the model wrote nothing when a reply ends empty, instead of keeping the last run on screen', () => {
    const { stream, start, fromBackground } = setup();
    const first = start();
    fromBackground({ type: 'task/delta', requestId: first, text: 'The last answer.' });
    fromBackground({ type: 'task/done', requestId: first, stopped: false });
    const second = start();
    fromBackground({ type: 'task/done', requestId: second, stopped: false });
    expect(stream.state.value).toBe('error');
    expect(stream.error.value).toEqual({ code: 'empty-reply' });
    expect(stream.text.value).toBe('');
    // Only white space counts as nothing too.
    const third = start();
    fromBackground({ type: 'task/delta', requestId: third, text: ' \n ' });
    fromBackground({ type: 'task/done', requestId: third, stopped: false });
    expect(stream.error.value).toEqual({ code: 'empty-reply' });
  });

  it('ignores messages for another request', () => {
    const { stream, start, fromBackground } = setup();
    const requestId = start();
    fromBackground({ type: 'task/delta', requestId: 'stale', text: 'not mine' });
    fromBackground({ type: 'task/done', requestId: 'stale', stopped: false });
    fromBackground({ type: 'task/error', requestId: 'stale', error: { code: 'unknown', cause: 'Error: boom' } });
    expect(stream.text.value).toBe('');
    expect(stream.state.value).toBe('running');
    fromBackground({ type: 'task/delta', requestId, text: 'mine' });
    expect(stream.text.value).toBe('mine');
  });

  it('stops the running task when a new one starts, and shows only the new text', () => {
    const { stream, ports, port, start, fromBackground } = setup();
    const first = start('first');
    fromBackground({ type: 'task/delta', requestId: first, text: 'old text' });
    const second = start('second');
    expect(ports).toHaveLength(1);
    expect(port().posted.map((m) => m.type)).toEqual(['task/start', 'task/cancel', 'task/start']);
    expect(port().posted[1]).toEqual({ type: 'task/cancel', requestId: first });
    expect(second).not.toBe(first);

    fromBackground({ type: 'task/delta', requestId: first, text: ' late old text' });
    fromBackground({ type: 'task/done', requestId: first, stopped: true });
    expect(stream.state.value).toBe('running');
    expect(stream.text.value).toBe('');
    fromBackground({ type: 'task/delta', requestId: second, text: 'new text' });
    expect(stream.text.value).toBe('new text');
  });

  it('does not let the old Stop timeout end the new task', () => {
    vi.useFakeTimers();
    const { stream, start } = setup();
    start('first');
    start('second');
    vi.advanceTimersByTime(5000);
    expect(stream.state.value).toBe('running');
  });

  it('clears the error when a task is retried, and replaces the old text once new text arrives', () => {
    const { stream, port, start, fromBackground } = setup();
    const failed = start();
    fromBackground({ type: 'task/delta', requestId: failed, text: 'Old answer' });
    fromBackground({ type: 'task/error', requestId: failed, error: { code: 'unknown', cause: 'Error: boom' } });
    stream.retry();
    const retry = (port().posted.at(-1) as { requestId: string }).requestId;
    expect(stream.error.value).toBeNull();
    expect(stream.state.value).toBe('running');
    expect(stream.text.value).toBe('Old answer');
    fromBackground({ type: 'task/delta', requestId: retry, text: 'New ' });
    expect(stream.text.value).toBe('New ');
    fromBackground({ type: 'task/delta', requestId: retry, text: 'answer' });
    fromBackground({ type: 'task/done', requestId: retry, stopped: false });
    expect(stream.text.value).toBe('New answer');
  });
  it('shows the first text of a run at once, and later text with one write per frame', () => {
    vi.useFakeTimers();
    const { stream, start, fromBackground } = setup();
    const requestId = start();
    const writes: string[] = [];
    stream.text.subscribe((text) => writes.push(text));
    fromBackground({ type: 'task/delta', requestId, text: 'One' });
    expect(stream.text.value).toBe('One');
    for (const word of [' two', ' three', ' four']) fromBackground({ type: 'task/delta', requestId, text: word });
    expect(stream.text.value).toBe('One');
    vi.advanceTimersByTime(100);
    expect(stream.text.value).toBe('One two three four');
    expect(writes).toEqual(['', 'One', 'One two three four']);
  });

  it('shows text still waiting for a frame before it says done, and on Stop keeps what came before it', () => {
    const { stream, start, fromBackground } = setup();
    const done = start();
    fromBackground({ type: 'task/delta', requestId: done, text: 'All ' });
    fromBackground({ type: 'task/delta', requestId: done, text: 'of it.' });
    fromBackground({ type: 'task/done', requestId: done, stopped: false });
    expect(stream.text.value).toBe('All of it.');
    expect(stream.state.value).toBe('done');

    const stopped = start();
    fromBackground({ type: 'task/delta', requestId: stopped, text: 'Before ' });
    fromBackground({ type: 'task/delta', requestId: stopped, text: 'Stop.' });
    stream.stop();
    expect(stream.text.value).toBe('Before Stop.');
    fromBackground({ type: 'task/delta', requestId: stopped, text: ' After Stop.' });
    fromBackground({ type: 'task/done', requestId: stopped, stopped: true });
    expect(stream.text.value).toBe('Before Stop.');
    expect(stream.state.value).toBe('stopped');
  });

  it('keeps the previous text on screen when a re-run that keeps it is stopped before it wrote anything', () => {
    const { stream, start, fromBackground } = setup();
    const first = start();
    fromBackground({ type: 'task/delta', requestId: first, text: 'The first answer.' });
    fromBackground({ type: 'task/done', requestId: first, stopped: false });
    const second = start('another question', { keepText: true });
    stream.stop();
    fromBackground({ type: 'task/done', requestId: second, stopped: true });
    expect(stream.text.value).toBe('The first answer.');
    expect(stream.state.value).toBe('done');
    expect(stream.running.value).toBe(false);
  });

  it('keeps the previous text when a re-run that keeps it fails before writing anything, and shows the error', () => {
    const { stream, start, fromBackground } = setup();
    const first = start();
    fromBackground({ type: 'task/delta', requestId: first, text: 'The first answer.' });
    fromBackground({ type: 'task/done', requestId: first, stopped: false });
    const second = start('another question', { keepText: true });
    fromBackground({ type: 'task/error', requestId: second, error: { code: 'gpu-device-lost' } });
    expect(stream.text.value).toBe('The first answer.');
    expect(stream.state.value).toBe('error');
    expect(stream.error.value).toEqual({ code: 'gpu-device-lost' });
  });

  it('shows where a summary came from once its text arrives, when the previous text is kept until then', () => {
    const { stream, start, fromBackground } = setup();
    const first = start();
    const old = { kind: 'page', title: 'Old', url: 'https://news.example/old', conversationId: 'c0' } as const;
    fromBackground({ type: 'task/source', requestId: first, source: old });
    fromBackground({ type: 'task/delta', requestId: first, text: 'Old summary.' });
    fromBackground({ type: 'task/done', requestId: first, stopped: false });
    const requestId = start('again', { keepText: true });
    const source = { kind: 'page', title: 'An article', url: 'https://news.example/a', conversationId: 'c1' } as const;
    fromBackground({ type: 'task/source', requestId, source });
    expect(stream.source.value).toEqual(old);
    fromBackground({ type: 'task/delta', requestId, text: 'Summary.' });
    expect(stream.source.value).toEqual(source);
  });

  it("clears the previous run's text and source at once when a task about something new starts", () => {
    const { stream, start, fromBackground } = setup();
    const first = start();
    const old = { kind: 'page', title: 'Old', url: 'https://news.example/old', conversationId: 'c0' } as const;
    fromBackground({ type: 'task/source', requestId: first, source: old });
    fromBackground({ type: 'task/delta', requestId: first, text: 'Old summary.' });
    fromBackground({ type: 'task/done', requestId: first, stopped: false });
    const second = start('new page');
    expect(stream.text.value).toBe('');
    expect(stream.source.value).toBeNull();
    const source = { kind: 'page', title: 'New', url: 'https://news.example/new', conversationId: '' } as const;
    fromBackground({ type: 'task/source', requestId: second, source });
    expect(stream.source.value).toEqual(source);
  });

  it('shows a question the task waits for, sends the answer once, and forgets the question when the run ends', () => {
    const { stream, port, start, fromBackground } = setup();
    const requestId = start();
    const question = { kind: 'large-summary', parts: 60, words: 58_000, firstParts: 20, secondsAll: 900 } as const;
    fromBackground({ type: 'task/question', requestId, question });
    expect(stream.question.value).toEqual(question);
    stream.answer({ kind: 'large-summary', parts: 20 });
    stream.answer({ kind: 'large-summary', parts: 'all' });
    expect(port().posted.filter((message) => message.type === 'task/answer')).toEqual([
      { type: 'task/answer', requestId, answer: { kind: 'large-summary', parts: 20 } },
    ]);
    expect(stream.question.value).toBeNull();
    fromBackground({ type: 'task/question', requestId, question });
    fromBackground({ type: 'task/done', requestId, stopped: false });
    expect(stream.question.value).toBeNull();
  });

  it('Stop while a question waits takes the question away and cancels the task', () => {
    const { stream, port, start, fromBackground } = setup();
    const requestId = start();
    fromBackground({
      type: 'task/question',
      requestId,
      question: { kind: 'large-summary', parts: 60, words: 1, firstParts: 20 },
    });
    stream.stop();
    expect(stream.question.value).toBeNull();
    expect(port().posted.at(-1)).toEqual({ type: 'task/cancel', requestId });
  });

  it('clear() cancels a running task, ignores what is still on its way, and leaves the stream empty', () => {
    const { stream, port, start, fromBackground, onSettled } = setup();
    const requestId = start();
    fromBackground({ type: 'task/delta', requestId, text: 'Half an answer' });
    stream.clear();
    expect(port().posted.at(-1)).toEqual({ type: 'task/cancel', requestId });
    expect(stream.state.value).toBe('empty');
    expect(stream.text.value).toBe('');
    expect(onSettled).toHaveBeenCalledTimes(1);
    fromBackground({ type: 'task/delta', requestId, text: ' and more' });
    fromBackground({ type: 'task/done', requestId, stopped: true });
    expect(stream.text.value).toBe('');
    expect(stream.state.value).toBe('empty');
  });

  it('offers Copy once text is there and no longer being written, stopped or failed runs included', () => {
    const { stream, start, fromBackground } = setup();
    const requestId = start();
    fromBackground({ type: 'task/delta', requestId, text: 'Partial' });
    expect(stream.copyable.value).toBe(false);
    stream.stop();
    fromBackground({ type: 'task/done', requestId, stopped: true });
    expect(stream.state.value).toBe('stopped');
    expect(stream.copyable.value).toBe(true);
  });

  it('takes the links a task allows; a re-run keeps the old ones with the old text until then', () => {
    const { stream, start, fromBackground } = setup();
    const first = start();
    // A task about something new starts with an empty card: its links apply at once.
    fromBackground({ type: 'task/links', requestId: first, links: ['https://a.example/'] });
    expect(stream.links.value).toEqual(new Set(['https://a.example/']));
    fromBackground({ type: 'task/delta', requestId: first, text: 'See https://a.example/' });
    fromBackground({ type: 'task/done', requestId: first, stopped: false });

    const second = start('What is WebGPU?', { keepText: true });
    fromBackground({ type: 'task/links', requestId: second, links: ['https://b.example/'] });
    expect(stream.links.value).toEqual(new Set(['https://a.example/']));
    fromBackground({ type: 'task/delta', requestId: second, text: 'New' });
    expect(stream.links.value).toEqual(new Set(['https://b.example/']));

    const third = start();
    fromBackground({ type: 'task/delta', requestId: third, text: 'No links allowed' });
    expect(stream.links.value).toEqual(new Set());
  });

  it('says whether there is text without following every word', () => {
    const { stream, start, fromBackground } = setup();
    const requestId = start();
    const seen: boolean[] = [];
    const stop = stream.hasText.subscribe((value) => seen.push(value));
    for (const word of ['one ', 'two ', 'three']) fromBackground({ type: 'task/delta', requestId, text: word });
    stop();
    expect(seen).toEqual([false, true]);
  });
});
