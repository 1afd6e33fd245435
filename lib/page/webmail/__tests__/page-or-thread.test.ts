// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { readPageOrThread } from '../page-or-thread';
import { closeMailWindows, mailFixture } from './mail-fixture';

afterEach(closeMailWindows);

describe('readPageOrThread', () => {
  it('on a webmail client, reads the open conversation, not the mailbox around it', () => {
    const doc = mailFixture('gmail-thread.html');
    const read = readPageOrThread(doc);
    if (!read.ok || !('thread' in read)) throw new Error('expected the open conversation');
    expect(read.url).toBe(doc.URL);
    expect(read.thread.subject).toBe('Lisbon offsite: venue booking');
    expect(read.thread.messages.at(-1)!.text).toContain('Shall I confirm the booking for 12–14 June?');
  });

  it('without an open conversation (the inbox list), reads the page as usual', () => {
    const read = readPageOrThread(mailFixture('gmail-inbox.html'));
    expect(read.ok && 'page' in read && read.page.source).toBe('readability');
  });
});
