import { describe, expect, it } from 'vitest';
import {
  REMOVED_VALUE,
  appendDiagnostic,
  cleanDetails,
  detailsText,
  diagnosticEvent,
  errorName,
  storedDiagnostics,
  type DiagnosticEvent,
} from '../diagnostics';

const MAIL_TEXT = 'Hi Jonas, yes, the projector is included';

function event(at: number, details: DiagnosticEvent['details'] = { count: at }): DiagnosticEvent {
  return { at, context: 'background', code: 'task-failed', details };
}

describe('diagnosticEvent', () => {
  it('keeps identifiers and whole numbers, stamped with the time', () => {
    expect(
      diagnosticEvent(
        {
          context: 'page',
          code: 'mail-read-failed',
          details: { adapter: 'gmail', step: 'messages', selector: 'message-items', count: 0, ms: 12.6 },
        },
        1000,
      ),
    ).toEqual({
      at: 1000,
      context: 'page',
      code: 'mail-read-failed',
      details: { adapter: 'gmail', step: 'messages', selector: 'message-items', count: 0, ms: 13 },
    });
  });

  it('never stores text, URLs, paths, queries, addresses or selectors: the value is replaced, the event kept', () => {
    const values = [
      MAIL_TEXT,
      'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZ',
      'mail.google.com/mail/u/0',
      '/inbox/123',
      'q=invoice',
      '?token=abc',
      'maya.lindqvist@example.com',
      '[role="listitem"].h7',
      'Lisbon offsite: venue booking',
      'x'.repeat(65),
      '',
      'Straße',
    ];
    for (const value of values) {
      const recorded = diagnosticEvent({ context: 'panel', code: 'request-failed', details: { step: value } }, 1);
      expect(recorded?.details).toEqual({ step: REMOVED_VALUE });
      expect(JSON.stringify(recorded)).not.toContain(value || '""');
    }
  });

  it('allows a host name, a model id and an error name', () => {
    const details = {
      host: 'huggingface.co',
      model: 'Llama-3.2-3B-Instruct-q4f16_1-MLC',
      error: 'QuotaExceededError',
    };
    expect(diagnosticEvent({ context: 'offscreen', code: 'download-failed', details }, 1)?.details).toEqual(details);
  });

  it('drops unknown fields, non-string identifiers and numbers that are not finite', () => {
    const details = cleanDetails({
      text: MAIL_TEXT,
      url: 'https://example.com/',
      step: 42,
      count: Number.NaN,
      ms: Number.POSITIVE_INFINITY,
      status: '404',
      adapter: { name: 'gmail' },
    });
    expect(details).toEqual({ step: REMOVED_VALUE, adapter: REMOVED_VALUE });
  });

  it('refuses an unknown context or code', () => {
    expect(diagnosticEvent({ context: 'web-page', code: 'task-failed' }, 1)).toBeNull();
    expect(diagnosticEvent({ context: 'panel', code: MAIL_TEXT }, 1)).toBeNull();
    expect(diagnosticEvent(MAIL_TEXT, 1)).toBeNull();
    expect(diagnosticEvent(null, 1)).toBeNull();
  });
});

describe('appendDiagnostic', () => {
  it('keeps the newest events up to the capacity, oldest dropped first', () => {
    let events: DiagnosticEvent[] = [];
    for (let at = 1; at <= 7; at++) events = appendDiagnostic(events, event(at), 5);
    expect(events.map((e) => e.at)).toEqual([3, 4, 5, 6, 7]);
  });

  it('counts an event that repeats the last one instead of filling the buffer with it', () => {
    let events: DiagnosticEvent[] = [event(1, { step: 'a' })];
    events = appendDiagnostic(events, event(2, { step: 'b' }));
    events = appendDiagnostic(events, event(3, { step: 'b' }));
    events = appendDiagnostic(events, event(4, { step: 'b' }));
    expect(events).toEqual([event(1, { step: 'a' }), { ...event(4, { step: 'b' }), times: 3 }]);
    events = appendDiagnostic(events, event(5, { step: 'a' }));
    expect(events).toHaveLength(3);
  });

  it('does not change the buffer it was given', () => {
    const events = [event(1)];
    appendDiagnostic(events, event(2));
    expect(events).toEqual([event(1)]);
  });
});

describe('storedDiagnostics', () => {
  it('checks stored events again and keeps their time and repeat count', () => {
    const stored = [
      { ...event(1), times: 4 },
      { at: 2, context: 'page', code: 'mail-read-failed', details: { step: MAIL_TEXT } },
      { at: 3, context: 'page', code: 'no-such-code', details: {} },
      MAIL_TEXT,
    ];
    expect(storedDiagnostics(stored)).toEqual([
      { ...event(1), times: 4 },
      { at: 2, context: 'page', code: 'mail-read-failed', details: { step: REMOVED_VALUE } },
    ]);
    expect(storedDiagnostics(undefined)).toEqual([]);
  });
});

describe('detailsText and errorName', () => {
  it('writes the details in a fixed order', () => {
    expect(detailsText({ count: 0, step: 'messages', adapter: 'gmail' })).toBe('adapter=gmail step=messages count=0');
    expect(detailsText({})).toBe('');
  });

  it('names an error by its class, never its message', () => {
    expect(errorName(new TypeError(MAIL_TEXT))).toBe('TypeError');
    expect(errorName(new DOMException('quota', 'QuotaExceededError'))).toBe('QuotaExceededError');
    expect(errorName(MAIL_TEXT)).toBe('string');
    expect(errorName(undefined)).toBe('undefined');
  });
});
