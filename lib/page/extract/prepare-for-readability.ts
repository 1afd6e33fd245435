/**
 * Readability 0.6 loses content in a few common markups, so the copy it reads is adjusted first:
 * - It drops a `<div>` that holds nothing but a heading ("no useful content": it counts text in paragraphs, spans and
 *   the like, never in headings). Wikipedia wraps every section heading so since 2024 (`<div class="mw-heading">`,
 *   once its "[edit]" link is gone), as do many site builders (mozilla/readability#986). Such a wrapper is replaced by
 *   its heading.
 * - It removes any element whose class says "header" as page chrome, headings included: a recipe card's
 *   `<h3 class="wprm-recipe-header">Ingredients</h3>`, a `section-header`. A heading is never the page's header, so
 *   such a class is taken off the heading.
 * - A post the article quotes from a social network (a tweet, an Instagram or TikTok post) is a `<blockquote>` inside a
 *   wrapper whose class often says "social" or "embed" (`social-media-embed`). Readability drops the wrapper as an
 *   unlikely candidate, or later as a `<div>` dense with links (the post's own links and date), and the post with it,
 *   although the article is about what the post says. A wrapper that holds nothing but the post is replaced by the
 *   post, a quote, which Readability keeps.
 */

const HEADINGS = 'h1, h2, h3, h4, h5, h6';
const QUOTED_POSTS = [
  'blockquote.twitter-tweet',
  'blockquote.twitter-video',
  'blockquote.instagram-media',
  'blockquote.tiktok-embed',
  'blockquote.reddit-embed-bq',
  'blockquote.bluesky-embed',
  'blockquote.text-post-media',
].join(', ');
/** Elements above which the page's own structure starts: their class is the article's, not the post's. */
const CONTENT_ROOTS = new Set(['article', 'main', 'body', 'html']);
const TEXT_NODE = 3;

export function prepareForReadability(root: ParentNode): void {
  for (const heading of Array.from(root.querySelectorAll(HEADINGS))) {
    if ((heading.getAttribute('class') ?? '').toLowerCase().includes('header')) heading.removeAttribute('class');
    unwrap(heading, (wrapper) => wrapper.localName === 'div' && holdsOnly(wrapper, heading));
  }
  for (const post of Array.from(root.querySelectorAll(QUOTED_POSTS))) {
    const text = normalized(post.textContent);
    if (text)
      unwrap(post, (wrapper) => !CONTENT_ROOTS.has(wrapper.localName) && normalized(wrapper.textContent) === text);
  }
}

/** Replaces `el`'s wrappers by `el`, one by one (`div > div > h2`), as long as `isWrapper` says each is one. */
function unwrap(el: Element, isWrapper: (wrapper: Element) => boolean): void {
  for (let wrapper = el.parentElement; wrapper && isWrapper(wrapper);) {
    const outer = wrapper.parentElement;
    wrapper.replaceWith(el);
    wrapper = outer;
  }
}

/** The heading is the wrapper's one element, with no text of its own beside it. */
function holdsOnly(wrapper: Element, heading: Element): boolean {
  if (wrapper.childElementCount !== 1) return false;
  for (const node of Array.from(wrapper.childNodes)) {
    if (node !== heading && node.nodeType === TEXT_NODE && node.textContent!.trim() !== '') return false;
  }
  return true;
}

function normalized(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
