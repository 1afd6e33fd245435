// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { plainTextOf } from '../../editing/range-text';
import { installFakeExecCommand } from '../../editing/__tests__/fake-exec-command';
import { insertReply } from '../insert-reply';
import { adapterFor } from '../detect';
import { separatedDraft } from '../insertion-point';
import type { WebmailClient } from '../../../core/webmail-hosts';
import { closeMailWindows, mailDocument, mailFixture, readMailFixture } from './mail-fixture';

afterEach(closeMailWindows);

const DRAFT = 'Yes, please confirm the booking.\n\nThanks,\nJonas';

interface ClientCase {
  client: WebmailClient;
  fixture: string;
  /** Text of the quoted history and of the user's signature already in the reply box. */
  quoted: string;
  signature: string;
  greeting: string;
}

const CLIENTS: ClientCase[] = [
  {
    client: 'gmail',
    fixture: 'gmail-thread.html',
    quoted: 'Shall I confirm the booking for 12–14 June?',
    signature: 'Head of Operations',
    greeting: 'Hi Maya,',
  },
  {
    client: 'outlook',
    fixture: 'outlook-thread.html',
    quoted: 'Can your on-call engineer join the bridge call?',
    signature: 'Platform Engineering, Contoso',
    greeting: 'Hi Priya,',
  },
  {
    client: 'proton',
    fixture: 'proton-thread.html',
    quoted: 'Could you send the signed contract by March 14?',
    signature: 'Operations Lead',
    greeting: 'Hi Ingrid,',
  },
];

/** What the user sees in the box, line breaks included. */
function shownText(box: HTMLElement): string {
  const range = box.ownerDocument.createRange();
  range.selectNodeContents(box);
  return plainTextOf(range);
}

function frames(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 30));
}

/** Presses the client's Reply and returns its reply box once the client has set it up. */
async function openedBox(doc: Document): Promise<HTMLElement> {
  const adapter = adapterFor(doc);
  expect(adapter.openReply(doc)).toBe(true);
  await frames();
  const box = adapter.findReplyBox(doc);
  if (!box) throw new Error('the fixture did not open a reply box');
  return box;
}

/** As if the user typed `text` on the box's first (empty) line and then clicked elsewhere, e.g. in the side panel. */
function typeFirstLine(box: HTMLElement, text: string): void {
  box.firstElementChild!.textContent = text;
  box.ownerDocument.getSelection()!.removeAllRanges();
}

describe.each(CLIENTS)('insertReply in $client', ({ client, fixture, quoted, signature, greeting }) => {
  it('presses Reply when no box is open, then writes the draft above the quoted history and signature', async () => {
    const doc = mailFixture(fixture);
    expect(adapterFor(doc).findReplyBox(doc)).toBeNull();
    expect(await insertReply(doc, DRAFT)).toEqual({ ok: true, client, opened: true });
    const text = shownText(adapterFor(doc).findReplyBox(doc)!);
    expect(text.startsWith(DRAFT)).toBe(true);
    expect(text.indexOf(quoted)).toBeGreaterThan(DRAFT.length);
    expect(text.indexOf(signature)).toBeGreaterThan(DRAFT.length);
  });

  it('writes through the undoable editing command after what the user typed, a blank line apart', async () => {
    const doc = mailFixture(fixture);
    const box = await openedBox(doc);
    const execCommand = installFakeExecCommand(box.ownerDocument);
    typeFirstLine(box, greeting);
    expect(await insertReply(doc, DRAFT)).toEqual({ ok: true, client, opened: false });
    const inserted = execCommand.mock.calls.find(([command]) => command === 'insertText')?.[2];
    expect(inserted?.startsWith(`\n\n${DRAFT}`)).toBe(true);
    expect(box.textContent!.startsWith(`${greeting}\n\n${DRAFT}`)).toBe(true);
    expect(box.textContent).toContain(quoted);
    expect(box.textContent).toContain(signature);
  });

  it('inserts at the caret, after a selection there without replacing it', async () => {
    const doc = mailFixture(fixture);
    const box = await openedBox(doc);
    typeFirstLine(box, `${greeting} see you soon`);
    const typed = box.firstElementChild!.firstChild!;
    const range = box.ownerDocument.createRange();
    range.setStart(typed, greeting.indexOf(' ') + 1);
    range.setEnd(typed, greeting.length);
    box.ownerDocument.getSelection()!.addRange(range);
    expect(await insertReply(doc, 'Noted.')).toMatchObject({ ok: true, opened: false });
    expect(shownText(box).startsWith(`${greeting}\n\nNoted.\n\nsee you soon`)).toBe(true);
  });

  it('keeps the draft’s paragraphs and line breaks when the browser has no editing command', async () => {
    const doc = mailFixture(fixture);
    const box = await openedBox(doc);
    typeFirstLine(box, greeting);
    await insertReply(doc, 'Para one,\r\nsame paragraph.\n\n\n\nPara two.');
    expect(shownText(box).startsWith(`${greeting}\n\nPara one,\nsame paragraph.\n\nPara two.`)).toBe(true);
  });
});

describe('insertReply when the conversation changed since the draft was written', () => {
  it('writes nothing into another conversation, and writes into the same one', async () => {
    const doc = mailFixture('gmail-thread.html');
    expect(await insertReply(doc, DRAFT, { expectedSubject: 'Weekly status report' })).toEqual({
      ok: false,
      code: 'conversation-changed',
    });
    expect(adapterFor(doc).findReplyBox(doc)).toBeNull();
    expect(await insertReply(doc, DRAFT, { expectedSubject: 'Lisbon offsite: venue booking' })).toEqual({
      ok: true,
      client: 'gmail',
      opened: true,
    });
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
  it('says so when the page has no Reply button (the inbox list)', async () => {
    expect(await insertReply(mailFixture('gmail-inbox.html'), DRAFT)).toEqual({
      ok: false,
      code: 'no-reply-box',
      diagnostic: {
        code: 'reply-insert-failed',
        details: { adapter: 'gmail', step: 'open-reply', selector: 'reply-button' },
      },
    });
  });

  it('says so when Reply was pressed but no box appeared in time', async () => {
    const silent = readMailFixture('gmail-thread.html').replace(/<script>[\s\S]*<\/script>/, '');
    expect(await insertReply(mailDocument(silent), DRAFT, { waitMs: 50 })).toEqual({
      ok: false,
      code: 'no-reply-box',
      diagnostic: {
        code: 'reply-insert-failed',
        details: { adapter: 'gmail', step: 'reply-box-wait', selector: 'reply-box', ms: 50 },
      },
    });
  });

  it('neither opens a box nor writes when the draft is empty', async () => {
    const doc = mailFixture('gmail-thread.html');
    expect(await insertReply(doc, ' \n ')).toEqual({ ok: false, code: 'insert-failed' });
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
    expect(await insertReply(doc, 'Reviewed, looks good.')).toEqual({ ok: true, client: 'generic', opened: false });
    expect(field.value).toBe(
      'Hi Lena,\n\nReviewed, looks good.\n\nOn Mon, 3 Mar 2025, Lena <lena@example.org> wrote:\n> Can you review the plan?',
    );
  });

  it('writes at the caret when the field has focus', async () => {
    const { doc, field } = textareaPage('Thanks!\n\nCheers');
    field.focus();
    field.setSelectionRange(7, 7);
    await insertReply(doc, 'All done.');
    expect(field.value).toBe('Thanks!\n\nAll done.\n\nCheers');
  });
});
