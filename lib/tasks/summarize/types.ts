export const SUMMARY_TYPES = ['tldr', 'key-points', 'teaser', 'headline'] as const;

export type SummaryType = (typeof SUMMARY_TYPES)[number];

export const SUMMARY_LENGTHS = ['short', 'medium', 'long'] as const;

export type SummaryLength = (typeof SUMMARY_LENGTHS)[number];

export interface SummaryOptions {
  type: SummaryType;
  length: SummaryLength;
}
