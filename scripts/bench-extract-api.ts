/** What the extraction bench injects into each page: Tacit's page reading, plain Readability beside it, and the chunker. */
import { Readability } from '@mozilla/readability';

export { extractPage } from '../lib/page/extract/extract-page';
export { chunkText } from '../lib/tasks/common/chunk';

/** The baseline: Readability alone on a clone of the document, its article's text content. */
export function readabilityText(doc: Document): string {
  const article = new Readability(doc.cloneNode(true) as Document).parse();
  return article?.textContent ?? '';
}
