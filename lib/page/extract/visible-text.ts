/**
 * The fallback reader: structured visible text of <main>, a lone <article>, or <body>, including open shadow roots and
 * same-origin frames, which Readability (working on a copy of the light DOM) cannot see.
 */
import { isNonTextElement, type PageChrome } from './excluded-elements';
import { renderText, type RenderedText, type RenderOptions } from './structured-text';
import type { PageVisibility } from './visibility';

/** Prose in a candidate root that makes the larger roots around it unnecessary. */
const ENOUGH_PROSE_CHARS = 500;

/** Reads the live document without changing it: the first candidate root with enough prose, else the one with most. */
export function readVisibleText(doc: Document, visibility: PageVisibility, chrome: PageChrome): RenderedText {
  let best: RenderedText | null = null;
  for (const root of candidateRoots(doc)) {
    const rendered = renderText(root, { ...liveOptions(visibility, chrome), trimLinkBlocks: true });
    if (!best || rendered.stats.proseChars > best.stats.proseChars) best = rendered;
    if (best.stats.proseChars >= ENOUGH_PROSE_CHARS) break;
  }
  return best ?? { text: '', stats: { chars: 0, linkChars: 0, proseChars: 0, linkOnlyParagraphs: 0 } };
}

/**
 * The page read as a listing: the headlines and teasers of the first candidate root that has `minTeasers` of them,
 * with its other content (an intro, dates, bylines); null when no root has that many.
 */
export function readListing(
  doc: Document,
  visibility: PageVisibility,
  chrome: PageChrome,
  minTeasers: number,
): RenderedText | null {
  for (const root of candidateRoots(doc)) {
    const rendered = renderText(root, { ...liveOptions(visibility, chrome), keepTeasers: true });
    if ((rendered.teasers ?? 0) >= minTeasers) return rendered;
  }
  return null;
}

/** The live page as a reader sees it: what is shown, with shadow roots and frames, without the page's chrome. */
function liveOptions(visibility: PageVisibility, chrome: PageChrome): RenderOptions {
  return {
    isExcluded: (el) => isNonTextElement(el) || chrome.isChrome(el),
    visibility,
    enterShadowRoots: true,
    enterFrames: true,
    leaveOutFurniture: true,
  };
}

export function candidateRoots(doc: Document): Element[] {
  const roots: Element[] = [];
  const main = doc.querySelector('main, [role="main"]');
  if (main) roots.push(main);
  const articles = doc.querySelectorAll('article');
  if (articles.length === 1 && articles[0] && !main?.contains(articles[0])) roots.push(articles[0]);
  if (doc.body) roots.push(doc.body);
  return roots;
}
