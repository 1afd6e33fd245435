/** What Tacit reads from an open mail conversation, and what a webmail adapter must provide. */
import type { KnownWebmailClient, WebmailClient } from '../../core/webmail-hosts';
import type { SensitiveKind } from '../../core/sensitive-data';
import type { ExtractResult } from '../extract/types';

/** One message of the open conversation, as plain text (quoted history and signatures trimmed where recognisable). */
export interface MailMessage {
  /** Display name of the sender, or the address when no name is shown. */
  from: string;
  /** Sender address when the client shows it. */
  fromAddress?: string;
  /** The date as the client shows it (free text; never parsed). */
  date?: string;
  text: string;
}

/**
 * Which conversation is open, in the client's own terms: what Insert compares before it writes anything.
 * A type (not an interface) so it passes into an injected script as a plain JSON value.
 */
export type ConversationIdentity = {
  client: WebmailClient;
  /**
   * Ids the client gives the open conversation, each prefixed with where it was read ("thread:…" from a data
   * attribute, "url:…" from the address, "row:…" from the selected list row, "page:…" for other pages).
   */
  ids: string[];
  /** Ids of the messages shown, where the client exposes them. */
  messageIds: string[];
  /** The subject as shown: a second check only, never proof on its own. */
  subject: string;
};

/** The conversation a reply is drafted for: oldest message first, the one being replied to last. */
export interface MailThread {
  client: WebmailClient;
  subject: string;
  messages: MailMessage[];
  /** Which conversation this is, so Insert can refuse to write into another one. */
  conversation: ConversationIdentity;
  /** The signed-in user's name when the client shows it (so the draft can be signed and not reply to themselves). */
  userName?: string;
  /**
   * Language of the conversation, recognised from its text once it has left the page
   * (lib/tasks/common/message-language.ts; the user's browser languages break ties).
   */
  lang?: string;
  /** Messages left out because the conversation was too long (the oldest go first). */
  omittedMessages?: number;
  /** Messages the client shows collapsed or hidden without their text, so they were not read. */
  unreadMessages?: number;
  /** The text came from the user's selection, not from the client's conversation view. */
  fromSelection?: boolean;
  /**
   * The user's mail carries a signature their client adds (one of their messages here, or the open reply box, has
   * one): the draft then ends with a sign-off but not their name, which the signature gives.
   */
  userSignature?: boolean;
}

/**
 * no-thread: no conversation is open; empty-thread: one is open but has no text yet; unreadable: a known client shows
 * an open message that its adapter could not read (the client changed its page, or a layout it does not know);
 * no-selection: the user asked to draft from their selection, and nothing is selected or selectable;
 * sensitive: focus is in a secret field, or the selection holds a card number (see `sensitive`).
 */
export type ThreadReadError = 'no-thread' | 'empty-thread' | 'unreadable' | 'no-selection' | 'sensitive';

/** The steps an adapter goes through; a failure names the one it stopped at. */
export type AdapterStep = 'conversation' | 'messages' | 'sender' | 'body' | 'reply-box' | 'reply-button' | 'exception';

/** Why an adapter failed, for the diagnostics record: the adapter, the step and the selector tables tried (no text). */
export interface AdapterFailure {
  adapter: WebmailClient;
  step: AdapterStep;
  /** Names of the selector tables that found nothing (e.g. "MESSAGE_ITEMS"), never their contents or page text. */
  selectors: string[];
}

export type ThreadRead =
  | { ok: true; thread: MailThread }
  | {
      ok: false;
      code: ThreadReadError;
      /** The known client recognised on the page, when there is one. */
      client?: KnownWebmailClient;
      failure?: AdapterFailure;
      /** With 'sensitive': what was refused ('password' for password fields). */
      sensitive?: SensitiveKind | 'password';
    };

export type InsertReplyError =
  /** No reply box is open and none could be opened. */
  | 'no-reply-box'
  /** The box refused the text (read-only, or the client replaced its editor). */
  | 'insert-failed'
  /** Another conversation is open now than the one the draft answers. */
  | 'conversation-changed'
  /** The page does not show which conversation is open, so writing into the right one cannot be proven. */
  | 'conversation-unverified';

export type InsertReplyResult =
  | {
      ok: true;
      client: WebmailClient;
      opened: boolean;
      /** The user's name was left off the draft's last line because the reply box's signature already has it. */
      nameLeftToSignature?: boolean;
    }
  | { ok: false; code: InsertReplyError; failure?: AdapterFailure };

export type PageReader = (doc: Document) => ExtractResult;

/** One webmail client's knowledge of its own page. Pure DOM: runs in the page (content script) and in unit tests. */
export interface WebmailAdapter {
  readonly client: WebmailClient;
  /**
   * `readPage` reads a page's main text (any page's, lib/page/extract), for the generic adapter: passed in rather than
   * imported, so that the editing script, which carries the adapters but never reads a page, comes without it. Without
   * it the generic adapter reads only the selection.
   */
  readThread(doc: Document, readPage?: PageReader): ThreadRead;
  /** Which conversation is open, from the client's own ids; cheap, so Insert can call it before writing. */
  identify(doc: Document): ConversationIdentity;
  /** Where the open message is shown (the reading pane), so the user's fallback can select it; null when unknown. */
  readingRegion(doc: Document): Element | null;
  /** The editable body of the open reply (or reply-all / forward) compose box, if one is open. */
  findReplyBox(doc: Document): HTMLElement | null;
  /** Clicks the client's own Reply button; true when a click was made (the box may appear a moment later). */
  openReply(doc: Document): boolean;
}

/** What the webmail agent in a mail tab offers the background. */
export interface WebmailAgent {
  /** Writes a drafted reply into the open reply box, if the conversation open now is the one it answers. */
  insert(text: string, expected: ConversationIdentity): Promise<InsertReplyResult>;
  /** Reads the user's selection as the message (selecting the open message first when nothing is selected). */
  readSelection(): ThreadRead;
  /** Reads the conversation open in a known client's page, for a reply (the selection when the client's page cannot be read). */
  readThread(): ThreadRead;
  /** Reads the conversation open in a known client's page, for a summary: the client's own reading only. */
  readConversation(): ThreadRead;
}
