// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { withMessageLanguage } from '../../../tasks/common/message-language';
import { readOpenThread } from '../read-open-thread';
import { readSelectedMessage } from '../read-selected-message';
import type { MailThread } from '../types';
import { closeMailWindows, mailDocument, mailFixture } from './mail-fixture';

afterEach(closeMailWindows);

function threadOf(name: string): MailThread {
  const read = readOpenThread(mailFixture(name));
  if (!read.ok) throw new Error(`expected a thread in ${name}, got ${read.code}`);
  return read.thread;
}

function allText(thread: MailThread): string {
  return thread.messages.map((message) => message.text).join('\n---\n');
}

describe('Gmail conversation', () => {
  it('reads subject, senders and dates oldest first, with the signed-in user', () => {
    const thread = threadOf('gmail-thread.html');
    expect(thread.client).toBe('gmail');
    expect(thread.subject).toBe('Lisbon offsite: venue booking');
    expect(thread.messages.map((m) => [m.from, m.fromAddress, m.date])).toEqual([
      ['Maya Lindqvist', 'maya.lindqvist@example.com', 'Mon, 3 Mar 2025, 09:12'],
      ['Jonas Weber', 'jonas.weber@example.com', 'Tue, 4 Mar 2025, 14:30'],
      ['Maya Lindqvist', 'maya.lindqvist@example.com', 'Thu, 6 Mar 2025, 16:40'],
    ]);
    expect(thread.userName).toBe('Jonas Weber');
    // The language is judged from the messages once the thread has left the page.
    expect(thread.lang).toBeUndefined();
    expect(withMessageLanguage(thread).lang).toBe('en');
    expect(thread.omittedMessages).toBeUndefined();
  });

  it('reads a collapsed message as its snippet, once', () => {
    const [collapsed] = threadOf('gmail-thread.html').messages;
    expect(collapsed!.text).toBe(
      'Hi Jonas, could we lock in the riverside hall for the Lisbon offsite? It holds 40 people and they need an answer by Friday.',
    );
  });

  it('keeps each message’s own words in paragraphs, without quoted history or signature', () => {
    const thread = threadOf('gmail-thread.html');
    expect(thread.messages[1]!.text).toBe(
      'Hi Maya,\n\nThe riverside hall works for me. Could you check whether the projector is included in the price?\n\nJonas',
    );
    expect(thread.messages[2]!.text).toBe(
      'Hi Jonas,\n\nYes, the projector is included, and they can add two wireless microphones for €25.\n\nShall I confirm the booking for 12–14 June?\n\nBest,\n\nMaya',
    );
    const text = allText(thread);
    expect(text).not.toContain('Parking is free after six');
    expect(text).not.toContain('wrote:');
    expect(text).not.toContain('Events Coordinator');
    expect(text).not.toMatch(/^--$/m);
  });

  it('says no thread is open in the inbox list', () => {
    expect(readOpenThread(mailFixture('gmail-inbox.html'))).toEqual({ ok: false, code: 'no-thread', client: 'gmail' });
  });

  it('when the client’s page shows no conversation it can read, the user’s selection is read, tied to the page', () => {
    const doc = mailFixture('gmail-inbox.html', 'https://mail.google.com/mail/u/0/#inbox');
    const row = doc.querySelector('[role="main"]') ?? doc.body;
    const range = doc.createRange();
    range.selectNodeContents(row);
    doc.getSelection()!.removeAllRanges();
    doc.getSelection()!.addRange(range);
    const read = readOpenThread(doc);
    expect(read.ok && read.thread.client).toBe('gmail');
    expect(read.ok && read.thread.fromSelection).toBe(true);
    expect(read.ok && read.thread.messages[0]!.text).toContain('Yes, the projector is included');
    expect(read.ok && read.thread.messages[0]!.text).toContain('Weekly status report');
  });
});

describe('Outlook conversation (newest message listed first)', () => {
  it('reads subject and senders oldest first, with the signed-in user', () => {
    const thread = threadOf('outlook-thread.html');
    expect(thread.client).toBe('outlook');
    expect(thread.subject).toBe('Billing cluster migration window');
    expect(thread.messages.map((m) => [m.from, m.fromAddress, m.date])).toEqual([
      ['Priya Raman', 'priya.raman@fabrikam.example', 'Mon 3/10/2025 9:05 AM'],
      ['Jonas Weber', 'jonas.weber@contoso.example', 'Tue 3/11/2025 2:20 PM'],
      ['Priya Raman', 'priya.raman@fabrikam.example', 'Thu 3/13/2025 4:02 PM'],
    ]);
    expect(thread.userName).toBe('Jonas Weber');
  });

  it('reads the collapsed message’s preview and trims history after #divRplyFwdMsg and the signature', () => {
    const thread = threadOf('outlook-thread.html');
    expect(thread.messages[0]!.text).toBe(
      'Hi Jonas, we need a four-hour window to migrate the billing cluster. Would Saturday night work for your team?',
    );
    expect(thread.messages[1]!.text).toBe(
      'Hi Priya,\n\nSaturday night works. Please start after 22:00, when the last batch jobs have finished.\n\nJonas',
    );
    expect(thread.messages[2]!.text).toBe(
      'Hi Jonas,\n\nThanks — Saturday from 22:00 works for us. We will freeze deployments from 18:00 and send the runbook on Friday.\n\nCan your on-call engineer join the bridge call?\n\nRegards,\nPriya',
    );
    const text = allText(thread);
    expect(text).not.toContain('maintenance page must stay up');
    expect(text).not.toContain('Infrastructure Lead');
    expect(text).not.toContain('Sent:');
  });
});

