/**
 * Any other page (self-hosted webmail, a mailing-list archive): the selection or the page's main text is the message,
 * and the reply box is the editor the user is in, or the only one on the page.
 */
import { editingHostOf } from '../editing/editing-host';
import { deepestFocusContext, selectedRangeIn } from '../editing/focus-context';
import { plainTextOf } from '../editing/range-text';
import { classifyTextField, isFieldEditable, isTextArea } from '../editing/text-field-kind';
import { containsCardNumber, type SensitiveKind } from '../../core/sensitive-data';
import { conversationIdentity, pageAddress, taggedId } from './conversation-identity';
import { allShown } from './dom-lookup';
import { mailMessage, threadRead } from './thread-read';
import type { ConversationIdentity, PageReader, ThreadRead, WebmailAdapter } from './types';

type ThreadRefusal = { ok: false; code: 'sensitive'; sensitive: SensitiveKind | 'password' };
import type { WebmailClient } from '../../core/webmail-hosts';

/** Places a user writes longer text: textareas and rich editors (the outermost editable element only). */
const EDITABLE = ['textarea', '[contenteditable=""]', '[contenteditable="true"]', '[contenteditable="plaintext-only"]'];

/** The selected text, or the refusal when focus is in a secret field or the selection holds a card number. */
function selectedText(doc: Document): string | ThreadRefusal {
  const context = deepestFocusContext(doc);
  const field = context.active ? classifyTextField(context.active) : null;
  if (field?.kind === 'refused')
    return { ok: false, code: 'sensitive', sensitive: field.error.sensitive ?? 'password' };
  const range = selectedRangeIn(context);
  const text = range && !range.collapsed ? plainTextOf(range).trim() : '';
  return containsCardNumber(text) ? { ok: false, code: 'sensitive', sensitive: 'card-number-in-text' } : text;
}

/** Any other page is identified by its address: the same page is the same conversation. */
function identify(doc: Document): ConversationIdentity {
  return conversationIdentity('generic', [taggedId('page', pageAddress(doc))], [], doc.title);
}

/**
 * The user's selection as a one-message conversation, or null when nothing is selected. On a known client's page the
 * client and its conversation identity are given, so Insert still checks it writes into that conversation.
 */
export function readSelectionAsThread(
  doc: Document,
  client: WebmailClient = 'generic',
  conversation: ConversationIdentity = identify(doc),
): ThreadRead | null {
  const selection = selectedText(doc);
  if (typeof selection !== 'string') return selection;
  if (!selection) return null;
  return threadRead({
    client,
    subject: conversation.subject || doc.title,
    messages: [mailMessage('', selection)],
    conversation,
    fromSelection: true,
  });
}

function readThread(doc: Document, readPage?: PageReader): ThreadRead {
  const fromSelection = readSelectionAsThread(doc);
  if (fromSelection) return fromSelection;
  if (!readPage) return { ok: false, code: 'no-thread' };
  const page = readPage(doc);
  if (!page.ok) return { ok: false, code: 'empty-thread' };
  return threadRead({
    client: 'generic',
    subject: doc.title || page.page.title,
    messages: [mailMessage(page.page.byline ?? '', page.page.text)],
    conversation: identify(doc),
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
  readThread,
  identify,
  readingRegion: () => null,
  findReplyBox,
  // No known Reply button to press on an arbitrary page.
  openReply: () => false,
};
