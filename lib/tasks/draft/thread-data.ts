/** Renders a mail thread as the plain text that goes inside the EMAIL fence: headers, oldest message first. */

import type { MailMessage, MailThread } from '../../page/webmail/types';

/** The header line that names the user; the system prompt points at it so the user's name stays out of it. */
export const REPLYING_AS_LABEL = 'Replying as';
/** Marks the message the draft answers, so earlier messages read as context only. */
export const REPLY_TO_MARKER = 'the message to reply to';
export const CUT_MARKER = '[… the rest of this message was cut]';

/** Which part of the thread goes into the prompt: the fitter narrows it until the prompt fits. */
export interface ThreadView {
  /** Index in thread.messages of the oldest message kept; earlier ones are left out. */
  firstKept: number;
  /** Characters kept from the start of the last message; the whole message when omitted. */
  lastMessageChars?: number;
}

const MAX_SUBJECT_CHARS = 300;
const MAX_NAME_CHARS = 120;
const MAX_ADDRESS_CHARS = 200;
const MAX_DATE_CHARS = 80;

/** Squashes page-controlled header text to one short line, so it cannot pose as another header or a message. */
function oneLine(text: string | undefined, maxChars: number): string {
  const squashed = (text ?? '').replace(/\s+/g, ' ').trim();
  return squashed.length > maxChars ? `${squashed.slice(0, maxChars - 1)}…` : squashed;
}

function sameName(a: string | undefined, b: string | undefined): boolean {
  const left = oneLine(a, MAX_NAME_CHARS).toLowerCase();
  return left !== '' && left === oneLine(b, MAX_NAME_CHARS).toLowerCase();
}

function fromLine(message: MailMessage, userName: string | undefined): string {
  const name =
    oneLine(message.from, MAX_NAME_CHARS) || oneLine(message.fromAddress, MAX_ADDRESS_CHARS) || 'unknown sender';
  const address = oneLine(message.fromAddress, MAX_ADDRESS_CHARS).replace(/[<>]/g, '');
  const date = oneLine(message.date, MAX_DATE_CHARS);
  let line = `From: ${name}`;
  if (address && address.toLowerCase() !== name.toLowerCase()) line += ` <${address}>`;
  // The model must know when the user wrote last: then the draft is a follow-up, not an answer to themselves.
  if (userName && (sameName(message.from, userName) || sameName(message.fromAddress, userName))) line += ' (the user)';
  if (date) line += ` — ${date}`;
  return line;
}

/** The start of a text, ended at a word boundary when one is near, so the cut does not split a word. */
export function cutText(text: string, chars: number): string {
  if (chars >= text.length) return text;
  const head = text.slice(0, Math.max(0, chars));
  const boundary = head.search(/\s\S*$/);
  return (boundary > head.length * 0.8 ? head.slice(0, boundary) : head).trimEnd();
}

/** The normalised body of a message; empty bodies are said to be empty rather than left blank. */
export function messageText(message: MailMessage | undefined): string {
  const text = (message?.text ?? '').replace(/\r\n?/g, '\n').trim();
  return text || '(no text)';
}

function omittedLine(count: number): string {
  return count === 1 ? '[1 earlier message omitted]' : `[${count} earlier messages omitted]`;
}

/**
 * The thread as fence content: subject, the user's name, a note on omitted messages, then each kept
 * message under a numbered separator and its From line, the last one marked as the one to reply to.
 */
export function threadDataBlock(thread: MailThread, view: ThreadView): string {
  const messages = thread.messages;
  const firstKept = Math.min(Math.max(0, view.firstKept), Math.max(0, messages.length - 1));
  const omittedBefore = Math.max(0, thread.omittedMessages ?? 0);
  const total = omittedBefore + messages.length;
  const userName = oneLine(thread.userName, MAX_NAME_CHARS) || undefined;

  const headers = [`Subject: ${oneLine(thread.subject, MAX_SUBJECT_CHARS) || '(no subject)'}`];
  if (userName) headers.push(`${REPLYING_AS_LABEL}: ${userName}`);
  const omitted = omittedBefore + firstKept;
  if (omitted > 0) headers.push(omittedLine(omitted));

  const blocks = [headers.join('\n')];
  messages.forEach((message, index) => {
    if (index < firstKept) return;
    const position = omittedBefore + index + 1;
    const isLast = index === messages.length - 1;
    const title = isLast
      ? `--- Message ${position} of ${total} (${REPLY_TO_MARKER}) ---`
      : `--- Message ${position} of ${total} ---`;
    let text = messageText(message);
    if (isLast && view.lastMessageChars !== undefined && view.lastMessageChars < text.length) {
      text = `${cutText(text, view.lastMessageChars)}\n${CUT_MARKER}`;
    }
    blocks.push(`${title}\n${fromLine(message, userName)}\n${text}`);
  });
  return blocks.join('\n\n');
}
