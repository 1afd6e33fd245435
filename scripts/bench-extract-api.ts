/** What the extraction bench injects into each page: page reading and the chunker the summary uses after it. */
export { extractPage } from '../lib/page/extract/extract-page';
export { chunkText } from '../lib/tasks/common/chunk';
