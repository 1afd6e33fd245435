/**
 * Readability takes the byline line out of an article only when the page's metadata names no author; on most news
 * pages it does, so "By Oskar Lindqvist · March 2, 2025 · 9 min read" stays at the top of the text. Here that line is
 * taken out of the article when it names the author the metadata gives: the first element marked as a byline before
 * the article's prose, with the short block around it.
 */

/** What Readability takes for a byline: by attribute, or by class or id. */
const BYLINE_MARKUP = '[rel="author"], [itemprop~="author"], [class], [id]';
const BYLINE_NAMES = /byline|author|dateline|writtenby|p-author/i;
const TEXT_BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote';
/** Longer than this, a block is more than a byline line (a sentence that names the author). */
const MAX_LINE_CHARS = 150;
/** A paragraph this long is the article's prose (a standfirst is shorter): a byline comes before it. */
const PROSE_CHARS = 200;

export function dropBylineLine(content: Element, byline: string | undefined): void {
  const name = byline?.trim().toLowerCase();
  if (!name) return;
  for (const el of Array.from(content.querySelectorAll(`p, ${BYLINE_MARKUP}`))) {
    if (!isByline(el)) {
      if (el.localName === 'p' && textLength(el) >= PROSE_CHARS) return;
      continue;
    }
    const line = lineAround(el, content);
    if (textLength(line) <= MAX_LINE_CHARS && (line.textContent ?? '').toLowerCase().includes(name)) line.remove();
    return;
  }
}

function isByline(el: Element): boolean {
  if (el.getAttribute('rel') === 'author' || (el.getAttribute('itemprop') ?? '').split(/\s+/).includes('author'))
    return true;
  return BYLINE_NAMES.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
}

/**
 * The largest block around `el` that is still the one short line (the "By … · date" row around an author link): it
 * never takes in another paragraph or heading (a standfirst above the byline stays).
 */
function lineAround(el: Element, content: Element): Element {
  let line = el;
  for (let parent = line.parentElement; parent && parent !== content; parent = parent.parentElement) {
    if (textLength(parent) > MAX_LINE_CHARS || holdsOtherBlock(parent, line)) break;
    line = parent;
  }
  return line;
}

function holdsOtherBlock(parent: Element, line: Element): boolean {
  for (const block of Array.from(parent.querySelectorAll(TEXT_BLOCKS))) {
    if (block !== line && !line.contains(block) && !block.contains(line)) return true;
  }
  return false;
}

function textLength(el: Element): number {
  return (el.textContent ?? '').trim().length;
}
