import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakePort } from '../../protocol/__tests__/fake-port';
import type { BackgroundToPanel, PanelToBackground } from '../../protocol/messages';
import { LIVENESS_CHECK_MS, ReplySession } from '../reply-session';

type PanelPort = FakePort<PanelToBackground, BackgroundToPanel>;

function setup(isRunning: (requestId: string) => Promise<boolean>) {
  let port!: PanelPort;
  const session = new ReplySession(
    () => (port = new FakePort()),
    () => undefined,
    isRunning,
  );
  session.start({ kind: 'ask', prompt: 'Tell me a story' });
  const start = port.posted[0];
  if (start?.type !== 'task/start') throw new Error('no task/start');
  return { session, port: () => port, requestId: start.requestId };
}

afterEach(() => vi.useRealTimers());

describe('ReplySession liveness', () => {
  it('ends a task the background no longer knows (a restart that closed no port), keeping the text', async () => {
    vi.useFakeTimers();
    const isRunning = vi.fn(async () => false);
    const { session, port, requestId } = setup(isRunning);
    port().deliver({ type: 'task/delta', requestId, text: 'Once upon a time' });
    await vi.advanceTimersByTimeAsync(LIVENESS_CHECK_MS);
    expect(session.state.value).toBe('running');
    await vi.advanceTimersByTimeAsync(LIVENESS_CHECK_MS);
    expect(session.state.value).toBe('error');
    expect(session.error.value).toEqual({ code: 'background-restarted' });
    expect(session.text.value).toBe('Once upon a time');
    expect(isRunning).toHaveBeenCalledWith(requestId);
  });

  it('keeps waiting while the background says the task runs, however long it takes', async () => {
    vi.useFakeTimers();
    const { session } = setup(async () => true);
    await vi.advanceTimersByTimeAsync(LIVENESS_CHECK_MS * 10);
    expect(session.state.value).toBe('running');
  });

  it('a message from the background between checks resets the count', async () => {
    vi.useFakeTimers();
    const { session, port, requestId } = setup(async () => false);
    await vi.advanceTimersByTimeAsync(LIVENESS_CHECK_MS);
    port().deliver({ type: 'task/delta', requestId, text: 'still here' });
    await vi.advanceTimersByTimeAsync(LIVENESS_CHECK_MS);
    expect(session.state.value).toBe('running');
  });

  it('stops checking once the task ended', async () => {
    vi.useFakeTimers();
    const isRunning = vi.fn(async () => false);
    const { port, requestId, session } = setup(isRunning);
    port().deliver({ type: 'task/done', requestId, stopped: false });
    await vi.advanceTimersByTimeAsync(LIVENESS_CHECK_MS * 3);
    expect(isRunning).not.toHaveBeenCalled();
    expect(session.state.value).toBe('done');
  });
});
