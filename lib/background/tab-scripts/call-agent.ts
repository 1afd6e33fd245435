/**
 * The background side of the agent contract: calls the methods of page agents, typed end to end. The agents come in
 * two packaged scripts, one for reading (entrypoints/page-reader.ts) and one for editing and mail replies
 * (entrypoints/page-editor.ts), each injected into a frame on its first use (with that first call, for a read) and
 * called from then on: the page parses Tacit's page code once per document rather than on every read, and a read
 * parses no editing code.
 */
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { AGENTS_GLOBAL, type AgentName, type PageAgents, type ScriptArgument } from '../../page/types';
import { runInTab, type ScriptTarget } from './run-in-tab';
import type { TabRead } from './types';

/** The packaged script that installs each agent. */
const AGENT_SCRIPTS: Readonly<Record<AgentName, ScriptPublicPath>> = {
  reader: '/page-reader.js',
  editing: '/page-editor.js',
  webmail: '/page-editor.js',
};

type AgentMethod<K extends AgentName> = keyof PageAgents[K] & string;

type MethodOf<K extends AgentName, M extends AgentMethod<K>> = PageAgents[K][M] extends (...args: infer A) => infer R
  ? { args: A extends ScriptArgument[] ? A : never; result: Awaited<R> }
  : never;

/**
 * Scripts that call a method taking no arguments, injected together with the agents' script on a frame's first use:
 * a first read is one injection instead of two (install, then call), one round trip to the page fewer.
 */
const FIRST_CALL_SCRIPTS: Readonly<Partial<Record<`${AgentName}.${string}`, ScriptPublicPath>>> = {
  'reader.readPage': '/reader-read-page.js',
  'reader.readSelection': '/reader-read-selection.js',
  'reader.readThread': '/reader-read-thread.js',
  'webmail.readThread': '/webmail-read-thread.js',
  'webmail.readConversation': '/webmail-read-conversation.js',
};

/** Calls one method of an installed agent; the value is undefined when the agent is gone (the page navigated since). */
export function callAgent<K extends AgentName, M extends AgentMethod<K>>(
  target: ScriptTarget,
  name: K,
  method: M,
  ...args: MethodOf<K, M>['args']
): Promise<TabRead<MethodOf<K, M>['result'] | undefined>> {
  return runInTab<MethodOf<K, M>['result']>(target, {
    // Serialised into the page: it may use only its arguments.
    func: (globalName, agentName, methodName, ...methodArgs) => {
      type Agents = Record<string, Record<string, (...values: unknown[]) => unknown> | undefined>;
      const agent = (globalThis as unknown as Record<string, Agents | undefined>)[String(globalName)]?.[
        String(agentName)
      ];
      return agent?.[String(methodName)]?.(...methodArgs);
    },
    args: [AGENTS_GLOBAL, name, method, ...args],
  });
}

/**
 * Frames each script was installed into, so a first use injects at once instead of asking a frame that has none. Only
 * a hint: a frame that navigated since has lost its agents (the call finds none and they are installed again), and one
 * the hint forgot (the service worker restarted) gets the script again, which keeps the agents already there.
 */
const framesWithAgents = new Set<string>();
const MAX_REMEMBERED_FRAMES = 512;

function frameKey(target: ScriptTarget, name: AgentName): string {
  return `${target.tabId}:${target.frameId ?? 0}:${AGENT_SCRIPTS[name]}`;
}

/**
 * Calls one method of an agent, installing the agents first when the frame has none yet (its first use, or a new
 * page since). Agent methods always return a value, so no value means no agent.
 */
export async function useAgent<K extends AgentName, M extends AgentMethod<K>>(
  target: ScriptTarget,
  name: K,
  method: M,
  ...args: MethodOf<K, M>['args']
): Promise<TabRead<MethodOf<K, M>['result'] | undefined>> {
  const key = frameKey(target, name);
  if (framesWithAgents.has(key)) {
    const called = await callAgent(target, name, method, ...args);
    if (!called.ok || called.value !== undefined) return called;
  }
  const firstCall = (args as unknown[]).length === 0 ? FIRST_CALL_SCRIPTS[`${name}.${method}`] : undefined;
  const installed = await runInTab<MethodOf<K, M>['result']>(target, {
    files: firstCall ? [AGENT_SCRIPTS[name], firstCall] : [AGENT_SCRIPTS[name]],
  });
  if (!installed.ok) return installed;
  if (framesWithAgents.size >= MAX_REMEMBERED_FRAMES) framesWithAgents.clear();
  framesWithAgents.add(key);
  // With a first-call script, the injection's result is the method's (the last script's value). A browser that
  // answered with the agents' script's own value (true), or with none, gets the call made apart.
  const answered = firstCall && installed.value !== true && installed.value !== undefined;
  return answered ? installed : callAgent(target, name, method, ...args);
}
