/** Picks the adapter for a document: the known clients first (by host or page structure), the generic one last. */
import type { KnownWebmailClient } from '../../core/webmail-hosts';
import { knownClientOf } from './client-match';
import { genericAdapter } from './generic';
import { gmailAdapter } from './gmail';
import { outlookAdapter } from './outlook';
import { protonAdapter } from './proton';
import type { WebmailAdapter } from './types';

const ADAPTERS: Readonly<Record<KnownWebmailClient, WebmailAdapter>> = {
  gmail: gmailAdapter,
  outlook: outlookAdapter,
  proton: protonAdapter,
};

export function adapterFor(doc: Document): WebmailAdapter {
  const client = knownClientOf(doc);
  return client ? ADAPTERS[client] : genericAdapter;
}