describe('Proton conversation (bodies in frames)', () => {
  it('reads subject, senders and dates oldest first, with the signed-in user', () => {
    const thread = threadOf('proton-thread.html');
    expect(thread.client).toBe('proton');
    expect(thread.subject).toBe('Oslo warehouse lease renewal');
    expect(thread.messages.map((m) => [m.from, m.fromAddress, m.date])).toEqual([
      ['Jonas Weber', 'jonas.weber@proton.me', 'Tuesday, March 4th, 2025 at 10:21 AM'],
      ['Ingrid Berg', 'ingrid.berg@nordlys.example', 'Wednesday, March 5th, 2025 at 2:03 PM'],
    ]);
    expect(thread.userName).toBe('Jonas Weber');
  });

  it('reads the bodies out of their frames without quotes or signatures; the collapsed one is counted as not read', () => {
    const thread = threadOf('proton-thread.html');
    expect(thread.unreadMessages).toBe(1);
    expect(thread.messages[0]!.text).toBe(
      'Hi Ingrid,\n\nThanks for the draft contract. Before we sign, could you confirm that the loading dock repairs are included in the renewal?\n\nBest,\nJonas',
    );
    expect(thread.messages[1]!.text).toBe(
      'Hi Jonas,\n\nYes, the loading dock repairs are included and will be finished by the end of April.\n\nCould you send the signed contract by March 14?\n\nKind regards,\nIngrid',
    );
    const text = allText(thread);
    expect(text).not.toContain('48,000 NOK');
    expect(text).not.toContain('Facilities Manager');
    expect(text).not.toContain('Sent with Proton Mail');
  });
});

describe('when a recognised client’s open message cannot be read', () => {
  /** Outlook as the adapter has never seen it: the reading pane and subject are there, the message markup is not. */
  const CHANGED_OUTLOOK = `<html><head><title>Mail - Jonas Weber - Outlook</title></head><body>
    <div id="O365_NavHeader"><button id="O365_MainLink_Me" aria-label="Account manager for Jonas Weber">JW</button></div>
    <div id="ReadingPaneContainerId" role="main" data-app-section="MailReadCompose">
      <div role="heading" aria-level="2"><span title="Budget 2026">Budget 2026</span></div>
      <div class="newMessageCard"><div class="newSender">Priya Raman</div>
        <div class="newBody"><p>Hi Jonas, could you send me the budget figures for 2026 by Friday? The board meets next week.</p></div></div>
    </div></body></html>`;
  const URL_WITH_ID = 'https://127.0.0.1/mail/inbox/id/AAQkADAwATM0MDAAMS1hYjFk';

  it('says which client and step failed, by selector names only, never the text', () => {
    const read = readOpenThread(mailDocument(CHANGED_OUTLOOK, URL_WITH_ID));
    expect(read).toEqual({
      ok: false,
      code: 'unreadable',
      client: 'outlook',
      failure: { adapter: 'outlook', step: 'messages', selectors: ['DATE', 'BODY', 'SENDER'] },
    });
    expect(JSON.stringify(read)).not.toContain('budget figures');
  });

  it('reads the user’s selection instead, tied to the conversation Outlook shows', () => {
    const doc = mailDocument(CHANGED_OUTLOOK, URL_WITH_ID);
    const range = doc.createRange();
    range.selectNodeContents(doc.querySelector('.newBody')!);
    doc.getSelection()!.addRange(range);
    const read = readOpenThread(doc);
    if (!read.ok) throw new Error(read.code);
    expect(read.thread).toMatchObject({ client: 'outlook', fromSelection: true, subject: 'Budget 2026' });
    expect(read.thread.messages[0]!.text).toContain('budget figures for 2026');
    expect(read.thread.conversation.ids).toEqual(['url:AAQkADAwATM0MDAAMS1hYjFk']);
  });

  it('with one click and nothing selected, selects the reading pane for the user and reads it', () => {
    const doc = mailDocument(CHANGED_OUTLOOK, URL_WITH_ID);
    const read = readSelectedMessage(doc);
    if (!read.ok) throw new Error(read.code);
    expect(doc.getSelection()!.toString()).toContain('budget figures for 2026');
    expect(read.thread.messages[0]!.text).toContain('The board meets next week.');
    expect(read.thread.client).toBe('outlook');
  });

  it('on a page without a known reading pane and nothing selected, says nothing is selected', () => {
    const doc = mailDocument('<html><body><main><p>Some page.</p></main></body></html>');
    expect(readSelectedMessage(doc)).toEqual({ ok: false, code: 'no-selection' });
  });

  it('refuses a selection holding a card number, and a focused card field, for the Reply view too', () => {
    const doc = mailDocument('<html><body><main><p id="m">My card: 4111 1111 1111 1111</p></main></body></html>');
    const range = doc.createRange();
    range.selectNodeContents(doc.getElementById('m')!);
    doc.getSelection()!.addRange(range);
    expect(readSelectedMessage(doc)).toEqual({ ok: false, code: 'sensitive', sensitive: 'card-number-in-text' });
    expect(readOpenThread(doc)).toEqual({ ok: false, code: 'sensitive', sensitive: 'card-number-in-text' });

    const form = mailDocument('<html><body><main><p>Pay</p><input id="c" name="cvc"></main></body></html>');
    form.getElementById('c')!.focus();
    expect(readOpenThread(form)).toEqual({ ok: false, code: 'sensitive', sensitive: 'card-security-code' });
  });

  it('an adapter that throws is a failure at the "exception" step, not a crash', () => {
    const doc = mailFixture('proton-thread.html');
    Object.defineProperty(doc, 'querySelectorAll', {
      value: () => {
        throw new Error('changed page');
      },
    });
    const read = readOpenThread(doc);
    expect(read).toMatchObject({ ok: false, client: 'proton', failure: { adapter: 'proton', step: 'exception' } });
  });
});
