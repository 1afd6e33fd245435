/**
 * Where a growing Markdown text can be cut: which of its top-level blocks no later text can change, the reference
 * definitions a block makes, and the reference labels it may use. Pure functions over Marked's tokens.
 */
import type { Links, Token } from 'marked';

/**
 * How many of `tokens` (the top-level tokens of `source`, a text that may still grow) are finished: a later line can
 * neither extend them nor change how they were read.
 *
 * A block is finished once a later block has started on a complete line and either a blank line lies between them
 * (nothing in Markdown continues across a blank line into a block that starts at the margin after it: paragraphs,
 * tables and quotes end there, and a list or indented code that went on would have taken that line in) or the
 * block before the cut is one that closes itself (an ATX or setext heading, a rule, a closed code fence). A paragraph
 * or a table followed by a blank line is finished as soon as the next block starts: nothing continues either past one. Reference
 * definitions are the one thing that reaches across blocks; `MarkdownStream` handles those.
 */
export function finishedTokenCount(tokens: readonly Token[], source: string): number {
  const starts: number[] = [];
  let offset = 0;
  for (const token of tokens) {
    starts.push(offset);
    offset += token.raw.length;
  }
  // The cut is placed by the tokens' raw text: if it does not add up to the source, finish nothing.
  if (offset !== source.length) return 0;
  for (let index = tokens.length - 1; index >= 1; index--) {
    const token = tokens[index]!;
    const start = starts[index]!;
    if (token.type === 'space' || start === 0 || source[start - 1] !== '\n') continue;
    const before = previousBlock(tokens, index);
    // A blank line ends a paragraph or a table whatever follows it, so a long first line after one need not be waited
    // for (until it ends, a long table before it would be rendered whole with every update).
    if ((before?.type === 'paragraph' || before?.type === 'table') && afterBlankLine(source, start)) return index;
    // The block's first line must be complete: until then, more text could make it part of the block before.
    if (source.indexOf('\n', start) === -1) continue;
    if (afterBlankLine(source, start) || closesItself(before)) return index;
  }
  return 0;
}

function afterBlankLine(source: string, lineStart: number): boolean {
  const previousLineStart = source.lastIndexOf('\n', lineStart - 2) + 1;
  return /^[ \t]*$/.test(source.slice(previousLineStart, lineStart - 1));
}

function previousBlock(tokens: readonly Token[], index: number): Token | undefined {
  for (let at = index - 1; at >= 0; at--) if (tokens[at]!.type !== 'space') return tokens[at];
  return undefined;
}

function closesItself(token: Token | undefined): boolean {
  if (!token) return false;
  if (token.type === 'heading' || token.type === 'hr') return true;
  // A fence that is not closed runs to the end of the text, so a fence with a block after it is closed.
  return token.type === 'code' && token.codeBlockStyle !== 'indented';
}

/** The reference definitions made in these tokens (inside quotes and lists too), in order; the first of a label wins. */
export function definitionsIn(tokens: readonly Token[], into: Links = {}): Links {
  for (const token of tokens) {
    if (token.type === 'def') {
      if (!Object.hasOwn(into, token.tag)) into[token.tag] = { href: token.href, title: token.title };
      continue;
    }
    if ('items' in token && Array.isArray(token.items)) definitionsIn(token.items as Token[], into);
    if ('tokens' in token && Array.isArray(token.tokens)) definitionsIn(token.tokens as Token[], into);
  }
  return into;
}

/**
 * Every label a reference link in `raw` could look up, normalised as Marked does. It over-approximates: any text
 * in brackets counts, which only means a block is rendered again when a definition it might use appears.
 */
export function referenceLabels(raw: string): Set<string> {
  const labels = new Set<string>();
  for (const match of raw.matchAll(/\[((?:\\[\s\S]|[^[\]\\])*)\]/g)) labels.add(normalizeLabel(match[1]!));
  return labels;
}

/** Marked's label normalisation: reference labels match case-insensitively, with runs of white space as one space. */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase().toLowerCase();
}

export function sameDefinition(a: Links[string] | undefined, b: Links[string] | undefined): boolean {
  return a?.href === b?.href && a?.title === b?.title;
}
