/** Reads the mail conversation open in the page, falling back to the user's selection. */
import { adapterFor } from './detect';
import { readSelectionAsThread } from './generic';
import { selectRange } from '../editing/focus-context';
import { hasMarkedSignature } from './message-text';
import type { ConversationIdentity, ThreadRead, WebmailAdapter } from './types';

function identityOf(adapter: WebmailAdapter, doc: Document): ConversationIdentity {
  try {
    return adapter.identify(doc);
  } catch {
    return { client: adapter.client, ids: [], messageIds: [], subject: '' };
  }
}

/** The selection as the message, tied to the conversation the client shows (so Insert checks it all the same). */
function selectionThread(adapter: WebmailAdapter, doc: Document): ThreadRead | null {
  return readSelectionAsThread(doc, adapter.client, identityOf(adapter, doc));
}

/**
 * The conversation open in `doc`, oldest message first, or why there is none. Plain JSON, safe to return from a script.
 * When a known client's page is not what its adapter expects (the client changed its layout), the user's selection
 * still works: select the conversation's text and draft again.
 */
export function readOpenThread(doc: Document): ThreadRead {
  const adapter = adapterFor(doc);
  let read: ThreadRead;
  try {
    read = adapter.readThread(doc);
  } catch {
    read =
      adapter.client === 'generic'
        ? { ok: false, code: 'no-thread' }
        : {
            ok: false,
            code: 'unreadable',
            client: adapter.client,
            failure: { adapter: adapter.client, step: 'exception', selectors: [] },
          };
  }
  const result = read.ok ? read : (selectionThread(adapter, doc) ?? read);
  if (result.ok && !result.thread.userSignature && replyBoxIsSigned(adapter, doc)) result.thread.userSignature = true;
  return result;
}

/** An open reply box that already holds the user's signature. */
function replyBoxIsSigned(adapter: WebmailAdapter, doc: Document): boolean {
  try {
    return hasMarkedSignature(adapter.findReplyBox(doc));
  } catch {
    return false;
  }
}

function hasSelection(doc: Document): boolean {
  const selection = doc.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString().trim() !== '';
}

/**
 * The fallback the user asks for with one click when the adapter could not read the open message: the selection is
 * read as the message; with nothing selected, the client's reading pane is selected first (visibly, so the user sees
 * what is read) and read.
 */
export function readSelectedMessage(doc: Document): ThreadRead {
  const adapter = adapterFor(doc);
  if (!hasSelection(doc)) {
    const region = adapter.readingRegion(doc);
    if (region) {
      const range = doc.createRange();
      range.selectNodeContents(region);
      selectRange(doc, range);
    }
  }
  const client = adapter.client === 'generic' ? undefined : adapter.client;
  return selectionThread(adapter, doc) ?? { ok: false, code: 'no-selection', ...(client ? { client } : {}) };
}
