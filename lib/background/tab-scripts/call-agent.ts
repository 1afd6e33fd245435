/** The background side of the agent contract: installs a page agent and calls its methods, typed end to end. */
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { AGENTS_GLOBAL, type AgentName, type PageAgents, type ScriptArgument } from '../../page/types';
import { runInTab, type ScriptTarget } from './run-in-tab';
import type { TabRead } from './types';

/** The packaged script that installs each agent (entrypoints/<name>-agent.ts). */
const AGENT_SCRIPTS: Readonly<Record<AgentName, ScriptPublicPath>> = {
  editing: '/editing-agent.js',
  webmail: '/webmail-agent.js',
};

type AgentMethod<K extends AgentName> = keyof PageAgents[K] & string;
type MethodOf<K extends AgentName, M extends AgentMethod<K>> = PageAgents[K][M] extends (...args: infer A) => infer R
  ? { args: A extends ScriptArgument[] ? A : never; result: Awaited<R> }
  : never;

/** Installs the agent in the target frame (a no-op when it is already there). */
export function installAgent(target: ScriptTarget, name: AgentName): Promise<TabRead<unknown>> {
  return runInTab(target, { files: [AGENT_SCRIPTS[name]] });
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
