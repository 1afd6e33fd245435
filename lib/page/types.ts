/** The agents Tacit installs into a page's isolated world, and where they live there: one contract for both sides. */
import type { EditingAgent } from './editing/types';
import type { WebmailAgent } from './webmail/types';

export interface PageAgents {
  editing: EditingAgent;
  webmail: WebmailAgent;
}

export type AgentName = keyof PageAgents;

/** The isolated world's global that keeps installed agents across injections (they hold remembered selections). */
export const AGENTS_GLOBAL = 'tacitAgents';

/** What an agent method takes and a script is given: values that pass into an injected function as JSON. */
export type ScriptArgument =
  string | number | boolean | null | ScriptArgument[] | { [key: string]: ScriptArgument | undefined };
