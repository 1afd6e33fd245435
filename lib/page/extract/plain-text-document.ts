/**
 * A text file the browser shows as it is (served as text/plain: notes, RFCs, books, raw Markdown, logs). Browsers
 * show it as one preformatted block, which the structured reader would hand on as a code block; it is read as the
 * text it is instead, line breaks and paragraphs kept. Source code and data (JSON, CSS, scripts) stay code.
 */
import { pathSegmentsOf } from '../address';
import { normalizePreformatted } from './whitespace';

const PLAIN_TEXT_TYPES = new Set(['text/plain', 'text/markdown', 'text/x-markdown']);

export function isPlainTextDocument(doc: Document): boolean {
  return PLAIN_TEXT_TYPES.has(doc.contentType);
}

/** The file's text: line ends unified, trailing spaces and runs of blank lines trimmed. */
export function plainDocumentText(doc: Document): string {
  return normalizePreformatted(doc.body?.textContent ?? '').replace(/\n{3,}/g, '\n\n');
}

/** What the browser calls the file: its name in the address, else the address's host. */
export function fileNameOf(url: string): string {
  const name = pathSegmentsOf(url).at(-1);
  if (name) return name;
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
