import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { conversationIdentity } from '../../../page/webmail/conversation-identity';
import { mailMessage, threadRead } from '../../../page/webmail/thread-read';
import type { ThreadRead } from '../../../page/webmail/types';
import { readThreadInTab } from '../mail-access';
import { readPageInTab } from '../read-tab';
import { fakeFrame, type ScriptAgents } from './fake-frame';

const MAIL_URL = 'https://mail.example.org/#inbox/1';
let nextTabId = 500;

const CONVERSATION = threadRead({
  client: 'gmail',
  subject: 'Lisbon offsite: venue booking',
  messages: [mailMessage('Maya Lindqvist', 'Shall I confirm the booking for 12–14 June?')],
  conversation: conversationIdentity('gmail', ['thread-f:1'], [], 'Lisbon offsite: venue booking'),
});

const INBOX_TEXT = {
  ok: true,
  page: {
    title: 'Inbox',
    url: MAIL_URL,
    text: 'Inbox — 3 unread',
    source: 'readability',
  },
};

/** A known client's page: the reader points to the mail agent, which reads the conversation (or cannot). */
function mailClientTab(conversation: ThreadRead, url = MAIL_URL) {
  const scripts: ScriptAgents = {
    '/page-reader.js': {
      reader: {
        readPage: () => ({ ok: false, mailClient: 'gmail' }),
        readThread: () => ({ ok: false, mailClient: 'gmail' }),
        readText: () => INBOX_TEXT,
      },
    },
    '/page-editor.js': { webmail: { readConversation: () => conversation, readThread: () => conversation } },
  };
  return { frame: fakeFrame(scripts), tab: { tabId: nextTabId++, title: 'Mail', url } };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('reading a known webmail client’s page', () => {
  it('summarizes the open conversation, read by the mail agent', async () => {
    const { frame, tab } = mailClientTab(CONVERSATION);
    const read = await readPageInTab(tab);
    expect(read.ok && read.value.source).toBe('mail-thread');
    expect(read.ok && read.value.text).toContain('Shall I confirm the booking for 12–14 June?');
    // The reader tells the client's page by its structure (a saved or self-hosted client); the mail agent reads.
    expect(frame.injected).toEqual([
      '/page-reader.js',
      '/reader-read-page.js',
      '/page-editor.js',
      '/webmail-read-conversation.js',
    ]);
  });

  it('on the client’s own host, asks the mail agent at once, for a summary and for a reply', async () => {
    const { frame, tab } = mailClientTab(CONVERSATION, 'https://mail.google.com/mail/u/0/#inbox/FMfcgz');
    const summary = await readPageInTab(tab);
    expect(summary.ok && summary.value.source).toBe('mail-thread');
    const reply = await readThreadInTab(tab);
    expect(reply.ok && reply.value.subject).toBe('Lisbon offsite: venue booking');
    expect(frame.injected).toEqual(['/page-editor.js', '/webmail-read-conversation.js']);
  });

  it('summarizes the page’s text when no conversation is open', async () => {
    const { tab } = mailClientTab({ ok: false, code: 'no-thread' });
    const read = await readPageInTab(tab);
    expect(read.ok && read.value.text).toBe('Inbox — 3 unread');
  });

  it('drafts a reply to the conversation the mail agent reads', async () => {
    const { tab } = mailClientTab(CONVERSATION);
    const read = await readThreadInTab(tab);
    expect(read.ok && read.value.subject).toBe('Lisbon offsite: venue booking');
  });

  it('says no conversation is open rather than replying to the page', async () => {
    const { tab } = mailClientTab({ ok: false, code: 'no-thread' });
    const read = await readThreadInTab(tab);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error.code).toBe('no-mail-thread');
  });
});
