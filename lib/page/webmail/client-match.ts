/**
 * Decides which known webmail client a document is: by its host, else by its own app structure (self-hosted,
 * proxied or saved pages), where two distinct markers must agree so an ordinary page quoting one never counts.
 */
import { webmailClientOfHost } from '../../core/webmail-hosts';
import type { KnownWebmailClient } from '../../core/webmail-hosts';
import { CLIENT_SIGNATURES, type ClientSignature } from './client-signatures';

/** Two independent markers: a page quoting one class name or one test id is not the client. */
const MIN_MARKERS = 2;

function hostnameOf(doc: Document): string {
  try {
    return doc.location?.hostname || new URL(doc.URL).hostname;
  } catch {
    return '';
  }
}

/** How many of the client's markers the document has (the title counting as one). */
function markerCount(doc: Document, signature: ClientSignature): number {
  let found = signature.title?.test(doc.title) ? 1 : 0;
  for (const marker of signature.markers) {
    if (doc.querySelector(marker)) found += 1;
  }
  return found;
}

const CLIENTS = Object.keys(CLIENT_SIGNATURES) as KnownWebmailClient[];
/** Every client's markers as one selector list: an ordinary page is told apart in one walk of its tree, not forty. */
const ANY_MARKER = CLIENTS.flatMap((client) => CLIENT_SIGNATURES[client].markers).join(', ');

/**
 * The known client whose page this is, if any: the client served from the page's host, else the first (in
 * CLIENT_SIGNATURES' order) of which the page has at least MIN_MARKERS markers.
 */
export function knownClientOf(doc: Document): KnownWebmailClient | undefined {
  const byHost = webmailClientOfHost(hostnameOf(doc));
  if (byHost) return byHost;
  // Without a single marker, only a title could count, and it is one marker: fewer than MIN_MARKERS.
  if (MIN_MARKERS > 1 && !doc.querySelector(ANY_MARKER)) return undefined;
  return CLIENTS.find((client) => markerCount(doc, CLIENT_SIGNATURES[client]) >= MIN_MARKERS);
}
