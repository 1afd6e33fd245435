/**
 * Reads a page's main content as structured text with its metadata. Runs inside the page; never modifies it.
 * Readability's article is preferred whenever it is a plausible article; the visible text (with shadow roots and
 * frames) is read only when the article is clearly missing, and wins only with more prose, so an article is never
 * traded for menus. Work is bounded on huge pages: past a size, the pruned copy's text is read without Readability.
 */
import { isNonTextElement, PageChrome } from './excluded-elements';
import { readPageMetadata } from './page-metadata';
import { loadsMoreOnScroll } from './page-state';
import { FULL_RETRY_BELOW_CHARS, readArticle, type ReadabilityArticle } from './readability-article';
import { prepareForReadability } from './prepare-for-readability';
import { dropBylineLine } from './byline-line';
import { renderText, type RenderedText, type TextStats } from './structured-text';
import type { ExtractedPage, ExtractResult, ExtractionSource } from './types';
import { buildClone, planVisibleClone } from './visible-clone';
import { candidateRoots, LiveText } from './visible-text';
import { declaresOneItem } from './declared-type';
import { PageVisibility } from './visibility';
import { errorName } from '../../core/diagnostics';
import { fileNameOf, isPlainTextDocument, plainDocumentText } from './plain-text-document';

/** Below this much prose (text outside links, in sentence-length paragraphs) the article is missing, not short. */
const MIN_ARTICLE_PROSE_CHARS = 80;
/** The least prose with which Readability's fuller passes replace a short article (a brief is shorter than a screen). */
const FULLER_ARTICLE_MIN_PROSE = 1_000;
/** A reading with less prose than this may be a listing's intro (up to a few paragraphs) rather than its content. */
const LISTING_BELOW_PROSE_CHARS = 1000;
/** Prose that is no more than a listing's intro (a line or two, a newsletter's blurb), never a short article. */
const INTRO_PROSE_CHARS = 150;
/** Headlines and teasers that make a page a listing: more than a "Recent news" box beside a brief holds. */
const MIN_LISTING_TEASERS = 6;
/** How many times longer than the reading a listing's text must be to replace it: an intro, a short article. */
const LISTING_OVER_INTRO = 3;
const LISTING_OVER_SHORT_ARTICLE = 8;
/** Readability's work grows faster than the page: past this many elements the copy is read directly instead. */
const MAX_READABILITY_ELEMENTS = 40_000;

interface Reading {
  article: ReadabilityArticle | null;
  rendered: RenderedText;
  source: ExtractionSource;
  /** The page is an endless feed (judged on the copy, before Readability changes it). */
  loadsMore: boolean;
}

export interface ExtractOptions {
  /** Past this many elements kept for the copy, its text is read without Readability. */
  maxReadabilityElements?: number;
}

export function extractPage(doc: Document, options: ExtractOptions = {}): ExtractResult {
  try {
    return readPage(doc, options.maxReadabilityElements ?? MAX_READABILITY_ELEMENTS);
  } catch (cause) {
    return {
      ok: false,
      error: { code: 'extraction-failed' },
      diagnostic: { code: 'page-read-failed', details: { step: 'extract', error: errorName(cause) } },
    };
  }
}

function readPage(doc: Document, maxReadabilityElements: number): ExtractResult {
  if (isPlainTextDocument(doc)) return readPlainTextDocument(doc);
  let reading = readWith(doc, new PageVisibility(doc, { openCollapsedPanels: true }), maxReadabilityElements);
  if (!reading.rendered.text.trim() && (doc.body?.textContent ?? '').trim()) {
    // Everything with text is hidden: a page that shows its content only once a script has run (or a blocked one).
    const visibility = new PageVisibility(doc, { ignoreVisibility: true, openCollapsedPanels: true });
    reading = readWith(doc, visibility, maxReadabilityElements);
  }
  if (!reading.rendered.text.trim()) return { ok: false, error: { code: 'empty-page' } };
  const page = describePage(doc, reading);
  if (reading.loadsMore) page.loadsMore = true;
  return { ok: true, page };
}

