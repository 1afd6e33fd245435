/**
 * The fallback reader: structured visible text of <main>, a lone <article>, or <body>, including open shadow roots and
 * same-origin frames, which Readability (working on a copy of the light DOM) cannot see.
 */
import { isNonTextElement, type PageChrome } from './excluded-elements';
import { renderTextAndListing, type ListingText, type RenderedText, type RenderOptions } from './structured-text';
import type { PageVisibility } from './visibility';

/** Prose in a candidate root that makes the larger roots around it unnecessary. */
const ENOUGH_PROSE_CHARS = 500;

/**
 * The live document's text, read without changing it, from the first candidate root on: as visible text (the
 * fallback when Readability finds no article) and as a listing. Each root is walked once for both.
 */
export class LiveText {
  private readonly walked = new Map<Element, { text: RenderedText; listing: ListingText }>();

  constructor(
    private readonly doc: Document,
    private readonly visibility: PageVisibility,
    private readonly chrome: PageChrome,
  ) {}

  /** The first candidate root with enough prose, else the one with most. */
  visibleText(): RenderedText {
    let best: RenderedText | null = null;
    for (const root of candidateRoots(this.doc)) {
      const { text } = this.read(root);
      if (!best || text.stats.proseChars > best.stats.proseChars) best = text;
      if (best.stats.proseChars >= ENOUGH_PROSE_CHARS) break;
    }
    return best ?? { text: '', stats: { chars: 0, linkChars: 0, proseChars: 0, linkOnlyParagraphs: 0 } };
  }

  /**
   * The page read as a listing: the headlines and teasers of the first candidate root that has `minTeasers` of them,
   * with its other content (an intro, dates, bylines); null when no root has that many.
   */
  listing(minTeasers: number): ListingText | null {
    for (const root of candidateRoots(this.doc)) {
      const { listing } = this.read(root);
      if (listing.teasers >= minTeasers) return listing;
    }
    return null;
  }

  private read(root: Element): { text: RenderedText; listing: ListingText } {
    let read = this.walked.get(root);
    if (!read) this.walked.set(root, (read = renderTextAndListing(root, liveOptions(this.visibility, this.chrome))));
    return read;
  }
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
