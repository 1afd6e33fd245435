/** Runs Mozilla Readability on a detached document and returns the article element and its metadata. */
import Readability from '@mozilla/readability/Readability.js';
import type { PageMetadata } from './page-metadata';
import { TEXT_CONTENT_NODES } from './text-length';

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

/** The steps of Readability 0.6 that the reader speeds up; each is left as it is when a later version lacks it. */
interface ReadabilitySteps {
  _grabArticle?: (page: Element | null) => Element | null;
  _isElementWithoutContent?: (node: Element) => boolean;
  _isProbablyVisible?: (node: Element) => boolean;
  _isValidByline?: (node: Element, matchString: string) => boolean;
  REGEXPS?: { byline?: RegExp; adWords?: RegExp; loadingWords?: RegExp };
}

/**
 * Readability's ad and loading-indicator words are a whole text (`^…$`) of one word or two, 13 characters at most in
 * 0.6: a longer text is never one, and only a short one need meet the expressions (case-insensitive Unicode
 * alternations, which cost a millisecond or more to compile in each tab a page is read in).
 */
const MAX_SUSPICIOUS_WORDS_CHARS = 40;

/** Readability's own threshold: below it, its later passes read the page with fewer filters. */
export const FULL_RETRY_BELOW_CHARS = 500;

/**
 * Readability mutates the document it reads, so `detached` must be a clone the caller does not reuse.
 * `retryBelowChars`: FULL_RETRY_BELOW_CHARS for Readability's own passes, when a short article may be a teaser.
 */
export function readArticle(detached: Document, retryBelowChars = RETRY_BELOW_CHARS): ReadabilityArticle | null {
  const reader = new Readability<Element>(detached, {
    keepClasses: true,
    charThreshold: retryBelowChars,
    serializer: (node) => showMarkup(node as Element),
  });
  skipDiscardedWork(reader as unknown as ReadabilitySteps);
  const article = reader.parse();
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

/**
 * Work Readability does for nothing, which on a megabyte page is a fifth of its time: it serializes the whole article
 * for a log line it drops (`this.log("Grabbed: " + content.innerHTML)`, debug or not), reads each element's inline
 * style object (built on first use) to see whether the element is hidden, also when it has no style attribute, reads
 * the text of every element while it looks for a byline, and builds the whole text of every `<div>` and `<section>`
 * (the page's outer wrappers hold all of it) to see whether it has none. Its ad and loading words are matched only
 * against texts short enough to be one.
 */
function skipDiscardedWork(reader: ReadabilitySteps): void {
  const grabArticle = reader._grabArticle?.bind(reader);
  if (grabArticle) {
    reader._grabArticle = (page) => {
      const content = grabArticle(page);
      if (content) hideMarkupOnce(content);
      return content;
    };
  }
  if (reader._isElementWithoutContent) reader._isElementWithoutContent = isElementWithoutContent;
  const isProbablyVisible = reader._isProbablyVisible?.bind(reader);
  if (isProbablyVisible) {
    reader._isProbablyVisible = (node) =>
      node.hasAttribute('style') ? isProbablyVisible(node) : isShownByMarkup(node);
  }
  const { adWords, loadingWords } = reader.REGEXPS ?? {};
  if (reader.REGEXPS && adWords && loadingWords) {
    reader.REGEXPS = {
      ...reader.REGEXPS,
      adWords: shortTextOnly(adWords),
      loadingWords: shortTextOnly(loadingWords),
    };
  }
  const isValidByline = reader._isValidByline?.bind(reader);
  const byline = reader.REGEXPS?.byline;
  if (isValidByline && byline) {
    // Readability measures each element's text before it looks at the element's names, so on a page without a byline
    // it reads the whole page's text for every element around the article; the names are checked first here.
    reader._isValidByline = (node, matchString) =>
      (node.getAttribute('rel') === 'author' ||
        (node.getAttribute('itemprop') ?? '').includes('author') ||
        byline.test(matchString)) &&
      isValidByline(node, matchString);
  }
}

/** `pattern`, tested only on texts short enough to be one of its words; Readability only calls `test`. */
function shortTextOnly(pattern: RegExp): RegExp {
  return { test: (text: string) => text.length <= MAX_SUSPICIOUS_WORDS_CHARS && pattern.test(text) } as RegExp;
}

/**
 * Readability's "no content" test (no text, and no children but `<br>` and `<hr>`), with its cheap half first and the
 * text read only up to its first visible character instead of built whole. The same answer for every element.
 */
export function isElementWithoutContent(node: Element): boolean {
  if (node.nodeType !== ELEMENT_NODE) return false;
  const children = node.children.length;
  if (children > 0 && children !== node.getElementsByTagName('br').length + node.getElementsByTagName('hr').length) {
    return false;
  }
  const walker = node.ownerDocument.createTreeWalker(node, TEXT_CONTENT_NODES);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    // `\S` is the complement of what `trim()` removes.
    if (/\S/.test(text.nodeValue ?? '')) return false;
  }
  return true;
}

const ELEMENT_NODE = 1;

/** The article's first `innerHTML` read (the dropped log line) gets an empty string; reads after it get the markup. */
function hideMarkupOnce(content: Element): void {
  Object.defineProperty(content, 'innerHTML', {
    configurable: true,
    get(this: Element) {
      showMarkup(this);
      return '';
    },
  });
}

/** The article as the reader gets it, with its real `innerHTML` again. */
function showMarkup(content: Element): Element {
  delete (content as Partial<Element>).innerHTML;
  return content;
}

/** Readability's visibility test for an element without inline style: the `hidden` and `aria-hidden` attributes. */
function isShownByMarkup(node: Element): boolean {
  if (node.hasAttribute('hidden')) return false;
  // Wikimedia's math images are aria-hidden fallbacks that Readability keeps.
  return (
    node.getAttribute('aria-hidden') !== 'true' ||
    (typeof node.className === 'string' && node.className.includes('fallback-image'))
  );
}
