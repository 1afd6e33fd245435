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

/**
 * Whether the text read comes largely from a feed that loads more as the reader scrolls. `shown` is the copy that
 * holds only what the page shows as content (lib/page/extract/visible-clone.ts): a feed in a sidebar or a hidden
 * block is not in it, and a huge page is searched in its small copy rather than whole.
 */
export function loadsMoreOnScroll(shown: Document): boolean {
  const feeds = shown.querySelectorAll(FEED_SELECTOR);
  if (feeds.length === 0) return false;
  const bodyChars = shown.body?.textContent?.length ?? 0;
  return Array.from(feeds).some((feed) => (feed.textContent?.length ?? 0) >= bodyChars * MIN_FEED_SHARE);
}
