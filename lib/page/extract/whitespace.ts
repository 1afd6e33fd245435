/** Whitespace normalisation for text taken from the DOM. */

/** Invisible characters that only mark break opportunities; ZWNJ and ZWJ stay, as Persian, Indic scripts and emoji need them. */
const INVISIBLE_CHARS = /[\u200b\u2060\ufeff\u00ad]/g;
const WHITESPACE_RUN = /\s+/g;

/** Text node content as a browser renders it outside `<pre>`: any whitespace run becomes one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(INVISIBLE_CHARS, '').replace(WHITESPACE_RUN, ' ');
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
