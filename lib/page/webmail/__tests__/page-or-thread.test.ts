// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { readPageUnlessMail, readThreadUnlessMail } from '../page-or-thread';
import { readConversation, readOpenThread } from '../read-open-thread';
import { closeMailWindows, mailDocument, mailFixture } from './mail-fixture';

afterEach(closeMailWindows);

const ARTICLE = `<html><head><title>Tide tables</title></head><body><main><h1>Tide tables</h1>${'<p>The harbour keeps its own tide tables, printed every spring for the fishing fleet and the ferry crews.</p>'.repeat(6)}</main></body></html>`;

describe('the page reader on a webmail client', () => {
  it('points a summary of a client page to the mail agent, which reads the open conversation, not the mailbox around it', () => {
    const doc = mailFixture('gmail-thread.html');
    expect(readPageUnlessMail(doc)).toEqual({ ok: false, mailClient: 'gmail' });
    const read = readConversation(doc);
    if (!read.ok) throw new Error('expected the open conversation');
    expect(read.thread.subject).toBe('Lisbon offsite: venue booking');
    expect(read.thread.messages.at(-1)!.text).toContain('Shall I confirm the booking for 12–14 June?');
  });

  it('without an open conversation (the inbox list), the mail agent reads nothing, so the summary reads the page', () => {
    const doc = mailFixture('gmail-inbox.html');
    expect(readPageUnlessMail(doc)).toEqual({ ok: false, mailClient: 'gmail' });
    expect(readConversation(doc).ok).toBe(false);
  });

  it('points a reply on a client page to the mail agent, and reads an ordinary page itself', () => {
    expect(readThreadUnlessMail(mailFixture('proton-thread.html'))).toEqual({ ok: false, mailClient: 'proton' });
    const read = readThreadUnlessMail(mailDocument(ARTICLE));
    if (!read || !('ok' in read) || !read.ok) throw new Error('expected the page as the message');
    expect(read.thread.client).toBe('generic');
    expect(read.thread.messages[0]!.text).toContain('The harbour keeps its own tide tables');
  });

  it('reads an ordinary page as an article, and the mail agent finds no conversation there', () => {
    const doc = mailDocument(ARTICLE);
    const read = readPageUnlessMail(doc);
    expect(read.ok && 'page' in read && read.page.text).toContain('printed every spring');
    expect(readConversation(doc)).toEqual({ ok: false, code: 'no-thread' });
    // The mail agent has no page reading: on an ordinary page it reads only a selection.
    expect(readOpenThread(doc)).toEqual({ ok: false, code: 'no-thread' });
  });
});
