import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakePort } from '../../protocol/__tests__/fake-port';
import type { BackgroundToPanel, PanelToBackground } from '../../protocol/messages';
import { LIVENESS_CHECK_MS, TaskStream } from '../task-stream';

type PanelPort = FakePort<PanelToBackground, BackgroundToPanel>;

function setup(isRunning: (requestId: string) => Promise<boolean>) {
  let port!: PanelPort;
  const stream = new TaskStream({ openTaskPort: () => (port = new FakePort()), isTaskRunning: isRunning });
  stream.start({ kind: 'ask', prompt: 'Tell me a story' });
  const start = port.posted[0];
  if (start?.type !== 'task/start') throw new Error('no task/start');
  return { stream, port: () => port, requestId: start.requestId };
}

afterEach(() => vi.useRealTimers());

describe('TaskStream liveness', () => {
  it('ends a task the background no longer knows (a restart that closed no port), keeping the text', async () => {
    vi.useFakeTimers();
    const isRunning = vi.fn(async () => false);
    const { stream, port, requestId } = setup(isRunning);
    port().deliver({ type: 'task/delta', requestId, text: 'Once upon a time' });
    await vi.advanceTimersByTimeAsync(LIVENESS_CHECK_MS);
    expect(stream.state.value).toBe('running');
    await vi.advanceTimersByTimeAsync(LIVENESS_CHECK_MS);
    expect(stream.state.value).toBe('error');
    expect(stream.error.value).toEqual({ code: 'background-restarted' });
    expect(stream.text.value).toBe('Once upon a time');
    expect(isRunning).toHaveBeenCalledWith(requestId);
  });

  it('lets go of the silent port, so that the next task reaches the restarted background on a new one', async () => {
    vi.useFakeTimers();
    const { stream, port } = setup(async () => false);
    const lost = port();
    await vi.advanceTimersByTimeAsync(LIVENESS_CHECK_MS * 2);
    expect(lost.closedByUs).toBe(true);
    stream.start({ kind: 'ask', prompt: 'Again' });
    expect(port()).not.toBe(lost);
    expect(port().posted.map((message) => message.type)).toEqual(['task/start']);
  });

  it('keeps waiting while the background says the task runs, however long it takes', async () => {
    vi.useFakeTimers();
    const { stream } = setup(async () => true);
    await vi.advanceTimersByTimeAsync(LIVENESS_CHECK_MS * 10);
    expect(stream.state.value).toBe('running');
  });

  it('a message from the background between checks resets the count', async () => {
    vi.useFakeTimers();
    const { stream, port, requestId } = setup(async () => false);
    await vi.advanceTimersByTimeAsync(LIVENESS_CHECK_MS);
    port().deliver({ type: 'task/delta', requestId, text: 'still here' });
    await vi.advanceTimersByTimeAsync(LIVENESS_CHECK_MS);
    expect(stream.state.value).toBe('running');
  });

  it('stops checking once the task ended', async () => {
    vi.useFakeTimers();
    const isRunning = vi.fn(async () => false);
    const { port, requestId, stream } = setup(isRunning);
    port().deliver({ type: 'task/delta', requestId, text: 'An answer.' });
    port().deliver({ type: 'task/done', requestId, stopped: false });
    await vi.advanceTimersByTimeAsync(LIVENESS_CHECK_MS * 3);
    expect(isRunning).not.toHaveBeenCalled();
    expect(stream.state.value).toBe('done');
  });
});
