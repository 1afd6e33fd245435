/** Turns what an adapter read into the ThreadRead the panel gets: missing or empty threads as errors, long ones capped. */
import type { MailMessage, MailThread, ThreadRead } from './types';
import type { WebmailClient } from '../../core/webmail-hosts';

/** A message longer than this keeps its start only, so one huge mail cannot swamp the runtime message. */
export const MAX_MESSAGE_CHARS = 20_000;
/** Older messages beyond this many are left out (and counted in omittedMessages). */
export const MAX_MESSAGES = 50;

export interface ThreadParts {
  client: WebmailClient;
  subject: string;
  /** Oldest first. */
  messages: MailMessage[];
  userName?: string;
  lang?: string;
  /** Messages the client shows only as "n more" without sender or text. */
  hiddenMessages?: number;
}

function capText(text: string): string {
  if (text.length <= MAX_MESSAGE_CHARS) return text;
  return `${text.slice(0, MAX_MESSAGE_CHARS).trimEnd()} …`;
}

/** A message with only the fields that have a value, so the result serialises cleanly. */
export function mailMessage(from: string, text: string, fromAddress?: string, date?: string): MailMessage {
  const message: MailMessage = { from: from.trim(), text: capText(text.trim()) };
  if (fromAddress?.trim()) message.fromAddress = fromAddress.trim();
  if (date?.trim()) message.date = date.trim();
  return message;
}

export function threadRead(parts: ThreadParts): ThreadRead {
  if (parts.messages.length === 0) return { ok: false, code: 'no-thread' };
  if (parts.messages.every((message) => !message.text.trim())) return { ok: false, code: 'empty-thread' };
  const messages = parts.messages.slice(-MAX_MESSAGES);
  const omitted = parts.messages.length - messages.length + (parts.hiddenMessages ?? 0);
  const thread: MailThread = { client: parts.client, subject: parts.subject.replace(/\s+/g, ' ').trim(), messages };
  if (parts.userName?.trim()) thread.userName = parts.userName.trim();
  // The page's declared language; the background judges the language of the messages themselves.
  const lang = parts.lang?.trim();
  if (lang) thread.lang = lang;
  if (omitted > 0) thread.omittedMessages = omitted;
  return { ok: true, thread };
}
