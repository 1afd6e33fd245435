/**
 * Decides whether a document is a given webmail client: by its host, else by its own app structure (self-hosted,
 * proxied or saved pages), where two distinct markers must agree so an ordinary page quoting one never counts.
 */
import { webmailClientOfHost } from '../../core/webmail-hosts';
import type { KnownWebmailClient, WebmailClient } from '../../core/webmail-hosts';
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
export function markerCount(doc: Document, signature: ClientSignature): number {
  let found = signature.title?.test(doc.title) ? 1 : 0;
  for (const marker of signature.markers) {
    if (doc.querySelector(marker)) found += 1;
  }
  return found;
}

/** True on the client's own host, or when at least MIN_MARKERS of its markers are present. */
export function isClientDocument(doc: Document, client: WebmailClient, signature: ClientSignature): boolean {
  if (webmailClientOfHost(hostnameOf(doc)) === client) return true;
  return markerCount(doc, signature) >= MIN_MARKERS;
}

/** Checked in this order, as the adapters are (detect.ts). */
const KNOWN_CLIENTS: readonly KnownWebmailClient[] = ['gmail', 'outlook', 'proton'];

/** The known client whose page this is, if any: what the page reader asks before reading a page as an article. */
export function knownClientOf(doc: Document): KnownWebmailClient | undefined {
  return KNOWN_CLIENTS.find((client) => isClientDocument(doc, client, CLIENT_SIGNATURES[client]));
}
