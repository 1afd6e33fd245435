/** Picks the summary's output language (the page's, or the user's choice) and names it in English for the prompt. */

import type { OutputLanguage, OutputLanguageChoice } from './types';

const ENGLISH = { code: 'en', name: 'English' } as const;

/** Longest language tag kept; the longest well-formed tags in use are far shorter, so more is junk. */
const MAX_LANGUAGE_TAG_LENGTH = 35;

/** A stored or received language choice: a trimmed tag of sensible length, else 'page'. */
export function normalizeLanguageChoice(value: unknown): OutputLanguageChoice {
  const tag = typeof value === 'string' ? value.trim() : '';
  return tag && tag.length <= MAX_LANGUAGE_TAG_LENGTH ? tag : 'page';
}

/** Chinese regions written in Traditional characters when no script is given. */
const TRADITIONAL_CHINESE_REGIONS = new Set(['TW', 'HK', 'MO']);

/**
 * Normalises a BCP-47 tag to its language (plus script for Chinese, where it changes the writing system):
 * 'de-DE' → 'de', 'iw' → 'he', 'zh-TW' → 'zh-Hant'. Returns null for missing, malformed or unknown tags.
 * Page `lang` attributes are page-controlled, so only tags Intl can parse and name ever reach the prompt.
 */
export function normalizeLanguageTag(tag: string | undefined): OutputLanguage | null {
  if (!tag) return null;
  const cleaned = tag.trim().replace(/_/g, '-');
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(cleaned)) return null;
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(cleaned);
  } catch {
    // A tag Intl rejects is no language tag.
    return null;
  }
  // Some engines report no language at all for 'und'.
  const language = (locale.language as string | undefined)?.toLowerCase() ?? '';
  if (language === 'und' || !/^[a-z]{2,3}$/.test(language)) return null;

  let code = language;
  if (language === 'zh') {
    const script =
      locale.script ?? (locale.region && TRADITIONAL_CHINESE_REGIONS.has(locale.region) ? 'Hant' : undefined);
    if (script === 'Hant' || script === 'Hans') code = `zh-${script}`;
  }
  const name = englishLanguageName(code);
  return name === null ? null : { code, name };
}

function englishLanguageName(code: string): string | null {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(code);
    // A name that is just the code again means Intl does not know the language.
    if (!name || name.toLowerCase() === code.toLowerCase()) return null;
    return name;
  } catch {
    // An engine without Intl.DisplayNames cannot name it: treated like a language it does not know.
    return null;
  }
}

/**
 * The language to summarize in: the user's fixed choice when it parses, else the page's language,
 * else the browser UI language, else English.
 */
export function chooseOutputLanguage(
  pageLang: string | undefined,
  userChoice: OutputLanguageChoice,
  uiLanguage: string,
): OutputLanguage {
  const chosen = userChoice === 'page' ? null : normalizeLanguageTag(userChoice);
  return chosen ?? normalizeLanguageTag(pageLang) ?? normalizeLanguageTag(uiLanguage) ?? { ...ENGLISH };
}
