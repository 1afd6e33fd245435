/** Summary types and lengths (the Chrome Summarizer API option set) and the concrete shape each combination asks for. */

import { isOneOf } from '../../core/one-of';
import { SUMMARY_LENGTHS, SUMMARY_TYPES, type SummaryLength, type SummaryOptions, type SummaryType } from './types';

export const DEFAULT_SUMMARY_OPTIONS: Readonly<SummaryOptions> = { type: 'key-points', length: 'medium' };

/** Keeps the valid parts of stored or received options and fills the rest with the defaults. */
export function normalizeSummaryOptions(value: { type?: unknown; length?: unknown } | undefined): SummaryOptions {
  return {
    type: isOneOf(SUMMARY_TYPES, value?.type) ? value.type : DEFAULT_SUMMARY_OPTIONS.type,
    length: isOneOf(SUMMARY_LENGTHS, value?.length) ? value.length : DEFAULT_SUMMARY_OPTIONS.length,
  };
}

/** Counts per length, as in Chrome's Summarizer API: sentences, bullets or headline words. */
export const SUMMARY_SIZE: Readonly<Record<SummaryType, Readonly<Record<SummaryLength, number>>>> = {
  tldr: { short: 1, medium: 3, long: 5 },
  'key-points': { short: 3, medium: 5, long: 7 },
  teaser: { short: 1, medium: 3, long: 5 },
  headline: { short: 12, medium: 17, long: 22 },
};

const PURPOSE: Record<SummaryType, string> = {
  tldr: 'Write a TL;DR: a short, to-the-point overview of the page for a busy reader.',
  'key-points': 'Extract the key points: the most important facts and ideas of the page.',
  teaser:
    'Write a teaser: highlight the most interesting or intriguing parts of the page to draw the reader in, without giving everything away.',
  headline: 'Write a headline: the main point of the page in a single line, in the style of an article headline.',
};

/** What the summary is for, in one sentence. */
export function summaryPurpose(type: SummaryType): string {
  return PURPOSE[type];
}

function sentences(count: number): string {
  return count === 1 ? 'exactly 1 sentence' : `exactly ${count} sentences`;
}

/** The concrete length and format rule for a type and length, e.g. "exactly 5 bullet points". */
export function summaryShape(type: SummaryType, length: SummaryLength): string {
  const size = SUMMARY_SIZE[type][length];
  switch (type) {
    case 'tldr':
      return `${sentences(size)} of plain prose in one paragraph. No bullet points, no headings.`;
    case 'key-points':
      return `exactly ${size} bullet points, most important first. Each bullet is one line starting with "- " and holds one concise sentence. No headings, no text before or after the list.`;
    case 'teaser':
      return `${sentences(size)} of plain prose in one paragraph. No bullet points, no headings.`;
    case 'headline':
      return `a single line of at most ${size} words. No quotation marks, no final period, no markdown.`;
  }
}

/** How many notes a part summary of a long page may have; scaled to the requested length. */
export const PART_NOTE_COUNT: Readonly<Record<SummaryLength, number>> = { short: 4, medium: 6, long: 8 };
