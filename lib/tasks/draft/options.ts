/** Draft-reply tones, lengths and language, and the concrete wording and token budget each one asks for. */

import { isOneOf } from '../../core/one-of';
import { normalizeLanguageChoice } from '../common/output-language';
import { DRAFT_LENGTHS, DRAFT_TONES, type DraftLength, type DraftOptions, type DraftTone } from './types';

export const DEFAULT_DRAFT_OPTIONS: Readonly<DraftOptions> = { tone: 'neutral', length: 'medium', language: 'page' };

/** Keeps the valid parts of stored or received options and fills the rest with the defaults. */
export function normalizeDraftOptions(value: unknown): DraftOptions {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const { tone, length, language } = record;
  return {
    tone: isOneOf(DRAFT_TONES, tone) ? tone : DEFAULT_DRAFT_OPTIONS.tone,
    length: isOneOf(DRAFT_LENGTHS, length) ? length : DEFAULT_DRAFT_OPTIONS.length,
    language: normalizeLanguageChoice(language),
  };
}

const TONE_RULES: Readonly<Record<DraftTone, string>> = {
  neutral: 'neutral and clear: polite and matter-of-fact, neither stiff nor chatty.',
  friendly: 'friendly and warm: personable and appreciative, while still getting to the point.',
  formal:
    'formal and professional: courteous, complete sentences, no slang or contractions, and a formal greeting and sign-off as customary in the language of the reply.',
  casual: 'casual and relaxed: short, conversational sentences, as to a colleague or friend the user knows well.',
  confident:
    'confident and direct: clear statements and decisions without hedging or needless apologies, while staying polite.',
  apologetic:
    'apologetic and understanding: acknowledge the problem sincerely once, without grovelling, then focus on what happens next.',
};

/** How the reply should sound, e.g. "friendly and warm: …". */
export function draftToneRule(tone: DraftTone): string {
  return TONE_RULES[tone];
}

const LENGTH_RULES: Readonly<Record<DraftLength, string>> = {
  short: 'short: 1 to 3 sentences in a single paragraph between the greeting and the sign-off (about 50 words).',
  medium: 'medium: one or two short paragraphs between the greeting and the sign-off (about 80 to 150 words).',
  long: 'long: two to four paragraphs between the greeting and the sign-off (about 150 to 300 words), answering every point of the message.',
};

/** How long the reply should be, in sentences or paragraphs and words. */
export function draftLengthRule(length: DraftLength): string {
  return LENGTH_RULES[length];
}

/**
 * Tokens the model may write per length: about twice the English word target, because other languages
 * (German, Slavic, and above all non-Latin scripts) take more tokens per word and a cut-off draft is useless.
 */
export const DRAFT_MAX_TOKENS: Readonly<Record<DraftLength, number>> = { short: 192, medium: 400, long: 800 };

/** Some freedom for natural prose, little enough that a small model keeps to the facts it was given. */
export const DRAFT_TEMPERATURE = 0.5;
