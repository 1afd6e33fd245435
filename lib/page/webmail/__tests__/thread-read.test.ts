import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS, MAX_MESSAGES, mailMessage, threadRead } from '../thread-read';

describe('threadRead', () => {
  it('is no-thread without messages and empty-thread when none has text', () => {
    expect(threadRead({ client: 'gmail', subject: 'S', messages: [] })).toEqual({
      ok: false,
      code: 'no-thread',
      diagnostic: {
        code: 'mail-read-failed',
        details: { adapter: 'gmail', step: 'messages', selector: 'message-items' },
      },
    });
    expect(threadRead({ client: 'outlook', subject: 'S', messages: [], unmatched: 'conversation' })).toMatchObject({
      diagnostic: { details: { adapter: 'outlook', step: 'messages', selector: 'conversation' } },
    });
    expect(threadRead({ client: 'gmail', subject: 'S', messages: [mailMessage('A', ' \n ')] })).toEqual({
      ok: false,
      code: 'empty-thread',
      diagnostic: {
        code: 'mail-read-failed',
        details: { adapter: 'gmail', step: 'message-text', selector: 'body', count: 1 },
      },
    });
  });

  it('keeps the start of an overlong message and leaves out the oldest beyond the limit', () => {
    const long = `${'word '.repeat(MAX_MESSAGE_CHARS / 5)}TAIL-ONLY`;
    const messages = Array.from({ length: MAX_MESSAGES + 2 }, (_, i) =>
      mailMessage(`Sender ${i}`, i === MAX_MESSAGES + 1 ? long : `text ${i}`),
    );
    const read = threadRead({ client: 'outlook', subject: '  Re:   plan ', messages, hiddenMessages: 3 });
    if (!read.ok) throw new Error(read.code);
    expect(read.thread.subject).toBe('Re: plan');
    expect(read.thread.messages).toHaveLength(MAX_MESSAGES);
    expect(read.thread.messages[0]!.from).toBe('Sender 2');
    expect(read.thread.omittedMessages).toBe(5);
    const last = read.thread.messages.at(-1)!.text;
    expect(last.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS + 2);
    expect(last.startsWith('word word')).toBe(true);
    expect(last).not.toContain('TAIL-ONLY');
  });

  it('leaves unknown fields out rather than empty', () => {
    expect(mailMessage(' Ann ', ' hi ', ' ', '')).toEqual({ from: 'Ann', text: 'hi' });
    const read = threadRead({
      client: 'proton',
      subject: 'S',
      messages: [mailMessage('Ann', 'hi')],
      userName: ' ',
      lang: '',
    });
    expect(read).toEqual({
      ok: true,
      thread: { client: 'proton', subject: 'S', messages: [{ from: 'Ann', text: 'hi' }] },
    });
  });
});
