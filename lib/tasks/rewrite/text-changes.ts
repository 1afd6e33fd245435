/**
 * The changes between two texts, word by word: what proofreading really changed, whatever the model says it did.
 * Words and punctuation marks are the tokens (Intl.Segmenter, so Chinese, Japanese and Thai split into words too);
 * the whitespace between them is compared as well, so a changed space or line break is a change.
 */
import { diffArrays } from 'diff';

export interface TextChange {
  from: string;
  to: string;
}

interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * When more than half the tokens were inserted or deleted the texts are too different for a word list to help, and
 * Myers' diff (O((n + m)·d), O(d²) for unrelated texts) slows down with d, so d stays under this bound (about 50 ms
 * in Chromium for unrelated texts): the changes are then listed line by line.
 */
const MAX_WORD_EDITS = 500;
/** Short texts always get a word list: it costs nothing, and a claim such as "teh quik" → "the quick" is all change. */
const MIN_WORD_EDITS = 64;
/** How far a change reaches for a word to show around it (punctuation-only text has none). */
const MAX_WIDENING_STEPS = 16;
/** Segmenting long strings is slower than linear in V8, so a run of text without spaces is segmented in pieces. */
const SEGMENT_PIECE = 200;

const WORD_CHARACTER = /[\p{L}\p{N}]/u;
/** A run in a script that separates its words by spaces needs no segmenter. */
const PLAIN_WORD = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}]+$/u;

let wordSegmenter: Intl.Segmenter | undefined;

/**
 * The changes from `before` to `after`, in text order. Each is widened to whole words with a word on both sides
 * ("Hello" → "Hello," rather than "" → ","), and a change of spacing alone shows the words around it. Empty exactly
 * when the texts are equal.
 */
export function textChanges(before: string, after: string): TextChange[] {
  if (before === after) return [];
  const oldWords = wordTokens(before);
  const newWords = wordTokens(after);
  const maxEdits = Math.min(
    Math.max(Math.ceil((oldWords.length + newWords.length) / 2), MIN_WORD_EDITS),
    MAX_WORD_EDITS,
  );
  const byWord = changesBetween(before, after, oldWords, newWords, maxEdits);
  return byWord ?? changesBetween(before, after, lineTokens(before), lineTokens(after), Infinity) ?? [];
}

/** Words and punctuation marks with their offsets; whitespace is what lies between them. */
export function wordTokens(text: string): Token[] {
  const tokens: Token[] = [];
  for (const run of text.matchAll(/\S+/g)) {
    if (PLAIN_WORD.test(run[0])) {
      tokens.push({ text: run[0], start: run.index, end: run.index + run[0].length });
      continue;
    }
    for (let offset = 0; offset < run[0].length;) {
      const piece = segmentPiece(run[0], offset);
      wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
      for (const { segment, index } of wordSegmenter.segment(piece)) {
        const start = run.index + offset + index;
        tokens.push({ text: segment, start, end: start + segment.length });
      }
      offset += piece.length;
    }
  }
  return tokens;
}

/** The next piece of a run: up to SEGMENT_PIECE code units, cut after a punctuation mark where there is one. */
function segmentPiece(run: string, offset: number): string {
  if (run.length - offset <= SEGMENT_PIECE) return run.slice(offset);
  const window = run.slice(offset, offset + SEGMENT_PIECE);
  const lastMark = Math.max(...[...window.matchAll(/[\p{P}\p{S}]/gu)].map((mark) => mark.index + mark[0].length), 0);
  const cut = lastMark > 0 ? lastMark : /[\uD800-\uDBFF]$/.test(window) ? SEGMENT_PIECE - 1 : SEGMENT_PIECE;
  return window.slice(0, cut);
}

/** Each line's text without its surrounding whitespace. */
function lineTokens(text: string): Token[] {
  return [...text.matchAll(/\S(?:[^\n]*\S)?/g)].map((line) => ({
    text: line[0],
    start: line.index,
    end: line.index + line[0].length,
  }));
}

/**
 * A pair of tokens at the same place in both texts: equal (where the texts agree), or one swapped for another (a run
 * of n tokens replaced by n tokens pairs up one by one, so "teh quik" → "the quick" is two changes).
 */
interface Unit {
  old: Token;
  new: Token;
}

/**
 * A change runs from one boundary to another: boundary 2u is the start of unit u, 2u + 1 its end. `spacingOnly`: only
 * whitespace differs; `hasWords`: both sides show a word (kept once true, since a span only grows).
 */
interface Span {
  from: number;
  to: number;
  spacingOnly: boolean;
  hasWords: boolean;
}

