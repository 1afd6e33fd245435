/**
 * The language a conversation is written in, from its text (franc's trigram model): the page's `lang` is the mail
 * client's interface language, which is often not the language of the mail. Judged here, after the thread has left
 * the page, so the trigram tables stay out of the code injected into pages.
 */
import { franc } from 'franc-min';
import type { MailMessage, MailThread } from '../../page/webmail/types';

/** Shorter text gives unreliable guesses ("Ok", "Thanks!"): then the whole conversation is used, or nothing. */
const MIN_CHARS = 40;

/** A BCP-47 language code ('de', 'en', …), or undefined when the text is too short or unclear. */
export function messageLanguage(messages: readonly MailMessage[]): string | undefined {
  const last = messages.at(-1)?.text ?? '';
  const text = last.length >= MIN_CHARS ? last : messages.map((message) => message.text).join('\n');
  if (text.length < MIN_CHARS) return undefined;
  const code = franc(text.slice(0, 4000), { minLength: MIN_CHARS });
  if (code === 'und') return undefined;
  try {
    // Intl maps ISO 639-3 to the two-letter tag where there is one ('deu' → 'de').
    return Intl.getCanonicalLocales(code)[0];
  } catch {
    return undefined;
  }
}

/** The conversation with its language judged from its text, falling back to the one the page declared. */
export function withMessageLanguage(thread: MailThread): MailThread {
  const lang = messageLanguage(thread.messages) ?? thread.lang;
  return lang ? { ...thread, lang } : thread;
}
