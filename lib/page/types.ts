/** The agents Tacit installs into a page's isolated world, and where they live there: one contract for both sides. */
import type { KnownWebmailClient } from '../core/webmail-hosts';
import type { EditingAgent, SelectionRead } from './editing/types';
import type { ExtractResult } from './extract/types';
import type { ThreadRead, WebmailAgent } from './webmail/types';

/** The reader's answer on a known webmail client's page: the mail agent, which has the client's adapter, reads it. */
export interface MailClientPage {
  ok: false;
  mailClient: KnownWebmailClient;
}

/** What the reader agent offers the background: the page, the selection, or the mail conversation on other pages. */
export interface ReaderAgent {
  /** The page's main text, or on a known client's page the pointer to the mail agent (a summary reads the conversation). */
  readPage(): ExtractResult | MailClientPage;
  /** The page's main text, whatever the page: a client's page whose conversation could not be read is read as a page. */
  readText(): ExtractResult;
  /** The selection in this frame with its line breaks (the browser's selectionText loses them), and its language. */
  readSelection(): SelectionRead;
  /** The message to answer on an ordinary page (the selection, or the page), or on a client's page the pointer. */
  readThread(): ThreadRead | MailClientPage;
}

export interface PageAgents {
  reader: ReaderAgent;
  editing: EditingAgent;
  webmail: WebmailAgent;
}

export type AgentName = keyof PageAgents;

/** The isolated world's global that keeps installed agents across calls (they hold remembered selections). */
export const AGENTS_GLOBAL = 'tacitAgents';

/** What an agent method takes and a script is given: values that pass into an injected function as JSON. */
export type ScriptArgument =
  string | number | boolean | null | ScriptArgument[] | { [key: string]: ScriptArgument | undefined };
