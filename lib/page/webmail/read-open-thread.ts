/** Reads the mail conversation open in the page, falling back to the user's selection. */
import { adapterFor } from './detect';
import { readSelectionAsThread } from './generic';
import type { ThreadRead } from './types';
import { mailReadFailure } from './thread-read';
import { errorName } from '../../core/diagnostics';

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
  } catch (error) {
    read = { ok: false, code: 'no-thread', diagnostic: mailReadFailure(adapter.client, { error: errorName(error) }) };
  }
  if (read.ok) return read;
  const fromSelection = readSelectionAsThread(doc);
  if (!fromSelection) return read;
  // The selection stood in for a known client's unreadable page: worth knowing, though the user saw no failure.
  const diagnostic = read.diagnostic && {
    ...read.diagnostic,
    details: { ...read.diagnostic.details, fallback: 'selection' },
  };
  return diagnostic ? { ...fromSelection, diagnostic } : fromSelection;
}
