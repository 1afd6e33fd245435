/** The agents Tacit installs into a page's isolated world, and where they live there: one contract for both sides. */
import type { EditingAgent, SelectionRead } from './editing/types';
import type { ExtractResult } from './extract/types';
import type { MailThread, ThreadRead, WebmailAgent } from './webmail/types';

/** What "Summarize this page" reads: the page's main text, or on a webmail client the open conversation. */
export type PageRead = ExtractResult | { ok: true; thread: MailThread; url: string };

/** What the reader agent offers the background: the page, the selection, or the open mail conversation. */
export interface ReaderAgent {
  readPage(): PageRead;
  /** The selection in this frame with its line breaks (the browser's selectionText loses them), and its language. */
  readSelection(): SelectionRead;
  readThread(): ThreadRead;
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
