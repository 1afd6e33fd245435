/** The typed result of reading a page: the extracted article, or an error code the UI words. */
import type { PageDiagnostic } from '../../core/diagnostics';

/** Counts tokens for a piece of text; `estimateTokens` is the default, a model tokenizer can replace it. */
export type TokenEstimator = (text: string) => number;

/**
 * Where the text came from: Readability's article, the visible text of main/article/body (and shadow roots, frames),
 * a page that lists stories read as its headlines and teasers, a text file's own text, or the open conversation of a
 * webmail client (lib/webmail), which Readability would mix with the mailbox around it.
 */
export type ExtractionSource = 'readability' | 'visible-text' | 'listing' | 'plain-text' | 'mail-thread';

export interface ExtractedPage {
  title: string;
  byline?: string;
  siteName?: string;
  /** BCP 47 tag from `<html lang>`, Readability, or a content-language meta tag. */
  lang?: string;
  /** As written by the page (usually ISO 8601); not parsed. */
  publishedTime?: string;
  excerpt?: string;
  url: string;
  /** Structured text: `#` headings, `- ` / `1. ` list items, fenced code, blank lines between paragraphs. Never truncated. */
  text: string;
  source: ExtractionSource;
  /** The page is an endless feed that loads more as it is scrolled: `text` holds what had loaded when it was read. */
  loadsMore?: true;
}

export type ExtractErrorCode = 'empty-page' | 'extraction-failed';

export interface ExtractError {
  code: ExtractErrorCode;
}

/** `diagnostic` names a failure on the way (an adapter or the extraction threw), for the background to record. */
export type ExtractResult =
  | { ok: true; page: ExtractedPage; diagnostic?: PageDiagnostic }
  | { ok: false; error: ExtractError; diagnostic?: PageDiagnostic };

/** One piece of a long text that fits a token budget. */
export interface TextChunk {
  index: number;
  /** Exact slice `[start, end)` of the chunked text; chunks are contiguous, so joining every `text` with '' gives the original back. */
  text: string;
  start: number;
  end: number;
  tokenEstimate: number;
  /** Headings (without `#` marks) enclosing the chunk's first character, outermost first. */
  headingPath: string[];
}
