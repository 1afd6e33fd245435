/** Reads the mail conversation open in the page, falling back to the user's selection. */
import { extractPage } from '../extract/extract-page';
import { adapterFor } from './detect';
import { hasMarkedSignature } from './message-text';
import { selectionThread } from './read-selected-message';
import type { ThreadRead, WebmailAdapter } from './types';

/**
 * The conversation open in `doc`, oldest message first, or why there is none. Plain JSON, safe to return from a script.
 * When a known client's page is not what its adapter expects (the client changed its layout), the user's selection
 * still works: select the conversation's text and draft again.
 */
export function readOpenThread(doc: Document): ThreadRead {
  const adapter = adapterFor(doc);
  let read: ThreadRead;
  try {
    read = adapter.readThread(doc, extractPage);
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
