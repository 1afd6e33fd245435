/** Page text extraction and chunking: the public surface of lib/extract. */
export { extractPage, MIN_ARTICLE_CHARS } from './extract-page';
export { chunkText } from './chunk';
export { estimateTokens } from './token-estimate';
export type {
  ExtractedPage,
  ExtractError,
  ExtractErrorCode,
  ExtractResult,
  ExtractionSource,
  TextChunk,
  TokenEstimator,
} from './types';
