/**
 * Reads the conversation open in a page with a given adapter, falling back to the user's selection. Takes the adapter
 * rather than detecting it, so that the page reader (generic pages only) comes without the known clients' adapters.
 */
import { hasMarkedSignature } from './message-text';
import { readSelectionAsThread } from './generic';
import type { ConversationIdentity, PageReader, ThreadRead, WebmailAdapter } from './types';

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

/**
 * The conversation open in `doc`, oldest message first, or why there is none. Plain JSON, safe to return from a script.
 * When a known client's page is not what its adapter expects (the client changed its layout), the user's selection
 * still works: select the conversation's text and draft again.
 */
export function readThreadWith(adapter: WebmailAdapter, doc: Document, readPage?: PageReader): ThreadRead {
  let read: ThreadRead;
  try {
    read = adapter.readThread(doc, readPage);
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
