// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { plainTextOf } from '../../editing/range-text';
import { insertReply } from '../insert-reply';
import { adapterFor } from '../detect';
import { separatedDraft } from '../insertion-point';
import type { ConversationIdentity } from '../types';
import { closeMailWindows, mailDocument, mailFixture, readMailFixture } from './mail-fixture';

afterEach(closeMailWindows);

const DRAFT = 'Yes, please confirm the booking.\n\nThanks,\nJonas';

/** The conversation open in `doc`, as a draft read from it would carry it. */
function openConversation(doc: Document): { expected: ConversationIdentity } {
  return { expected: adapterFor(doc).identify(doc) };
}

/** Presses the client's Reply and returns its reply box once the client has set it up. */
async function openedBox(doc: Document): Promise<HTMLElement> {
  const adapter = adapterFor(doc);
  expect(adapter.openReply(doc)).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 30));
  const box = adapter.findReplyBox(doc);
  if (!box) throw new Error('the fixture did not open a reply box');
  return box;
}

/** What the user sees in the box, line breaks included. */
function shownText(box: HTMLElement): string {
  const range = box.ownerDocument.createRange();
  range.selectNodeContents(box);
  return plainTextOf(range);
}

// Every layout and interface language is covered in layouts.test.ts; these are the details around it.
describe('insertReply into a rich reply box', () => {
  it('keeps the draft’s paragraphs and line breaks when the browser has no editing command', async () => {
    const doc = mailFixture('outlook-thread.html');
    const box = await openedBox(doc);
    box.firstElementChild!.textContent = 'Hi Priya,';
    doc.getSelection()!.removeAllRanges();
    await insertReply(doc, 'Para one,\r\nsame paragraph.\n\n\n\nPara two.', openConversation(doc));
    expect(shownText(box).startsWith('Hi Priya,\n\nPara one,\nsame paragraph.\n\nPara two.')).toBe(true);
  });

  it('keeps the closing name when the box’s signature does not give it', async () => {
    const doc = mailFixture('outlook-thread.html');
    const box = await openedBox(doc);
    box.querySelector('#Signature')!.textContent = 'Platform Engineering, Contoso';
    expect(await insertReply(doc, DRAFT, openConversation(doc))).toEqual({
      ok: true,
      client: 'outlook',
      opened: false,
    });
    expect(shownText(box).startsWith(DRAFT)).toBe(true);
  });
});

describe('insertReply when the conversation changed since the draft was written', () => {
  it('writes nothing into another Gmail thread (by its ids), and writes into the same one', async () => {
    const doc = mailFixture('gmail-thread.html');
    const same = adapterFor(doc).identify(doc);
    const other = { ...same, ids: ['thread:thread-f:1825730000000000999'], messageIds: [] };
    expect(await insertReply(doc, DRAFT, { expected: other })).toEqual({ ok: false, code: 'conversation-changed' });
    expect(adapterFor(doc).findReplyBox(doc)).toBeNull();
    expect(await insertReply(doc, DRAFT, { expected: same })).toMatchObject({
      ok: true,
      client: 'gmail',
      opened: true,
    });
  });

  it('takes the same ids with another subject for another conversation (the subject is the second check)', async () => {
    const doc = mailFixture('gmail-thread.html');
    const same = adapterFor(doc).identify(doc);
    expect(await insertReply(doc, DRAFT, { expected: { ...same, subject: 'Weekly status report' } })).toEqual({
      ok: false,
      code: 'conversation-changed',
    });
    expect(await insertReply(doc, DRAFT, { expected: { ...same, subject: `Re: ${same.subject}` } })).toMatchObject({
      ok: true,
    });
  });

  it('never proves a conversation by its subject alone: Outlook titled the same, without ids, is refused', async () => {
    const html = readMailFixture('outlook-thread.html').replace(/ data-convid="[^"]*"/, '');
    const doc = mailDocument(html);
    const current = adapterFor(doc).identify(doc);
    expect(current.ids).toEqual([]);
    expect(await insertReply(doc, DRAFT, { expected: { ...current, ids: [] } })).toEqual({
      ok: false,
      code: 'conversation-unverified',
    });
  });

  it('refuses a draft from another client or page', async () => {
    const doc = mailFixture('outlook-thread.html');
    const fromGmail = adapterFor(mailFixture('gmail-thread.html')).identify(mailFixture('gmail-thread.html'));
    expect(await insertReply(doc, DRAFT, { expected: fromGmail })).toEqual({ ok: false, code: 'conversation-changed' });
  });
});

