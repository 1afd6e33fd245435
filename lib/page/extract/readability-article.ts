/** Runs Mozilla Readability on a detached document and returns the article element and its metadata. */
import { Readability } from '@mozilla/readability';
import type { PageMetadata } from './page-metadata';

/**
 * Below this many characters Readability parses the page again with fewer filters, up to three more times (its default
 * is 500). A shorter article from the strict pass is the better reading (news briefs, alerts: the later passes add
 * the sidebars around them), and the reader checks an article's prose itself (lib/page/extract/extract-page.ts).
 */
const RETRY_BELOW_CHARS = 250;

export interface ReadabilityArticle extends PageMetadata {
  /** Root of the cleaned article, an element of the detached document (never of the live page). */
  content: Element;
}

/** Readability mutates the document it reads, so `detached` must be a clone the caller does not reuse. */
export function readArticle(detached: Document): ReadabilityArticle | null {
  const article = new Readability<Element>(detached, {
    keepClasses: true,
    charThreshold: RETRY_BELOW_CHARS,
    serializer: (node) => node as Element,
  }).parse();
  if (!article?.content) return null;
  return {
    content: article.content,
    title: article.title ?? undefined,
    byline: article.byline ?? undefined,
    siteName: article.siteName ?? undefined,
    lang: article.lang ?? undefined,
    publishedTime: article.publishedTime ?? undefined,
    excerpt: article.excerpt ?? undefined,
  };
}
