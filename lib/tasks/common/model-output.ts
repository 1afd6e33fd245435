/** Removes the wrappers small models put around their answer: code fences, quotes, interjections. */

/** Words a model opens with before the answer, in the languages it answers in. */
export const INTERJECTION = String.raw`(?:sure|certainly|of course|absolutely|okay|ok|alright|great|gladly|no problem|gerne|klar|natürlich|bien sûr|claro)`;

/** A line that is only an interjection: "Sure!", "Certainly, happy to help." */
export const INTERJECTION_ONLY = new RegExp(
  String.raw`^${INTERJECTION}[!.,]*(?:\s+(?:here you go|happy to help|i can help with that|i(?:'d|’d| would) be happy to help)[!.]*)?$`,
  'i',
);

const QUOTE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'],
  ['“', '”'],
  ['„', '“'],
  ['«', '»'],
  ['»', '«'],
  ['「', '」'],
];

const SINGLE_QUOTE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ["'", "'"],
  ['‘', '’'],
];

/** A line without markdown emphasis, heading, blockquote and code marks; spacing kept. */
export function withoutMarkdownMarks(line: string): string {
  return line.replace(/[*_#>`]/g, '');
}

/** The words of a line without markdown marks around them. */
export function bare(line: string): string {
  return withoutMarkdownMarks(line).trim();
}

/**
 * The text inside a code fence that wraps the whole answer. When `original` (the text the answer
 * stands for) was fenced itself, the fence is the user's and stays.
 */
export function unwrapCodeFence(text: string, original?: string): string {
  if (original?.trimStart().startsWith('```')) return text;
  const match = text.match(/^```[\w-]*[ \t]*\n([\s\S]*?)\n[ \t]*```$/);
  return match ? (match[1] ?? '') : text;
}

export interface UnwrapQuotesOptions {
  /** The text the answer stands for: a quote mark it opened with is the user's and stays. */
  original?: string;
  /** Also unwrap '…' and ‘…’; off where the cleaner has never treated them as wrappers (drafts). */
  singleQuotes?: boolean;
}

/** The text inside a pair of quotes that wraps the whole answer, when no quote of that pair stands inside. */
export function unwrapQuotes(text: string, options: UnwrapQuotesOptions = {}): string {
  const originalStart = options.original?.trim();
  const pairs = options.singleQuotes ? [...QUOTE_PAIRS, ...SINGLE_QUOTE_PAIRS] : QUOTE_PAIRS;
  for (const [open, close] of pairs) {
    if (text.length < 2 || !text.startsWith(open) || !text.endsWith(close) || originalStart?.startsWith(open)) continue;
    const inner = text.slice(open.length, text.length - close.length);
    if (!inner.includes(open) && !inner.includes(close)) return inner.trim();
  }
  return text;
}
