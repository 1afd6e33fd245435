/**
 * The user's selection read as the message. Apart from reading the open conversation (read-open-thread.ts) because
 * the editing script needs only this, and so comes without page reading.
 */
import { adapterFor } from './detect';
import { readSelectionAsThread } from './generic';
import { selectRange } from '../editing/focus-context';
import type { ConversationIdentity, ThreadRead, WebmailAdapter } from './types';

function identityOf(adapter: WebmailAdapter, doc: Document): ConversationIdentity {
  try {
    return adapter.identify(doc);
  } catch {
    return { client: adapter.client, ids: [], messageIds: [], subject: '' };
  }
}

/** The selection as the message, tied to the conversation the client shows (so Insert checks it all the same). */
export function selectionThread(adapter: WebmailAdapter, doc: Document): ThreadRead | null {
  return readSelectionAsThread(doc, adapter.client, identityOf(adapter, doc));
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
