/**
 * Proofread output: the model writes the corrected text, a `---CHANGES---` line, then one `- "old" → "new": reason`
 * line per fix. Only the text and the reasons are taken from it; the change list is computed.
 */

import { cleanRewriteOutput } from './clean-output';
import { textChanges, type TextChange } from './text-changes';
import type { ProofreadChange } from './types';

export const CHANGES_MARKER = '---CHANGES---';

/** The format rule for the system prompt. */
export const PROOFREAD_FORMAT = [
  'Output format, exactly:',
  '1. The full corrected text, nothing before it.',
  `2. A line containing only ${CHANGES_MARKER}`,
  '3. One line per correction: - "original words" → "corrected words": short reason',
  `If there is nothing to correct, output the text unchanged, then ${CHANGES_MARKER}, then a line with only: none`,
].join('\n');

export interface ProofreadResult {
  corrected: string;
  /** What really changed, computed from the texts; the model's reason where one of its claims matches. */
  changes: ProofreadChange[];
}

/** The marker line, forgiving of spaces, bold or heading marks and case: `--- Changes ---`, `**---CHANGES---**`. */
const MARKER_LINE = /^[\s*#_>]*-{2,}\s*changes\s*-{2,}[\s*_]*$/i;
/** Without the marker: a heading over the model's list ("Changes:", "**Corrections made:**", "Änderungen: keine"). */
const LIST_HEADING =
  /^[\s*#_>]*(?:list of )?(?:changes|corrections|edits|fixes|änderungen|korrekturen)(?: made)?[\s*_]*:?[\s*_]*(?:none|keine)?[\s.*_]*$/i;
/** Without the marker: a closing line saying nothing was changed. */
const NOTHING_CHANGED =
  /^[\s*_(]*(?:none|no (?:changes|corrections|errors|mistakes)(?: (?:were |are )?(?:needed|necessary|required|found|made))?|keine (?:änderungen|korrekturen|fehler)(?: nötig| notwendig| gefunden)?)[\s.!)*_]*$/i;
const LIST_ITEM = /^\s*(?:[-*•]|\d+[.)])\s/;

/** Opening quote → the closing quotes that may match it. */
const QUOTE_PAIRS: Record<string, string> = {
  '"': '"”“',
  '“': '”"',
  '„': '“”"',
  "'": "'’",
  '‘': "’'",
  '«': '»',
  '»': '«',
  '`': '`',
};
const ARROW = String.raw`(?:→|->|=>|⇒|—>|–>)`;
const BULLET = String.raw`^\s*(?:[-*•]|\d+[.)])?\s*`;

/**
 * Reads raw proofread output: the corrected text (cleaned against the original) and its changes. The changes come
 * from a word diff of the two texts, so they are right whatever the model listed; a listed reason is kept where the
 * listed change is one of them.
 */
export function readProofreadOutput(raw: string, original: string): ProofreadResult {
  const { text, claimed } = splitProofreadOutput(raw, original);
  const corrected = cleanRewriteOutput(text, original);
  return { corrected, changes: withReasons(textChanges(original, corrected), claimed) };
}

/** The text part and the changes the model listed: after the last marker line, or a trailing list of change lines. */
export function splitProofreadOutput(raw: string, original: string): { text: string; claimed: ProofreadChange[] } {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const markerIndex = findLastIndex(lines, (line) => MARKER_LINE.test(line));
  const listStart = markerIndex === -1 ? trailingListStart(lines, original) : markerIndex;
  const claimed = lines
    .slice(markerIndex === -1 ? listStart : listStart + 1)
    .map(parseChangeLine)
    .filter((change): change is ProofreadChange => change !== null && change.from !== change.to);
  return { text: lines.slice(0, listStart).join('\n'), claimed };
}

/**
 * Where a list the model appended without the marker starts (the end when there is none). Lines of the original stay,
 * and so do as many lines as the original has: proofreading keeps the lines.
 */
function trailingListStart(lines: string[], original: string): number {
  const originalLines = original.split(/\r?\n/).map(lineKey).filter(Boolean);
  const known = new Set(originalLines);
  let linesBefore = lines.filter((line) => line.trim()).length;
  let start = lines.length;
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index] ?? '';
    if (!line.trim()) continue;
    linesBefore--;
    if (linesBefore < originalLines.length || known.has(lineKey(line))) break;
    const listed = LIST_ITEM.test(line) && parseChangeLine(line) !== null;
    if (!listed && !NOTHING_CHANGED.test(line) && !LIST_HEADING.test(line)) break;
    start = index;
    if (LIST_HEADING.test(line)) break;
  }
  return start;
}

