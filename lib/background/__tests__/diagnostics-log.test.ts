import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { REMOVED_VALUE, type DiagnosticEvent } from '../../core/diagnostics';
import {
  DiagnosticsLog,
  diagnosticsRequests,
  recordDiagnostic,
  recordPageDiagnostic,
  diagnosticsLog,
  type DiagnosticsStore,
} from '../diagnostics-log';

const MAIL_TEXT = 'Hi Jonas, yes, the projector is included';

/** Session storage as the service worker sees it: it outlives one worker, so a restarted one reads it back. */
class FakeStore implements DiagnosticsStore {
  value: unknown = undefined;
  refuse = false;
  async getValue(): Promise<unknown> {
    return this.value;
  }
  async setValue(events: DiagnosticEvent[]): Promise<void> {
    if (this.refuse) throw new Error('QuotaExceededError');
    this.value = structuredClone(events);
  }
}

function setup(capacity?: number) {
  const store = new FakeStore();
  let now = 1_000;
  const log = new DiagnosticsLog(store, () => now++, capacity);
  return { store, log, handlers: diagnosticsRequests(log) };
}

beforeEach(() => fakeBrowser.reset());

describe('diagnostics requests', () => {
  it('records an event from the engine host and lists it with the time it arrived', async () => {
    const { handlers } = setup();
    const recorded = await handlers['diagnostics/record']({
      context: 'offscreen',
      code: 'engine-unload-failed',
      details: { model: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC', error: 'TypeError' },
    });
    expect(recorded).toEqual({ recorded: true });
    expect(await handlers['diagnostics/list']({})).toEqual({
      events: [
        {
          at: 1_000,
          context: 'offscreen',
          code: 'engine-unload-failed',
          details: { model: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC', error: 'TypeError' },
        },
      ],
    });
  });

  it('never stores text or a URL sent in a field, and refuses unknown codes and contexts', async () => {
    const { handlers, store } = setup();
    await handlers['diagnostics/record']({
      context: 'panel',
      code: 'request-failed',
      details: { request: MAIL_TEXT, host: 'https://mail.example.com/u/0/inbox?q=offsite' },
    });
    const unknownCode = { context: 'panel', code: 'mail-text', details: {} } as unknown as Parameters<
      (typeof handlers)['diagnostics/record']
    >[0];
    expect(await handlers['diagnostics/record'](unknownCode)).toEqual({ recorded: false });
    // Only the background and page results speak for those contexts.
    expect(await handlers['diagnostics/record']({ context: 'page', code: 'mail-read-failed' })).toEqual({
      recorded: false,
    });

    const { events } = await handlers['diagnostics/list']({});
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toEqual({ request: REMOVED_VALUE, host: REMOVED_VALUE });
    const stored = JSON.stringify(store.value);
    expect(stored).not.toContain('Jonas');
    expect(stored).not.toContain('mail.example.com');
    expect(stored).not.toContain('inbox');
  });

  it('clears the buffer', async () => {
    const { handlers } = setup();
    await handlers['diagnostics/record']({ context: 'options', code: 'request-failed' });
    expect(await handlers['diagnostics/clear']({})).toEqual({ cleared: true });
    expect(await handlers['diagnostics/list']({})).toEqual({ events: [] });
  });
});

describe('DiagnosticsLog', () => {
  it('keeps every event recorded at once, up to its capacity', async () => {
    const { log } = setup(3);
    await Promise.all(
      [1, 2, 3, 4, 5].map((count) => log.record({ context: 'background', code: 'task-failed', details: { count } })),
    );
    expect((await log.list()).map((event) => event.details.count)).toEqual([3, 4, 5]);
  });

  it('survives a service-worker restart: a new log on the same storage reads the events back', async () => {
    const { log, store } = setup();
    await log.record({ context: 'background', code: 'gpu-unavailable', details: { reason: 'no-adapter' } });
    const restarted = new DiagnosticsLog(store);
    expect((await restarted.list()).map((event) => event.code)).toEqual(['gpu-unavailable']);
  });

  it('answers false, without throwing, when storage refuses the write', async () => {
    const { log, store } = setup();
    store.refuse = true;
    expect(await log.record({ context: 'background', code: 'task-failed' })).toBe(false);
    store.refuse = false;
    expect(await log.record({ context: 'background', code: 'task-failed' })).toBe(true);
  });
});

describe('the background log', () => {
  it('lives in session storage, with background and page events', async () => {
    recordDiagnostic('tab-script-refused', { reason: 'browser-page' });
    recordPageDiagnostic({ code: 'mail-read-failed', details: { adapter: 'gmail', step: 'messages', count: 0 } });
    recordPageDiagnostic(undefined);
    const events = await diagnosticsLog.list();
    expect(events.map(({ context, code }) => `${context} ${code}`)).toEqual([
      'background tab-script-refused',
      'page mail-read-failed',
    ]);
    const { diagnostics } = await fakeBrowser.storage.session.get('diagnostics');
    expect(diagnostics).toEqual(events);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
