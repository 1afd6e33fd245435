/**
 * The background side of the agent contract: calls the methods of page agents, typed end to end. All agents come in
 * one packaged script (entrypoints/page-agent.ts), injected into a frame on first use and called from then on, so
 * the page parses Tacit's page code once per document rather than on every read.
 */
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { AGENTS_GLOBAL, type AgentName, type PageAgents, type ScriptArgument } from '../../page/types';
import { runInTab, type ScriptTarget } from './run-in-tab';
import type { TabRead } from './types';

/** The packaged script that installs every agent. */
const PAGE_AGENT_SCRIPT: ScriptPublicPath = '/page-agent.js';

type AgentMethod<K extends AgentName> = keyof PageAgents[K] & string;
type MethodOf<K extends AgentName, M extends AgentMethod<K>> = PageAgents[K][M] extends (...args: infer A) => infer R
  ? { args: A extends ScriptArgument[] ? A : never; result: Awaited<R> }
  : never;

/** Installs the agents in the target frame (a no-op for those already there). */
export function installAgents(target: ScriptTarget): Promise<TabRead<unknown>> {
  return runInTab(target, { files: [PAGE_AGENT_SCRIPT] });
}

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
 * Frames the agents were installed into, so a first use injects at once instead of asking a frame that has none. Only a
 * hint: a frame that navigated since has lost its agents (the call finds none and they are installed again), and one
 * the hint forgot (the service worker restarted) gets the script again, which keeps the agents already there.
 */
const framesWithAgents = new Set<string>();
const MAX_REMEMBERED_FRAMES = 512;

function frameKey(target: ScriptTarget): string {
  return `${target.tabId}:${target.frameId ?? 0}`;
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
  const key = frameKey(target);
  if (framesWithAgents.has(key)) {
    const called = await callAgent(target, name, method, ...args);
    if (!called.ok || called.value !== undefined) return called;
  }
  const installed = await installAgents(target);
  if (!installed.ok) return installed;
  if (framesWithAgents.size >= MAX_REMEMBERED_FRAMES) framesWithAgents.clear();
  framesWithAgents.add(key);
  return callAgent(target, name, method, ...args);
}