function lineKey(line: string): string {
  return line.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The real changes, each with the reason of the first claimed change that is the same edit (or part of it). */
export function withReasons(changes: TextChange[], claimed: ProofreadChange[]): ProofreadChange[] {
  const claims = claimed
    .filter((claim) => claim.reason)
    .map((claim) => ({ reason: claim.reason, edits: textChanges(forMatching(claim.from), forMatching(claim.to)) }));
  return changes.map((change) => {
    const real = { from: forMatching(change.from), to: forMatching(change.to) };
    const claim = claims.find(({ edits }) => edits.some((edit) => contains(real, edit) || contains(edit, real)));
    return claim?.reason ? { ...change, reason: claim.reason } : { ...change };
  });
}

/** Quotes and spacing as models write them differently from the text. */
function forMatching(text: string): string {
  return text
    .replace(/[‘’ʼ]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether `outer` is `inner` with the same text around it on both sides. */
function contains(outer: TextChange, inner: TextChange): boolean {
  if (inner.from === inner.to) return false;
  for (let at = outer.from.indexOf(inner.from); at !== -1; at = outer.from.indexOf(inner.from, at + 1)) {
    if (outer.to === outer.from.slice(0, at) + inner.to + outer.from.slice(at + inner.from.length)) return true;
    if (at >= outer.from.length) break;
  }
  return false;
}

/** One `- "old" → "new": reason` line; null for anything else ("none", prose, malformed lines). */
export function parseChangeLine(line: string): ProofreadChange | null {
  return parseQuotedChange(line) ?? parseUnquotedChange(line);
}

function parseQuotedChange(line: string): ProofreadChange | null {
  const open = line.match(new RegExp(`${BULLET}(["“„'‘«»\`])`));
  if (!open) return null;
  const [prefix, fromOpen] = open as unknown as [string, string];
  const fromClose = QUOTE_PAIRS[fromOpen] ?? fromOpen;
  const rest = line.slice(prefix.length);
  const head = rest.match(new RegExp(`^(.*?)[${escapeClass(fromClose)}]\\s*${ARROW}\\s*(["“„'‘«»\`])(.*)$`));
  if (!head) return null;
  const [, from = '', toOpen = '"', tail = ''] = head;
  const toClose = escapeClass(QUOTE_PAIRS[toOpen] ?? toOpen);
  // "new" ends at the first closing quote followed by a reason separator or the end of the line.
  const body = tail.match(new RegExp(`^(.*?)[${toClose}]\\s*(?:[:–—-]\\s*(.*))?$`));
  if (!body) return null;
  const [, to = '', reason = ''] = body;
  return { from, to, reason: reason.trim() };
}

/** `- alot → a lot: reason`, for models that drop the quotes; a line with half-quoted words is malformed. */
function parseUnquotedChange(line: string): ProofreadChange | null {
  if (/["“”„«»]/.test(line)) return null;
  const match = line.match(new RegExp(`${BULLET}(\\S.*?)\\s+${ARROW}\\s+(\\S.*?)(?:\\s*(?::|\\s[–—-])\\s+(.*))?$`));
  if (!match) return null;
  const [, from = '', to = '', reason = ''] = match;
  return { from: from.trim(), to: to.trim(), reason: reason.trim() };
}

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, '\\$&');
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return i;
  return -1;
}
