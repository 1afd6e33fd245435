/** Proofread output format: the corrected text, a `---CHANGES---` line, then one `- "old" → "new": reason` line per fix. */

import { cleanRewriteOutput } from './clean-output';
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
  changes: ProofreadChange[];
}

/** The marker line, forgiving of spaces, bold or heading marks and case: `--- Changes ---`, `**---CHANGES---**`. */
const MARKER_LINE = /^[\s*#_>]*-{2,}\s*changes\s*-{2,}[\s*_]*$/i;

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

/** Splits raw proofread output into the corrected text and the changes; a missing section means no changes. */
export function parseProofreadOutput(raw: string, original?: string): ProofreadResult {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const markerIndex = findLastIndex(lines, (line) => MARKER_LINE.test(line));
  const textPart = markerIndex === -1 ? lines.join('\n') : lines.slice(0, markerIndex).join('\n');
  const changeLines = markerIndex === -1 ? [] : lines.slice(markerIndex + 1);
  const corrected = original === undefined ? textPart.trim() : cleanRewriteOutput(textPart, original);
  const changes = changeLines
    .map(parseChangeLine)
    .filter((change): change is ProofreadChange => change !== null && change.from !== change.to);
  return { corrected, changes };
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
