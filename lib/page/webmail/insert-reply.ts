/** Puts a drafted reply into the open reply box, opening it first if needed; the page's own Undo can take it back. */
import { writeIntoRichText } from '../editing/rich-text-edit';
import { writeIntoField } from '../editing/text-field-edit';
import { isFieldEditable, isTextArea } from '../editing/text-field-kind';
import { adapterFor } from './detect';
import { fieldInsertion, richTextInsertion } from './insertion-point';
import { waitForReplyBox } from './reply-box-wait';
import type { InsertReplyResult, WebmailAdapter } from './types';
import type { DiagnosticDetails } from '../../core/diagnostics';

/** How long a client gets to show its reply box after Reply was pressed. */
const DEFAULT_REPLY_WAIT_MS = 3000;

export interface InsertReplyOptions {
  waitMs?: number;
  /** The subject of the conversation the draft answers: nothing is written if another one is open now. */
  expectedSubject?: string;
}

/**
 * Only a known client's readable conversation with another subject counts as changed: an unreadable page is not a
 * reason to refuse, and a generic page has no conversation to compare (so it is not read at all).
 */
function conversationChanged(adapter: WebmailAdapter, doc: Document, expectedSubject: string | undefined): boolean {
  if (!expectedSubject || adapter.client === 'generic') return false;
  const read = adapter.readThread(doc);
  return read.ok && read.thread.subject !== expectedSubject;
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
  options: InsertReplyOptions = {},
): Promise<InsertReplyResult> {
  const draft = normaliseDraft(text);
  // Nothing to write: the client's reply box is not opened for it.
  if (!draft) return { ok: false, code: 'insert-failed' };
  const adapter = adapterFor(doc);
  if (conversationChanged(adapter, doc, options.expectedSubject)) return { ok: false, code: 'conversation-changed' };
  // Which step the adapter got stuck at, for the background to record (never the draft or the page's text).
  const failed = (code: 'no-reply-box' | 'insert-failed', details: DiagnosticDetails): InsertReplyResult => ({
    ok: false,
    code,
    diagnostic: { code: 'reply-insert-failed', details: { adapter: adapter.client, ...details } },
  });
  let box = adapter.findReplyBox(doc);
  let opened = false;
  if (!box) {
    if (!adapter.openReply(doc)) return failed('no-reply-box', { step: 'open-reply', selector: 'reply-button' });
    opened = true;
    const waitMs = options.waitMs ?? DEFAULT_REPLY_WAIT_MS;
    box = await waitForReplyBox(doc, () => adapter.findReplyBox(doc), waitMs);
    if (!box) return failed('no-reply-box', { step: 'reply-box-wait', selector: 'reply-box', ms: waitMs });
  }
  const changed = isTextArea(box) ? insertIntoTextArea(box, draft) : await insertIntoEditor(box, draft);
  if (!changed) return failed('insert-failed', { step: 'write', reason: isTextArea(box) ? 'textarea' : 'rich-text' });
  return { ok: true, client: adapter.client, opened };
}
