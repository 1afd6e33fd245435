/** Decides whether a document is a given webmail client: by its host, else by several of its distinctive elements at once. */
import { webmailClientOfHost } from '../../core/webmail-hosts';
import type { WebmailClient } from '../../core/webmail-hosts';

/** Enough distinct markers that a page merely quoting one client's HTML (a forwarded mail, a blog post) does not count. */
const MIN_MARKERS = 3;

function hostnameOf(doc: Document): string {
  try {
    return doc.location?.hostname || new URL(doc.URL).hostname;
  } catch {
    // A document without a usable URL (about:blank): it matches no client by host.
    return '';
  }
}

/** True on the client's own host, or when at least MIN_MARKERS of its markers are present (self-hosted, test pages). */
export function isClientDocument(doc: Document, client: WebmailClient, markers: readonly string[]): boolean {
  if (webmailClientOfHost(hostnameOf(doc)) === client) return true;
  let found = 0;
  for (const marker of markers) {
    if (doc.querySelector(marker)) found += 1;
    if (found >= MIN_MARKERS) return true;
  }
  return false;
}
