/**
 * The tones a reply can take: a plain default, the two registers people switch between most (formal,
 * casual), warmth, and the two stances replies often need (standing firm, saying sorry).
 */
import type { OutputLanguageChoice } from '../common/types';
export const DRAFT_TONES = ['neutral', 'friendly', 'formal', 'casual', 'confident', 'apologetic'] as const;

export type DraftTone = (typeof DRAFT_TONES)[number];

export const DRAFT_LENGTHS = ['short', 'medium', 'long'] as const;

export type DraftLength = (typeof DRAFT_LENGTHS)[number];

export interface DraftOptions {
  tone: DraftTone;
  length: DraftLength;
  /** 'page' writes in the language of the thread; otherwise a BCP-47 tag. */
  language: OutputLanguageChoice;
}
