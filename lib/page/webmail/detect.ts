/** Picks the adapter for a document: the known clients first (by host or page structure), the generic one last. */
import { genericAdapter } from './generic';
import { gmailAdapter } from './gmail';
import { outlookAdapter } from './outlook';
import { protonAdapter } from './proton';
import type { WebmailAdapter } from './types';

const KNOWN_CLIENTS: readonly WebmailAdapter[] = [gmailAdapter, outlookAdapter, protonAdapter];

export function adapterFor(doc: Document): WebmailAdapter {
  return KNOWN_CLIENTS.find((adapter) => adapter.matches(doc)) ?? genericAdapter;
}
