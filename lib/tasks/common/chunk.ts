/** Splits long text into chunks that each fit a token budget, cutting at the most structural boundary possible. */
import { parseTextBlocks, type TextBlock } from './text-blocks';
import { estimateTokens } from '../../core/token-estimate';
import type { TextChunk, TokenEstimator } from '../../page/extract/types';

/** Split levels, from most to least structural: headings by depth, blocks, lines, sentences, words, characters. */
const DEEPEST_HEADING_LEVEL = 6;
const BLOCK_LEVEL = 7;
const LINE_LEVEL = 8;
const SENTENCE_LEVEL = 9;
const WORD_LEVEL = 10;
const CHARACTER_LEVEL = WORD_LEVEL + 1;

const SENTENCE_END = /[.!?…]+["'”’»)\]]*\s+|[。！？]+["'”’」』)]*\s*/g;
const WORD_GAP = /\s+/g;

type Span = readonly [start: number, end: number];

/**
 * Chunks are exact, contiguous slices of `text`: `chunks.map((c) => c.text).join('') === text`.
 * The blank lines separating two blocks stay at the end of the earlier chunk. Each chunk's estimate is ≤ `budgetTokens`.
 * Whole sections (heading + body) are packed together greedily; an oversized section is split at sub-headings, then
 * blocks (paragraph, list, fenced code), then lines, sentences, words, and as a last resort characters.
 * Throws RangeError when the budget is not positive or a single character is over it (a caller bug, not page data).
 */
export function chunkText(text: string, budgetTokens: number, estimate: TokenEstimator = estimateTokens): TextChunk[] {
  if (!(budgetTokens >= 1)) throw new RangeError(`Token budget must be at least 1, got ${budgetTokens}`);
  if (!text) return [];
  const blocks = parseTextBlocks(text);
  const fits = (start: number, end: number) => estimate(text.slice(start, end)) <= budgetTokens;
  const spans: Span[] = [];
  if (fits(0, text.length)) spans.push([0, text.length]);
  else packSpan(0, text.length, 1, { text, blocks, fits, spans });
  return describeChunks(text, blocks, spans, estimate);
}

interface PackState {
  text: string;
  blocks: TextBlock[];
  fits: (start: number, end: number) => boolean;
  spans: Span[];
}

/** Packs an over-budget span: cut it at `level`, then merge neighbouring pieces greedily; recurse into pieces that alone are too big. */
function packSpan(start: number, end: number, level: number, state: PackState): void {
  if (level > CHARACTER_LEVEL) {
    throw new RangeError(`Token budget is smaller than a single character at offset ${start}`);
  }
  const cuts = cutPoints(start, end, level, state);
  if (cuts.length === 0) {
    packSpan(start, end, level + 1, state);
    return;
  }
  const bounds = [start, ...cuts, end];
  const pieces = bounds.length - 1;
  let i = 0;
  while (i < pieces) {
    const pieceStart = bounds[i]!;
    if (!state.fits(pieceStart, bounds[i + 1]!)) {
      packSpan(pieceStart, bounds[i + 1]!, level + 1, state);
      i++;
      continue;
    }
    const count = largestFittingRun(bounds, i, (k) => state.fits(pieceStart, bounds[i + k]!));
    const runEnd = bounds[i + count]!;
    if (i + count < pieces && isHeadingsOnly(pieceStart, runEnd, state.blocks)) {
      // A chunk of bare headings says nothing: re-pack them with the next piece, one level finer.
      packSpan(pieceStart, bounds[i + count + 1]!, level + 1, state);
      i += count + 1;
      continue;
    }
    state.spans.push([pieceStart, runEnd]);
    i += count;
  }
}

/** Largest k ≥ 1 such that pieces i..i+k-1 together fit, by galloping then binary search (k = 1 is known to fit). */
function largestFittingRun(bounds: number[], i: number, fitsRun: (k: number) => boolean): number {
  const available = bounds.length - 1 - i;
  let good = 1;
  while (good * 2 <= available && fitsRun(good * 2)) good *= 2;
  let bad = Math.min(good * 2, available + 1);
  while (bad - good > 1) {
    const middle = (good + bad) >> 1;
    if (fitsRun(middle)) good = middle;
    else bad = middle;
  }
  return good;
}

/** Offsets strictly inside (start, end) where a piece may begin at this level. */
function cutPoints(start: number, end: number, level: number, state: PackState): number[] {
  if (level <= BLOCK_LEVEL) return blockCuts(start, end, level, state.blocks);
  const slice = state.text.slice(start, end);
  if (level === CHARACTER_LEVEL) return characterCuts(slice, start);
  const pattern = level === LINE_LEVEL ? /\n/g : level === SENTENCE_LEVEL ? SENTENCE_END : WORD_GAP;
  const cuts: number[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(slice); match; match = pattern.exec(slice)) {
    const cut = start + match.index + match[0].length;
    if (match[0].length === 0) pattern.lastIndex++;
    if (cut < end && cut > (cuts.at(-1) ?? start)) cuts.push(cut);
  }
  return cuts;
}

function blockCuts(start: number, end: number, level: number, blocks: TextBlock[]): number[] {
  const cuts: number[] = [];
  for (let b = firstBlockAtOrAfter(blocks, start + 1); b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.start >= end) break;
    const boundaryLevel = block.headingLevel ?? BLOCK_LEVEL;
    if (level === BLOCK_LEVEL || (boundaryLevel <= level && level <= DEEPEST_HEADING_LEVEL)) cuts.push(block.start);
  }
  return cuts;
}

/** True when [start, end) is made of whole heading blocks and nothing else. */
function isHeadingsOnly(start: number, end: number, blocks: TextBlock[]): boolean {
  let b = firstBlockAtOrAfter(blocks, start);
  if (blocks[b]?.start !== start) return false;
  for (; b < blocks.length && blocks[b]!.start < end; b++) {
    if (blocks[b]!.headingLevel === undefined || blocks[b]!.end > end) return false;
  }
  return true;
}

function firstBlockAtOrAfter(blocks: TextBlock[], offset: number): number {
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (blocks[middle]!.start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function characterCuts(slice: string, offset: number): number[] {
  const cuts: number[] = [];
  let position = 0;
  for (const character of slice) {
    position += character.length;
    if (position < slice.length) cuts.push(offset + position);
  }
  return cuts;
}

function describeChunks(text: string, blocks: TextBlock[], spans: Span[], estimate: TokenEstimator): TextChunk[] {
  const headings = blocks.filter((block) => block.headingLevel !== undefined);
  const path: { level: number; heading: string }[] = [];
  let nextHeading = 0;
  return spans.map(([start, end], index) => {
    while (nextHeading < headings.length && headings[nextHeading]!.start <= start) {
      const { headingLevel = 1, heading = '' } = headings[nextHeading++]!;
      while (path.length > 0 && path.at(-1)!.level >= headingLevel) path.pop();
      path.push({ level: headingLevel, heading });
    }
    const chunkText = text.slice(start, end);
    return {
      index,
      text: chunkText,
      start,
      end,
      tokenEstimate: estimate(chunkText),
      headingPath: path.map((entry) => entry.heading),
    };
  });
}
