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

const ABSOLUTE = /^(?:https?:)?\/\/(?:www\.)?([^/?#:]+)/i;

function hostOf(address: string | null | undefined): string | null {
  const match = address ? ABSOLUTE.exec(address.trim()) : null;
  return match ? match[1]!.toLowerCase() : null;
}

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
