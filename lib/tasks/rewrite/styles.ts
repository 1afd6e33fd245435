/** The task line of each fixed style; proofread's output format lives in proofread.ts, custom's task is the user's. */
import type { RewriteStyle } from './types';
export const REWRITE_TASKS: Readonly<Record<Exclude<RewriteStyle, 'custom'>, string>> = {
  proofread:
    'Proofread the text: fix spelling, grammar, punctuation and obvious word errors. Change nothing else: keep the wording, tone, style and meaning.',
  formal:
    'Rewrite the text in a more formal, professional tone suitable for business correspondence. Keep the meaning and all facts.',
  friendly: 'Rewrite the text in a warmer, friendlier and more casual tone. Keep the meaning and all facts.',
  shorter:
    'Rewrite the text to be noticeably shorter (roughly half the length) while keeping the key message and all essential facts.',
  longer:
    'Rewrite the text to be somewhat longer and more detailed by elaborating on what is already there. Do not invent new facts, names or numbers.',
  simpler:
    'Rewrite the text in simpler, plain language: short sentences and common words that anyone can understand. Keep the meaning.',
};

/** Longest custom instruction accepted; it goes into the system prompt, so keep it to a short request. */
export const MAX_CUSTOM_INSTRUCTION_LENGTH = 500;

/** Generation temperature per style: proofreading wants determinism, tone changes a little freedom. */
export const REWRITE_TEMPERATURE: Readonly<Record<RewriteStyle, number>> = {
  proofread: 0,
  formal: 0.3,
  friendly: 0.5,
  shorter: 0.3,
  longer: 0.5,
  simpler: 0.3,
  custom: 0.5,
};
