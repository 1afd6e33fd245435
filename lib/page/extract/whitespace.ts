/** Whitespace normalisation for text taken from the DOM. */

/** Invisible characters that only mark break opportunities; ZWNJ and ZWJ stay, as Persian, Indic scripts and emoji need them. */
const INVISIBLE_CHARS = /[\u200b\u2060\ufeff\u00ad]/g;
const HAS_INVISIBLE_CHARS = /[\u200b\u2060\ufeff\u00ad]/;
/** Whitespace that is not already a single plain space (most text nodes have only those, and need no copy). */
const UNCOLLAPSED_WHITESPACE = /\s{2,}|[^\S ]/g;

/** Text node content as a browser renders it outside `<pre>`: any whitespace run becomes one space. */
export function collapseWhitespace(text: string): string {
  const visible = HAS_INVISIBLE_CHARS.test(text) ? text.replace(INVISIBLE_CHARS, '') : text;
  return visible.replace(UNCOLLAPSED_WHITESPACE, ' ');
}

/** A paragraph's inline text: lines (from `<br>`) trimmed, empty lines dropped, spaces collapsed. */
export function normalizeParagraph(text: string): string {
  return text
    .split('\n')
    .map((line) => collapseWhitespace(line).trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Preformatted text: Windows/Mac line ends unified, tabs kept, trailing spaces and blank edges removed. */
export function normalizePreformatted(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE_CHARS, '')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}
