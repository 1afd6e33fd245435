import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { DiagnosticReport } from '../../core/diagnostics';
import { diagnosticsReporter, recordRequestFailures } from '../diagnostics';
import type { RequestEnvelope } from '../messages';
import { answerRequests } from '../requests';

/** A message as Chrome delivers it from one of this extension's own pages. */
function fromExtensionPage(envelope: RequestEnvelope): Promise<unknown[]> {
  const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
  return fakeBrowser.runtime.onMessage.trigger(envelope, sender);
}

beforeEach(() => fakeBrowser.reset());

describe('answerRequests', () => {
  it('tells the failure listener which request failed, and the caller still gets the rejection', async () => {
    const reports: DiagnosticReport[] = [];
    answerRequests(
      'background',
      {
        'reply/insert': async () => {
          throw new TypeError('Cannot read properties of null (reading "Maya Lindqvist")');
        },
      },
      recordRequestFailures((code, details) => reports.push({ context: 'background', code, details })),
    );
    const answered = fromExtensionPage({
      tacit: 1,
      to: 'background',
      type: 'reply/insert',
      payload: {
        tabId: 1,
        text: 'Hi Maya',
        conversation: { client: 'gmail', ids: ['thread:t1'], messageIds: [], subject: 'Lisbon' },
      },
    });
    await expect(answered).rejects.toThrow(TypeError);
    expect(reports).toEqual([
      { context: 'background', code: 'request-failed', details: { request: 'reply.insert', error: 'TypeError' } },
    ]);
  });
});

describe('diagnosticsReporter', () => {
  it('sends the event to the background as a diagnostics/record request', async () => {
    const received: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => void received.push(message));
    diagnosticsReporter('offscreen')('engine-unload-failed', { model: 'm', error: 'TypeError' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(received).toEqual([
      {
        tacit: 1,
        to: 'background',
        type: 'diagnostics/record',
        payload: { context: 'offscreen', code: 'engine-unload-failed', details: { model: 'm', error: 'TypeError' } },
      },
    ]);
  });

  it('does not throw when nothing answers', async () => {
    expect(() => diagnosticsReporter('panel')('task-liveness-failed')).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
});
