/** Turns what an adapter read into the ThreadRead the panel gets: missing or empty threads as errors, long ones capped. */
import type {
  AdapterFailure,
  AdapterStep,
  ConversationIdentity,
  MailMessage,
  MailThread,
  ThreadRead,
  ThreadReadError,
} from './types';
import type { KnownWebmailClient, WebmailClient } from '../../core/webmail-hosts';

/** A message longer than this keeps its start only, so one huge mail cannot swamp the runtime message. */
export const MAX_MESSAGE_CHARS = 20_000;
/** Older messages beyond this many are left out (and counted in omittedMessages). */
export const MAX_MESSAGES = 50;

export interface ThreadParts {
  client: WebmailClient;
  subject: string;
  /** Oldest first. */
  messages: MailMessage[];
  conversation: ConversationIdentity;
  userName?: string;
  /** Messages the client shows only collapsed or as "n more", without their text. */
  unreadMessages?: number;
  fromSelection?: boolean;
  /** For each message, whether its body had a signature the client marks (parallel to `messages`). */
  signed?: readonly boolean[];
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

/** Whether a message is the signed-in user's own, by name or address. */
function isFromUser(message: MailMessage, userName: string | undefined): boolean {
  const user = userName?.trim().toLowerCase();
  return Boolean(user) && [message.from, message.fromAddress].some((value) => value?.trim().toLowerCase() === user);
}

export function threadRead(parts: ThreadParts): ThreadRead {
  if (parts.messages.length === 0) return { ok: false, code: 'no-thread' };
  if (parts.messages.every((message) => !message.text.trim())) return { ok: false, code: 'empty-thread' };
  const messages = parts.messages.slice(-MAX_MESSAGES);
  const omitted = parts.messages.length - messages.length;
  const thread: MailThread = {
    client: parts.client,
    subject: parts.subject.replace(/\s+/g, ' ').trim(),
    messages,
    conversation: parts.conversation,
  };
  if (parts.userName?.trim()) thread.userName = parts.userName.trim();
  // The language of the messages is judged in the background (lib/tasks/common/message-language.ts).
  if (omitted > 0) thread.omittedMessages = omitted;
  if (parts.unreadMessages) thread.unreadMessages = parts.unreadMessages;
  if (parts.fromSelection) thread.fromSelection = true;
  if (parts.messages.some((message, index) => parts.signed?.[index] && isFromUser(message, parts.userName))) {
    thread.userSignature = true;
  }
  return { ok: true, thread };
}

/** A failed read of a known client's page, with what the diagnostics record needs (names only, never text). */
export function failedRead(
  client: KnownWebmailClient,
  code: ThreadReadError,
  step: AdapterStep,
  selectors: string[],
): ThreadRead {
  const failure: AdapterFailure = { adapter: client, step, selectors };
  return { ok: false, code, client, failure };
}