function readWith(doc: Document, visibility: PageVisibility, maxReadabilityElements: number): Reading {
  const chrome = new PageChrome();
  const plan = planVisibleClone(doc, visibility, chrome);
  const clone = buildClone(doc, plan);
  const loadsMore = loadsMoreOnScroll(clone);
  if (plan.keptElements > maxReadabilityElements) {
    const root = candidateRoots(clone)[0] ?? clone.documentElement;
    return { article: null, rendered: renderDetached(root), source: 'visible-text', loadsMore };
  }
  let { article, rendered } = readArticleOf(clone);
  if (article && rendered.stats.chars < FULL_RETRY_BELOW_CHARS) {
    // A short article is a brief, or a teaser (a hero's standfirst, a lead-in box) above the article that Readability's
    // strict pass left out: its fuller passes, on a fresh copy, tell them apart by what they add.
    const fuller = readArticleOf(buildClone(doc, plan), FULL_RETRY_BELOW_CHARS);
    if (isClearlyFuller(fuller.rendered.stats, rendered.stats)) ({ article, rendered } = fuller);
  }
  let reading: Reading = { article, rendered, source: 'readability', loadsMore };
  const live = new LiveText(doc, visibility, chrome);
  if (!isPlausibleArticle(rendered.stats)) {
    const visible = live.visibleText();
    if (visible.stats.proseChars > rendered.stats.proseChars || (!rendered.text.trim() && visible.text.trim())) {
      reading = { article, rendered: visible, source: 'visible-text', loadsMore };
    }
  }
  return readAsListing(doc, live, reading) ?? reading;
}

/**
 * A page with little prose that is a list of stories (a front page, a topic page, search results) is read as that
 * list: what it links to is its content. Only when the page does not say it is one item, the list has several
 * headlines, and it holds far more text than the reading had: three times a line or two of intro, eight times a
 * short article, so that a brief with its "More news" stays as it was.
 */
function readAsListing(doc: Document, live: LiveText, reading: Reading): Reading | null {
  const { stats, text } = reading.rendered;
  if (stats.proseChars >= LISTING_BELOW_PROSE_CHARS || declaresOneItem(doc)) return null;
  const listing = live.listing(MIN_LISTING_TEASERS);
  const factor = stats.proseChars > INTRO_PROSE_CHARS ? LISTING_OVER_SHORT_ARTICLE : LISTING_OVER_INTRO;
  if (!listing || listing.text.length < factor * text.length) return null;
  // The article Readability picked was one teaser: its byline and excerpt are not the page's.
  return { ...reading, article: null, rendered: listing, source: 'listing' };
}

function readPlainTextDocument(doc: Document): ExtractResult {
  const text = plainDocumentText(doc);
  if (!text) return { ok: false, error: { code: 'empty-page' } };
  const page = describePage(doc, {
    article: null,
    rendered: { text, stats: EMPTY.stats },
    source: 'plain-text',
    loadsMore: false,
  });
  // A text file has no title of its own: the browser names its tab after the file.
  page.title ||= fileNameOf(doc.URL);
  return { ok: true, page };
}

const EMPTY: RenderedText = { text: '', stats: { chars: 0, linkChars: 0, proseChars: 0, linkOnlyParagraphs: 0 } };

/** Text of the detached copy, which holds only shown content already. */
function renderDetached(root: Element): RenderedText {
  return renderText(root, {
    isExcluded: isNonTextElement,
    enterShadowRoots: false,
    enterFrames: false,
    trimLinkBlocks: true,
    leaveOutFurniture: true,
  });
}

/** Readability's article of a copy (which it changes), without its byline line, as text. */
function readArticleOf(clone: Document, retryBelowChars?: number): Pick<Reading, 'article' | 'rendered'> {
  prepareForReadability(clone);
  const article = readArticle(clone, retryBelowChars);
  if (!article) return { article: null, rendered: EMPTY };
  dropBylineLine(article.content, article.byline);
  return { article, rendered: renderDetached(article.content) };
}

/**
 * What Readability's fuller passes found is kept over a short article only when it is clearly longer prose with few
 * links: 1,000+ characters of prose, three times the short one. What they add around a real brief (sidebars, lists
 * of teasers) never is.
 */
function isClearlyFuller({ proseChars, linkChars, chars }: TextStats, short: TextStats): boolean {
  return proseChars >= FULLER_ARTICLE_MIN_PROSE && proseChars >= 3 * short.chars && linkChars * 4 < chars;
}

/** Enough prose, and not mostly links: what a navigation block or a list of teasers picked by mistake never is. */
function isPlausibleArticle(stats: TextStats): boolean {
  return stats.proseChars >= MIN_ARTICLE_PROSE_CHARS && stats.linkChars * 2 < stats.chars;
}

function describePage(doc: Document, { article, rendered, source }: Reading): ExtractedPage {
  const metadata = readPageMetadata(doc, article ?? {});
  const { text } = rendered;
  const page: ExtractedPage = {
    title: metadata.title ?? '',
    url: doc.URL,
    text,
    source,
  };
  const { title: _title, ...optional } = metadata;
  for (const [key, value] of Object.entries(optional) as [keyof typeof optional, string | undefined][]) {
    if (value) page[key] = value;
  }
  return page;
}
