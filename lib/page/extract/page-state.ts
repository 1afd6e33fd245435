/** What the page's state says about the text read from it: an endless feed holds only what has loaded so far. */

/** Containers of endless feeds: the ARIA feed pattern and the usual infinite-scroll markers. */
const FEED_SELECTOR = [
  '[role="feed"]',
  '[data-infinite-scroll]',
  '[infinite-scroll]',
  '[class*="infinite-scroll"]',
  '[class*="infinite_scroll"]',
  '[class*="infinitescroll"]',
  '[class*="endless-scroll"]',
].join(', ');

/** A feed counts when it holds at least this share of the page's text (not a "load more comments" under an article). */
const MIN_FEED_SHARE = 0.25;

/** Whether the text read comes largely from a feed that loads more as the reader scrolls. */
export function loadsMoreOnScroll(doc: Document, isRemoved: (el: Element) => boolean): boolean {
  const feeds = doc.querySelectorAll(FEED_SELECTOR);
  if (feeds.length === 0) return false;
  const bodyChars = doc.body?.textContent?.length ?? 0;
  for (const feed of Array.from(feeds)) {
    if ((feed.textContent?.length ?? 0) < bodyChars * MIN_FEED_SHARE) continue;
    if (!hasRemovedAncestor(feed, isRemoved)) return true;
  }
  return false;
}

function hasRemovedAncestor(el: Element, isRemoved: (el: Element) => boolean): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) if (isRemoved(node)) return true;
  return false;
}
