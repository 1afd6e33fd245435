/** Reads the mail conversation open in a page, with the adapter of the client the page is (the mail agent's side). */
import { adapterFor } from './detect';
import { readThreadWith } from './thread-with-adapter';
import type { PageReader, ThreadRead } from './types';

/**
 * The conversation open in `doc` for a reply, falling back to the user's selection. `readPage` reads an ordinary page
 * as the message; the editing script, which has no page reading, leaves it out (the reader agent reads those pages).
 */
export function readOpenThread(doc: Document, readPage?: PageReader): ThreadRead {
  return readThreadWith(adapterFor(doc), doc, readPage);
}

/**
 * The conversation open in a known client's page, for a summary: the client's own reading only, so that a summary
 * falls back to the page's text rather than to a selection.
 */
export function readConversation(doc: Document): ThreadRead {
  const adapter = adapterFor(doc);
  if (adapter.client === 'generic') return { ok: false, code: 'no-thread' };
  try {
    return adapter.readThread(doc);
  } catch {
    return { ok: false, code: 'unreadable', client: adapter.client };
  }
}
