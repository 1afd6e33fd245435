/** One message of the open conversation, as plain text (quoted history and signatures trimmed where recognisable). */
import type { WebmailClient } from '../../core/webmail-hosts';
export interface MailMessage {
  /** Display name of the sender, or the address when no name is shown. */
  from: string;
  /** Sender address when the client shows it. */
  fromAddress?: string;
  /** The date as the client shows it (free text; never parsed). */
  date?: string;
  text: string;
}

/** The conversation a reply is drafted for: oldest message first, the one being replied to last. */
export interface MailThread {
  client: WebmailClient;
  subject: string;
  messages: MailMessage[];
  /** The signed-in user's name when the client shows it (so the draft can be signed and not reply to themselves). */
  userName?: string;
  /**
   * Language of the conversation: in the page, the one it declares (html lang or a message's lang attribute); once
   * read, the language of the messages themselves (lib/tasks/common/message-language.ts), when it can be told.
   */
  lang?: string;
  /** Messages left out because the conversation was too long (the oldest go first). */
  omittedMessages?: number;
}

export type ThreadReadError = 'no-thread' | 'empty-thread';

export type ThreadRead = { ok: true; thread: MailThread } | { ok: false; code: ThreadReadError };

export type InsertReplyError =
  /** No reply box is open and none could be opened. */
  | 'no-reply-box'
  /** The box refused the text (read-only, or the client replaced its editor). */
  | 'insert-failed'
  /** Another conversation is open now than the one the draft answers. */
  | 'conversation-changed';

export type InsertReplyResult =
  { ok: true; client: WebmailClient; opened: boolean } | { ok: false; code: InsertReplyError };

/** One webmail client's knowledge of its own page. Pure DOM: runs in the page (content script) and in unit tests. */
export interface WebmailAdapter {
  readonly client: WebmailClient;
  /** Whether this document is this client showing a conversation (by host and by page structure). */
  matches(doc: Document): boolean;
  readThread(doc: Document): ThreadRead;
  /** The editable body of the open reply (or reply-all / forward) compose box, if one is open. */
  findReplyBox(doc: Document): HTMLElement | null;
  /** Clicks the client's own Reply button; true when a click was made (the box may appear a moment later). */
  openReply(doc: Document): boolean;
}

/** What the webmail agent in a mail tab offers the background: write a drafted reply into the open reply box. */
export interface WebmailAgent {
  insert(text: string, expectedSubject: string): Promise<InsertReplyResult>;
}
