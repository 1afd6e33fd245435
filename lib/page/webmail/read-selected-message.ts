/** The user's selection read as the message, when the adapter could not read the open one. */
import { adapterFor } from './detect';
import { selectRange } from '../editing/focus-context';
import { selectionThread } from './thread-with-adapter';
import type { ThreadRead } from './types';

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
