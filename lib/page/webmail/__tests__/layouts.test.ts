// @vitest-environment happy-dom
/**
 * Every layout in every interface language: reading, inserting (Tacit opening the reply, at the caret, after typed
 * text, through the undoable editing command) and refusing another or an unprovable conversation. The test names
 * start with "layout" so the closing table can be counted from the run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { withMessageLanguage } from '../../../tasks/common/message-language';
import { plainTextOf } from '../../editing/range-text';
import { installFakeExecCommand } from '../../editing/__tests__/fake-exec-command';
import { adapterFor } from '../detect';
import { insertReply } from '../insert-reply';
import { readOpenThread } from '../read-open-thread';
import type { ConversationIdentity, MailThread } from '../types';
import { LAYOUTS, type Layout } from './layouts';
import { closeMailWindows, mailDocument, readMailFixture } from './mail-fixture';
import { UI_LANGUAGES, localizedHtml, type UiLanguage } from './ui-languages';

afterEach(closeMailWindows);

const DRAFT = 'Thanks, that works for me.\n\nBest,\nJonas';
/** The signatures in the fixtures' reply boxes name Jonas Weber: the draft's own closing name is left to them. */
const DRAFT_SIGNED = 'Thanks, that works for me.\n\nBest,';

const CASES = LAYOUTS.flatMap((layout) => UI_LANGUAGES.map((language) => [layout.name, language, layout] as const));

/**
 * No editor runs in these pages (their reply boxes are plain contenteditable), so each wait for an editor to take a
 * paste or a paragraph break runs to its limit: capped, since nothing here can answer later, the 297 cases take
 * seconds instead of minutes.
 */
const EDITOR_WAIT_CAP_MS = 5;

function page(layout: Layout, language: UiLanguage): Document {
  const html = localizedHtml(readMailFixture(layout.fixture), layout.uiLanguage, language);
  return mailDocument(html, layout.url, { maxTimerMs: EDITOR_WAIT_CAP_MS });
}

function threadOf(doc: Document): MailThread {
  const read = readOpenThread(doc);
  if (!read.ok) throw new Error(`expected a thread, got ${read.code} ${JSON.stringify(read.failure)}`);
  return read.thread;
}

function frames(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 30));
}

/** What the user sees in the box, line breaks included. */
function shownText(box: HTMLElement): string {
  const range = box.ownerDocument.createRange();
  range.selectNodeContents(box);
  return plainTextOf(range);
}

/** The user clicks the client's own Reply and waits for the box. */
async function userOpensReply(doc: Document, layout: Layout): Promise<HTMLElement> {
  (doc.querySelector(layout.replyControl) as HTMLElement).click();
  await frames();
  const box = adapterFor(doc).findReplyBox(doc);
  if (!box) throw new Error('the fixture did not open a reply box');
  return box;
}

/** As if the user typed `text` on the box's first (empty) line and then clicked elsewhere, e.g. in the side panel. */
function typeFirstLine(box: HTMLElement, text: string): void {
  box.firstElementChild!.textContent = text;
  box.ownerDocument.getSelection()!.removeAllRanges();
}

function otherConversation(identity: ConversationIdentity): ConversationIdentity {
  return { ...identity, ids: identity.ids.map((id) => `${id}-other`), messageIds: [] };
}

describe.each(CASES)('layout %s · UI %s', (_name, language, layout) => {
  it('layout read+refuse: reads sender, date and words, in the mail’s language; never writes into another conversation', async () => {
    const doc = page(layout, language);
    expect(adapterFor(doc).client).toBe(layout.client);
    const thread = threadOf(doc);
    expect(thread.client).toBe(layout.client);
    expect(thread.subject).toBe(layout.subject);
    expect(thread.messages.map((m) => [m.from, m.fromAddress, m.date])).toEqual(layout.senders);
    expect(thread.messages.at(-1)!.text).toBe(layout.newestText);
    const all = thread.messages.map((m) => m.text).join('\n');
    for (const text of layout.notRead) expect(all).not.toContain(text);
    expect(thread.unreadMessages ?? 0).toBe(layout.unread);
    expect(thread.userName ?? '').toBe(layout.userName);
    expect(withMessageLanguage(thread).lang).toBe(layout.mailLanguage);
    expect(thread.conversation.ids).toEqual(expect.arrayContaining(layout.ids));

    const identity = thread.conversation;
    expect(await insertReply(doc, DRAFT, { expected: otherConversation(identity) })).toEqual({
      ok: false,
      code: 'conversation-changed',
    });
    const unprovable: ConversationIdentity = { ...identity, ids: ['page:http://127.0.0.1/elsewhere'], messageIds: [] };
    expect(await insertReply(doc, DRAFT, { expected: unprovable })).toEqual({
      ok: false,
      code: 'conversation-unverified',
    });
    expect(adapterFor(doc).findReplyBox(doc)).toBeNull();
  });

  it('layout insert: opens the reply and writes above the quoted history and signature, name left to the signature', async () => {
    const doc = page(layout, language);
    const expected = adapterFor(doc).identify(doc);
    const result = await insertReply(doc, DRAFT, { expected, waitMs: 200 });
    if (language === 'zz' && !layout.replyWithoutLabels) {
      // Reply is a button known only by its label: in a language no table has, the user opens it (next test).
      expect(result).toMatchObject({ ok: false, code: 'no-reply-box', failure: { step: 'reply-button' } });
      return;
    }
    expect(result).toEqual({ ok: true, client: layout.client, opened: true, nameLeftToSignature: true });
    const text = shownText(adapterFor(doc).findReplyBox(doc)!);
    expect(text.startsWith(DRAFT_SIGNED)).toBe(true);
    expect(text.indexOf(layout.quoted)).toBeGreaterThan(DRAFT_SIGNED.length);
    expect(text.indexOf(layout.signature)).toBeGreaterThan(DRAFT_SIGNED.length);
  });

  it('layout caret+typed: at the caret without replacing a selection, then after the user’s text, undoably', async () => {
    const doc = page(layout, language);
    const expected = adapterFor(doc).identify(doc);
    const box = await userOpensReply(doc, layout);
    const execCommand = installFakeExecCommand(box.ownerDocument);
    typeFirstLine(box, 'Hello, see you soon');
    const typed = box.firstElementChild!.firstChild!;
    const range = box.ownerDocument.createRange();
    range.setStart(typed, 'Hello, '.length);
    range.setEnd(typed, 'Hello, see'.length);
    box.ownerDocument.getSelection()!.addRange(range);
    expect(await insertReply(doc, 'Noted.', { expected })).toMatchObject({ ok: true, opened: false });
    expect(box.textContent!.startsWith('Hello, see\n\nNoted.\n\n you soon')).toBe(true);

    box.ownerDocument.getSelection()!.removeAllRanges();
    expect(await insertReply(doc, DRAFT, { expected })).toMatchObject({ ok: true, opened: false });
    // The browser's undoable editing command wrote it (Ctrl+Z in the box takes it back).
    expect(execCommand.mock.calls.filter(([command]) => command === 'insertText')).toHaveLength(2);
    expect(box.textContent).toContain(`you soon\n\n${DRAFT_SIGNED}`);
    expect(box.textContent!.indexOf(DRAFT_SIGNED)).toBeLessThan(box.textContent!.indexOf(layout.quoted));
  });
});
