/** Reads a page's main content as structured text with its metadata. Runs inside the page; never modifies it. */
import { isNonTextElement } from './excluded-elements';
import { readPageMetadata } from './page-metadata';
import { readArticle, type ReadabilityArticle } from './readability-article';
import { renderStructuredText } from './structured-text';
import { estimateTokens } from '../../core/token-estimate';
import type { ExtractedPage, ExtractResult, ExtractionSource } from './types';
import { cloneVisibleDocument } from './visible-clone';
import { readVisibleText } from './visible-text';
import { countWords } from './whitespace';
import { errorName } from '../../core/diagnostics';

/** Below this many characters Readability's article is "too little" and the visible text (with shadow roots and frames) is tried. */
export const MIN_ARTICLE_CHARS = 500;

export function extractPage(doc: Document): ExtractResult {
  try {
    return readPage(doc);
  } catch (cause) {
    return {
      ok: false,
      error: { code: 'extraction-failed' },
      diagnostic: { code: 'page-read-failed', details: { step: 'extract', error: errorName(cause) } },
    };
  }
}

function readPage(doc: Document): ExtractResult {
  const visibleClone = cloneVisibleDocument(doc);
  const article = readArticle(visibleClone);
  let text = article ? renderArticle(article) : '';
  let source: ExtractionSource = 'readability';
  if (text.length < MIN_ARTICLE_CHARS) {
    const visible = readVisibleText(doc, MIN_ARTICLE_CHARS);
    if (visible.length > text.length) {
      text = visible;
      source = 'visible-text';
    }
  }
  if (!text.trim()) {
    return { ok: false, error: { code: 'empty-page' } };
  }
  return { ok: true, page: describePage(doc, article, text, source) };
}

function renderArticle(article: ReadabilityArticle): string {
  return renderStructuredText(article.content, {
    isExcluded: isNonTextElement,
    enterShadowRoots: false,
    enterFrames: false,
  });
}

function describePage(
  doc: Document,
  article: ReadabilityArticle | null,
  text: string,
  source: ExtractionSource,
): ExtractedPage {
  const fromHead = readPageMetadata(doc);
  const page: ExtractedPage = {
    title: article?.title || fromHead.title || '',
    url: doc.URL,
    text,
    tokenEstimate: estimateTokens(text),
    wordCount: countWords(text),
    source,
  };
  const optional = {
    byline: article?.byline || fromHead.byline,
    siteName: article?.siteName || fromHead.siteName,
    lang: fromHead.lang || article?.lang,
    publishedTime: article?.publishedTime || fromHead.publishedTime,
    excerpt: article?.excerpt || fromHead.excerpt,
  };
  for (const [key, value] of Object.entries(optional) as [keyof typeof optional, string | undefined][]) {
    if (value) page[key] = value;
  }
  return page;
}
