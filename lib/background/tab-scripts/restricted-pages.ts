/** Which pages an extension cannot read or inject into, and why: browser pages, web stores, the PDF viewer. */

import type { RestrictedPageReason } from '../../core/errors';

/** Chrome's built-in PDF viewer extension; its frame shows up as the frame URL on PDF tabs. */
export const PDF_VIEWER_EXTENSION_ID = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';

const BROWSER_SCHEMES = new Set([
  'chrome:',
  'chrome-untrusted:',
  'chrome-search:',
  'chrome-error:',
  'devtools:',
  'chrome-devtools:',
  'edge:',
  'brave:',
  'opera:',
  'vivaldi:',
  'about:',
]);

const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:', 'safari-web-extension:', 'extension:']);

/** Store hosts where every path is off limits. */
const STORE_HOSTS = new Set(['chromewebstore.google.com', 'addons.mozilla.org']);

/** Store pages that live under a path of a host that is otherwise ordinary. */
const STORE_PATH_PREFIXES: ReadonlyArray<{ host: string; path: string }> = [
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
];

/** Why a URL cannot be scripted, or null when it can (or when the URL is missing or unparseable). */
export function restrictedPageReason(url: string | undefined): RestrictedPageReason | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    // Not a URL at all: nothing here to refuse; scripting will say what it makes of the tab.
    return null;
  }
  const scheme = parsed.protocol.toLowerCase();
  if (scheme === 'view-source:') return 'view-source';
  if (BROWSER_SCHEMES.has(scheme)) return 'browser-page';
  if (EXTENSION_SCHEMES.has(scheme)) {
    return parsed.hostname.toLowerCase() === PDF_VIEWER_EXTENSION_ID ? 'pdf-viewer' : 'extension-page';
  }
  if (scheme !== 'http:' && scheme !== 'https:' && scheme !== 'file:') return null;

  const host = parsed.hostname.toLowerCase();
  const path = parsed.pathname.toLowerCase();
  if (STORE_HOSTS.has(host)) return 'web-store';
  if (STORE_PATH_PREFIXES.some((store) => host === store.host && isUnderPath(path, store.path))) return 'web-store';
  // A tab whose URL is a .pdf document is shown by the built-in viewer, which pages cannot be scripted in.
  if (path.endsWith('.pdf')) return 'pdf-viewer';
  return null;
}

function isUnderPath(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** Frames that inherit their parent's origin; their own URL says nothing about whether they can be scripted. */
export function isInheritingFrameUrl(url: string | undefined): boolean {
  if (!url) return true;
  const lower = url.trim().toLowerCase();
  return (
    lower === 'about:blank' ||
    lower === 'about:srcdoc' ||
    lower.startsWith('about:blank#') ||
    lower.startsWith('about:blank?')
  );
}
