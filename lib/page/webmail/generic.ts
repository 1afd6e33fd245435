/**
 * Any other page (self-hosted webmail, a mailing-list archive): the selection or the page's main text is the message,
 * and the reply box is the editor the user is in, or the only one on the page.
 */
import { editingHostOf } from '../editing/editing-host';
import { deepestFocusContext, selectedRangeIn } from '../editing/focus-context';
import { plainTextOf } from '../editing/range-text';
import { isFieldEditable, isTextArea } from '../editing/text-field-kind';
import { extractPage } from '../extract/extract-page';
import { allShown } from './dom-lookup';
import { mailMessage, mailReadFailure, threadRead } from './thread-read';
import type { ThreadRead, WebmailAdapter } from './types';

/** Places a user writes longer text: textareas and rich editors (the outermost editable element only). */
const EDITABLE = ['textarea', '[contenteditable=""]', '[contenteditable="true"]', '[contenteditable="plaintext-only"]'];

function selectedText(doc: Document): string {
  const range = selectedRangeIn(deepestFocusContext(doc));
  return range && !range.collapsed ? plainTextOf(range).trim() : '';
}

/** The user's selection as a one-message conversation, or null when nothing is selected. */
export function readSelectionAsThread(doc: Document): ThreadRead | null {
  const selection = selectedText(doc);
  if (!selection) return null;
  const lang = doc.documentElement.getAttribute('lang') ?? undefined;
  return threadRead({ client: 'generic', subject: doc.title, messages: [mailMessage('', selection)], lang });
}

function readThread(doc: Document): ThreadRead {
  const fromSelection = readSelectionAsThread(doc);
  if (fromSelection) return fromSelection;
  const subject = doc.title;
  const htmlLang = doc.documentElement.getAttribute('lang') ?? undefined;
  const page = extractPage(doc);
  if (!page.ok) {
    const diagnostic = mailReadFailure('generic', { step: 'page-text', error: page.error.code });
    return { ok: false, code: 'empty-thread', diagnostic };
  }
  return threadRead({
    client: 'generic',
    subject: subject || page.page.title,
    messages: [mailMessage(page.page.byline ?? '', page.page.text)],
    lang: page.page.lang ?? htmlLang,
  });
}

function isWritable(element: Element): boolean {
  if (isTextArea(element)) return isFieldEditable(element);
  return editingHostOf(element) === element;
}

function findReplyBox(doc: Document): HTMLElement | null {
  const { active } = deepestFocusContext(doc);
  if (active) {
    if (isTextArea(active) && isWritable(active)) return active;
    const host = editingHostOf(active);
    if (host) return host;
  }
  const candidates = allShown(doc, EDITABLE).filter(isWritable);
  return candidates.length === 1 ? (candidates[0] as HTMLElement) : null;
}

export const genericAdapter: WebmailAdapter = {
  client: 'generic',
  matches: () => true,
  readThread,
  findReplyBox,
  // No known Reply button to press on an arbitrary page.
  openReply: () => false,
};
