/**
 * The language a conversation is written in, from its text (franc's trigram model) and never from the page: the
 * page's `lang` is the mail client's interface language, which is often not the language of the mail.
 */
import { francAll } from 'franc-min';
import type { MailMessage } from './types';

/** Less text than this gives unreliable guesses ("Ok", "Thanks!"): such messages are judged together, or not at all. */
const MIN_CHARS = 40;
/** How much of one text is judged. */
const MAX_CHARS = 4000;
/** Languages this close to the best one are a tie, broken by the user's browser languages (or left undecided). */
const TIE_MARGIN = 0.04;
/** The newest message is the one answered: its vote counts this many times. */
const NEWEST_WEIGHT = 2;

function twoLetter(code: string): string | undefined {
  try {
    // Intl maps ISO 639-3 to the two-letter tag where there is one ('deu' → 'de', 'cmn' → 'zh').
    return Intl.getCanonicalLocales(code)[0];
  } catch {
    return undefined;
  }
}

/**
 * The best of `candidates` when it stands out; in a near-tie, the tied language the user reads (their browser
 * languages), else none: a guess between lookalike languages would make the draft speak the wrong one.
 */
function pick(candidates: ReadonlyArray<readonly [string, number]>, wanted: ReadonlySet<string>): string | undefined {
  const best = candidates[0];
  if (!best) return undefined;
  const tied = candidates.filter(([, score]) => score >= best[1] - TIE_MARGIN);
  if (tied.length === 1) return best[0];
  return tied.find(([language]) => wanted.has(language))?.[0];
}

/** The language of one text, as a two-letter tag where there is one. */
function languageOf(text: string, wanted: ReadonlySet<string>): string | undefined {
  const scores = francAll(text.slice(0, MAX_CHARS), { minLength: MIN_CHARS })
    .filter(([code]) => code !== 'und')
    .map(([code, score]) => [twoLetter(code) ?? code, score] as const);
  return pick(scores, wanted);
}

/**
 * A BCP-47 language code ('de', 'en', …) for the whole conversation, or undefined when there is too little text. Each
 * message long enough to judge votes with its length, the newest (the one answered) twice; short ones are judged
 * together. `preferred` (the user's browser languages) breaks ties.
 */
export function messageLanguage(
  messages: readonly MailMessage[],
  preferred: readonly string[] = [],
): string | undefined {
  const wanted = new Set(preferred.map((tag) => tag.split('-')[0]!.toLowerCase()));
  const texts = messages.map((message) => message.text.trim()).filter(Boolean);
  const votes = new Map<string, number>();
  const vote = (text: string, weight: number) => {
    const language = languageOf(text, wanted);
    if (language) votes.set(language, (votes.get(language) ?? 0) + text.length * weight);
  };
  const short: string[] = [];
  texts.forEach((text, index) => {
    if (text.length < MIN_CHARS) short.push(text);
    else vote(text, index === texts.length - 1 ? NEWEST_WEIGHT : 1);
  });
  const pooled = short.join('\n');
  if (pooled.length >= MIN_CHARS) vote(pooled, 1);
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
  const total = ranked.reduce((sum, [, weight]) => sum + weight, 0);
  return pick(
    ranked.map(([language, weight]) => [language, weight / (total || 1)] as const),
    wanted,
  );
}
