import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS, MAX_MESSAGES, mailMessage, threadRead } from '../thread-read';
import type { ConversationIdentity } from '../types';

const conversation: ConversationIdentity = { client: 'gmail', ids: ['thread:t1'], messageIds: [], subject: 'S' };

describe('threadRead', () => {
  it('is no-thread without messages and empty-thread when none has text', () => {
    expect(threadRead({ client: 'gmail', subject: 'S', messages: [], conversation })).toEqual({
      ok: false,
      code: 'no-thread',
    });
    expect(threadRead({ client: 'gmail', subject: 'S', messages: [mailMessage('A', ' \n ')], conversation })).toEqual({
      ok: false,
      code: 'empty-thread',
    });
  });

  it('keeps the start of an overlong message and leaves out the oldest beyond the limit', () => {
    const long = `${'word '.repeat(MAX_MESSAGE_CHARS / 5)}TAIL-ONLY`;
    const messages = Array.from({ length: MAX_MESSAGES + 2 }, (_, i) =>
      mailMessage(`Sender ${i}`, i === MAX_MESSAGES + 1 ? long : `text ${i}`),
    );
    const read = threadRead({ client: 'outlook', subject: '  Re:   plan ', messages, conversation, unreadMessages: 3 });
    if (!read.ok) throw new Error(read.code);
    expect(read.thread.subject).toBe('Re: plan');
    expect(read.thread.messages).toHaveLength(MAX_MESSAGES);
    expect(read.thread.messages[0]!.from).toBe('Sender 2');
    expect(read.thread.omittedMessages).toBe(2);
    expect(read.thread.unreadMessages).toBe(3);
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
      conversation,
      userName: ' ',
      unreadMessages: 0,
    });
    expect(read).toEqual({
      ok: true,
      thread: { client: 'proton', subject: 'S', messages: [{ from: 'Ann', text: 'hi' }], conversation },
    });
  });
});

describe('the user signs with a signature', () => {
  it('is known when one of the user’s own messages carried a signature the client marks', () => {
    const messages = [mailMessage('Jonas Weber', 'Hello'), mailMessage('Ann', 'Hi')];
    const signed = (flags: boolean[]) =>
      threadRead({ client: 'gmail', subject: 'S', messages, conversation, userName: 'Jonas Weber', signed: flags });
    const mine = signed([true, false]);
    const theirs = signed([false, true]);
    expect(mine.ok && mine.thread.userSignature).toBe(true);
    expect(theirs.ok && theirs.thread.userSignature).toBeUndefined();
  });
});