describe('separatedDraft', () => {
  it.each([
    ['an empty box', '', '', 'D'],
    ['the first line, the signature on the next', '', '\nJonas Weber', 'D\n'],
    ['the end of the user’s line, a blank line before the quote', 'Hi Maya,', '\n\nOn Mon … wrote:', '\n\nD'],
    ['a fresh line the user opened', 'Hi Maya,\n', '\nSig', '\nD\n'],
    ['the middle of a line', 'Hi Maya,', ' see you soon', '\n\nD\n\n'],
  ])('puts a blank line, and no more, around the draft at %s', (_where, before, after, expected) => {
    expect(separatedDraft('D', before, after)).toBe(expected);
  });
});

describe('insertReply without a reply box', () => {
  it('says so when the page has no Reply button', async () => {
    const doc = mailFixture('gmail-thread.html');
    for (const control of Array.from(doc.querySelectorAll('.ams, .aaq'))) control.remove();
    expect(await insertReply(doc, DRAFT, openConversation(doc))).toEqual({
      ok: false,
      code: 'no-reply-box',
      failure: { adapter: 'gmail', step: 'reply-button', selectors: ['REPLY_BUTTONS'] },
    });
  });

  it('writes nothing on the inbox list: no conversation is open there to prove', async () => {
    const inbox = mailFixture('gmail-inbox.html');
    expect(await insertReply(inbox, DRAFT, openConversation(inbox))).toEqual({
      ok: false,
      code: 'conversation-unverified',
    });
  });

  it('says so when Reply was pressed but no box appeared in time', async () => {
    const silent = readMailFixture('gmail-thread.html').replace(/<script>[\s\S]*<\/script>/, '');
    const doc = mailDocument(silent);
    expect(await insertReply(doc, DRAFT, { ...openConversation(doc), waitMs: 50 })).toEqual({
      ok: false,
      code: 'no-reply-box',
      failure: { adapter: 'gmail', step: 'reply-box', selectors: ['REPLY_BOXES'] },
    });
  });

  it('neither opens a box nor writes when the draft is empty', async () => {
    const doc = mailFixture('gmail-thread.html');
    expect(await insertReply(doc, ' \n ', openConversation(doc))).toEqual({ ok: false, code: 'insert-failed' });
    expect(adapterFor(doc).findReplyBox(doc)).toBeNull();
  });
});

describe('insertReply into a plain textarea (generic page)', () => {
  const REPLY = 'Hi Lena,\n\nOn Mon, 3 Mar 2025, Lena <lena@example.org> wrote:\n> Can you review the plan?';

  function textareaPage(value: string): { doc: Document; field: HTMLTextAreaElement } {
    const doc = mailDocument('<body><p>Reply to the list</p><textarea id="reply"></textarea></body>');
    const field = doc.getElementById('reply') as HTMLTextAreaElement;
    field.value = value;
    return { doc, field };
  }

  it('writes after the user’s text and above the quoted lines', async () => {
    const { doc, field } = textareaPage(REPLY);
    expect(await insertReply(doc, 'Reviewed, looks good.', openConversation(doc))).toEqual({
      ok: true,
      client: 'generic',
      opened: false,
    });
    expect(field.value).toBe(
      'Hi Lena,\n\nReviewed, looks good.\n\nOn Mon, 3 Mar 2025, Lena <lena@example.org> wrote:\n> Can you review the plan?',
    );
  });

  it('writes at the caret when the field has focus', async () => {
    const { doc, field } = textareaPage('Thanks!\n\nCheers');
    field.focus();
    field.setSelectionRange(7, 7);
    await insertReply(doc, 'All done.', openConversation(doc));
    expect(field.value).toBe('Thanks!\n\nAll done.\n\nCheers');
  });
});
