/**
 * Which links go to another page of the site a page belongs to: what a news site's "Most read" or "More from" lists
 * are made of, unlike a story's sources or a shop's offers. The site is the page's own host and the host of the
 * address it declares as canonical (a saved page declares where it came from). Tested on the address as written,
 * without a URL parse per link: pages hold thousands of links.
 */

/** Marks a link in the reader's copy, whose addresses are dropped before Readability reads it. */
export const SITE_LINK_ATTRIBUTE = 'data-tacit-site-link';

export interface Site {
  /** Hosts without a leading `www.`. */
  hosts: ReadonlySet<string>;
  /** The page's own address without its fragment: a link to it is not a link to another page. */
  pageAddress: string;
}

/**
 * The host of an absolute address (`https://`, `http://` or `//`), lowercased and without a leading `www.`; null for
 * any other. Read by hand, as the links are many and an expression costs its compiling in each tab a page is read in.
 */
function hostOf(address: string | null | undefined): string | null {
  if (!address) return null;
  const text = address.trim();
  const scheme = text.slice(0, 6).toLowerCase();
  let at = scheme === 'https:' ? 6 : scheme.startsWith('http:') ? 5 : 0;
  if (!text.startsWith('//', at)) return null;
  at += 2;
  let end = at;
  while (end < text.length && !HOST_ENDS.includes(text[end]!)) end++;
  let host = text.slice(at, end).toLowerCase();
  if (host.startsWith('www.') && host.length > 4) host = host.slice(4);
  return host || null;
}

/** What ends the host in an address: its path, query, fragment or port. */
const HOST_ENDS = '/?#:';

export function siteOf(doc: Document): Site {
  const hosts = new Set<string>();
  for (const address of [
    doc.URL,
    doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url" i]')?.getAttribute('content'),
  ]) {
    const host = hostOf(address);
    if (host) hosts.add(host);
  }
  return { hosts, pageAddress: doc.URL.split('#')[0]! };
}

/** A link to another page of `site`: a path on the same host, or an absolute address on one of its hosts. */
export function isSiteLink(href: string, site: Site): boolean {
  const address = href.trim();
  if (!address || address.startsWith('#') || address.split('#')[0] === site.pageAddress) return false;
  if (address.startsWith('/') && !address.startsWith('//')) return true;
  const host = hostOf(address);
  if (host !== null) return site.hosts.has(host);
  // A relative path ("story.html", "../news/x") stays on the site; a scheme (mailto:, javascript:) does not.
  return !/^[a-z][a-z0-9+.-]*:/i.test(address);
}
