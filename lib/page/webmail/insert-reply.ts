/** Puts a drafted reply into the open reply box, opening it first if needed; the page's own Undo can take it back. */
import { plainTextOf } from '../editing/range-text';
import { writeIntoRichText } from '../editing/rich-text-edit';
import { writeIntoField } from '../editing/text-field-edit';
import { isFieldEditable, isTextArea } from '../editing/text-field-kind';
import { matchConversation } from './conversation-identity';
import { adapterFor } from './detect';
import { fieldInsertion, richTextInsertion } from './insertion-point';
import { signatureElements } from './quoted-text';
import { waitForReplyBox } from './reply-box-wait';
import { withoutSignedName } from './signed-name';
import type { ConversationIdentity, InsertReplyError, InsertReplyResult, WebmailAdapter } from './types';

/** How long a client gets to show its reply box after Reply was pressed. */
const DEFAULT_REPLY_WAIT_MS = 3000;

export interface InsertReplyOptions {
  waitMs?: number;
  /** The conversation the draft answers: nothing is written unless the page proves it is the one open now. */
  expected: ConversationIdentity;
}

/** Why the open conversation may not be written into, or null when it is provably the expected one. */
function refusal(adapter: WebmailAdapter, doc: Document, expected: ConversationIdentity): InsertReplyError | null {
  let current: ConversationIdentity;
  try {
    current = adapter.identify(doc);
  } catch {
    return 'conversation-unverified';
  }
  const match = matchConversation(expected, current);
  if (match === 'same') return null;
  return match === 'different' ? 'conversation-changed' : 'conversation-unverified';
}

/** The text of the signatures already in a rich reply box (with Gmail's "-- " prefix, which is one of them). */
function signatureText(host: HTMLElement): string {
  return signatureElements(host)
    .map((signature) => {
      const range = host.ownerDocument.createRange();
      range.selectNodeContents(signature);
      return plainTextOf(range).trim();
    })
    .filter(Boolean)
    .join('\n');
}

/** Unix line ends, no trailing spaces, paragraphs separated by exactly one blank line. */
function normaliseDraft(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

async function insertIntoEditor(host: HTMLElement, draft: string): Promise<boolean> {
  const before = host.textContent ?? '';
  const { at, text } = richTextInsertion(host, draft);
  await writeIntoRichText(host, at, text);
  return (host.textContent ?? '') !== before;
}

function insertIntoTextArea(field: HTMLTextAreaElement, draft: string): boolean {
  if (!isFieldEditable(field)) return false;
  const before = field.value;
  const { offset, text } = fieldInsertion(field, draft);
  const method = writeIntoField(field, offset, offset, text);
  return typeof method === 'string' && field.value !== before;
}

export async function insertReply(
  doc: Document,
  text: string,
  options: InsertReplyOptions,
): Promise<InsertReplyResult> {
  const draft = normaliseDraft(text);
  // Nothing to write: the client's reply box is not opened for it.
  if (!draft) return { ok: false, code: 'insert-failed' };
  const adapter = adapterFor(doc);
  const refused = refusal(adapter, doc, options.expected);
  if (refused) return { ok: false, code: refused };
  let box = adapter.findReplyBox(doc);
  let opened = false;
  if (!box) {
    if (!adapter.openReply(doc)) return noReplyBox(adapter, 'reply-button');
    opened = true;
    box = await waitForReplyBox(doc, () => adapter.findReplyBox(doc), options.waitMs ?? DEFAULT_REPLY_WAIT_MS);
    if (!box) return noReplyBox(adapter, 'reply-box');
    // The user may have moved on while the box was opening: checked again right before writing.
    const moved = refusal(adapter, doc, options.expected);
    if (moved) return { ok: false, code: moved };
  }
  if (isTextArea(box)) {
    return insertIntoTextArea(box, draft)
      ? { ok: true, client: adapter.client, opened }
      : { ok: false, code: 'insert-failed' };
  }
  const signed = withoutSignedName(draft, signatureText(box));
  if (!(await insertIntoEditor(box, signed))) return { ok: false, code: 'insert-failed' };
  return signed === draft
    ? { ok: true, client: adapter.client, opened }
    : { ok: true, client: adapter.client, opened, nameLeftToSignature: true };
}

function noReplyBox(adapter: WebmailAdapter, step: 'reply-button' | 'reply-box'): InsertReplyResult {
  if (adapter.client === 'generic') return { ok: false, code: 'no-reply-box' };
  const selectors = step === 'reply-button' ? ['REPLY_BUTTONS'] : ['REPLY_BOXES'];
  return { ok: false, code: 'no-reply-box', failure: { adapter: adapter.client, step, selectors } };
}