function changesBetween(
  before: string,
  after: string,
  oldTokens: Token[],
  newTokens: Token[],
  maxEditLength: number,
): TextChange[] | undefined {
  const units = pairUnits(before, after, oldTokens, newTokens, maxEditLength);
  if (!units) return undefined;
  const last = 2 * (units.length - 1);
  const region = ({ from, to }: { from: number; to: number }): TextChange => {
    const start = units[from >> 1]!;
    const end = units[to >> 1]!;
    return trimCommonSpace(
      before.slice(from & 1 ? start.old.end : start.old.start, to & 1 ? end.old.end : end.old.start),
      after.slice(from & 1 ? start.new.end : start.new.start, to & 1 ? end.new.end : end.new.start),
    );
  };

  const spans: Span[] = [];
  const add = (from: number, to: number) => {
    const change = region({ from, to });
    if (change.from === change.to) return;
    let span = widen({ from, to, spacingOnly: spacingOnly(change), hasWords: false }, region, last);
    // Widening can reach into the change before: the two become one.
    for (let previous = spans.at(-1); previous && span.from < previous.to; previous = spans.at(-1)) {
      spans.pop();
      span = widen(
        {
          from: Math.min(previous.from, span.from),
          to: Math.max(previous.to, span.to),
          spacingOnly: previous.spacingOnly && span.spacingOnly,
          hasWords: previous.hasWords || span.hasWords,
        },
        region,
        last,
      );
    }
    spans.push(span);
  };
  for (let unit = 0; unit < units.length - 1; unit++) {
    add(2 * unit, 2 * unit + 1);
    add(2 * unit + 1, 2 * unit + 2);
  }
  return spans.map(region);
}

/** The units of both texts in order, between a virtual unit at the start and one at the end; undefined past the limit. */
function pairUnits(
  before: string,
  after: string,
  oldTokens: Token[],
  newTokens: Token[],
  maxEditLength: number,
): Unit[] | undefined {
  const parts = diffArrays(
    oldTokens.map((token) => token.text),
    newTokens.map((token) => token.text),
    { maxEditLength },
  );
  if (!parts) return undefined;
  const edge = (offset: number): Token => ({ text: '', start: offset, end: offset });
  const units: Unit[] = [{ old: edge(0), new: edge(0) }];
  let oldIndex = 0;
  let newIndex = 0;
  for (const [index, part] of parts.entries()) {
    const previous = parts[index - 1];
    const next = parts[index + 1];
    const swap = part.removed && next?.added && next.count === part.count;
    const swapped = part.added && previous?.removed && previous.count === part.count;
    if (swapped) continue;
    if (swap || (!part.added && !part.removed)) {
      for (let k = 0; k < part.count; k++) units.push({ old: oldTokens[oldIndex++]!, new: newTokens[newIndex++]! });
    } else if (part.added) newIndex += part.count;
    else oldIndex += part.count;
  }
  units.push({ old: edge(before.length), new: edge(after.length) });
  return units;
}

/**
 * Takes in neighbouring text until the change shows a word on both sides and does not start or end with a changed
 * space; a change of spacing alone is shown between the words around it.
 */
function widen(span: Span, region: (span: Span) => TextChange, last: number): Span {
  let { from: start, to: end, hasWords } = span;
  const { spacingOnly } = span;
  for (let step = 0; step < MAX_WIDENING_STEPS; step++) {
    const { from, to } = region({ ...span, from: start, to: end });
    hasWords ||= WORD_CHARACTER.test(from) && WORD_CHARACTER.test(to);
    const growLeft = isSpace(from[0]) || isSpace(to[0]) || (spacingOnly && !isWord(from.codePointAt(0))) || !hasWords;
    const growRight = isSpace(from.at(-1)) || isSpace(to.at(-1)) || (spacingOnly && !isWord(lastCodePoint(from)));
    if (growLeft && start > 1) start--;
    else if ((growRight || !hasWords) && end < last) end++;
    else break;
  }
  return { from: start, to: end, spacingOnly, hasWords };
}

function spacingOnly({ from, to }: TextChange): boolean {
  return from.replace(/\s+/g, '') === to.replace(/\s+/g, '');
}

function isWord(codePoint: number | undefined): boolean {
  return codePoint !== undefined && WORD_CHARACTER.test(String.fromCodePoint(codePoint));
}

function lastCodePoint(text: string): number | undefined {
  const low = text.charCodeAt(text.length - 1);
  return low >= 0xdc00 && low <= 0xdfff && text.length > 1
    ? text.codePointAt(text.length - 2)
    : text.codePointAt(text.length - 1);
}

function isSpace(character: string | undefined): boolean {
  return character !== undefined && /\s/.test(character);
}

/** The two strings without the whitespace they share at the end, then at the start. */
function trimCommonSpace(from: string, to: string): TextChange {
  let end = 0;
  while (end < from.length && end < to.length && from.at(-1 - end) === to.at(-1 - end) && isSpace(from.at(-1 - end))) {
    end++;
  }
  let start = 0;
  while (start < from.length - end && start < to.length - end && from[start] === to[start] && isSpace(from[start])) {
    start++;
  }
  return { from: from.slice(start, from.length - end), to: to.slice(start, to.length - end) };
}
