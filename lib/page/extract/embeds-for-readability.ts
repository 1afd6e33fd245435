/**
 * Posts an article quotes from social networks (a tweet, an Instagram or TikTok post) are embedded as a `<blockquote>`
 * holding the post's text, inside a wrapper whose class often says "social" or "embed" (`social-media-embed`).
 * Readability drops such a wrapper as an unlikely candidate before it scores anything, or later as a `<div>` dense with
 * links (the post's own links and date), and the quoted text with it, although the article is about what the post
 * says. The copy it reads is adjusted first: wrappers that hold nothing but the post are replaced by the post, a
 * quote, which Readability keeps.
 */

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

export function prepareEmbeds(root: ParentNode): void {
  for (const post of Array.from(root.querySelectorAll(QUOTED_POSTS))) {
    const text = normalized(post.textContent);
    if (!text) continue;
    for (let wrapper = post.parentElement; wrapper && !CONTENT_ROOTS.has(wrapper.localName);) {
      if (normalized(wrapper.textContent) !== text) break;
      const outer = wrapper.parentElement;
      wrapper.replaceWith(post);
      wrapper = outer;
    }
  }
}

function normalized(text: string | null): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
