/** The page side of the agent contract: installs an agent once per isolated world (lib/background calls it). */
import { AGENTS_GLOBAL, type AgentName, type PageAgents } from './types';

type AgentScope = typeof globalThis & { [AGENTS_GLOBAL]?: Partial<PageAgents> };

/** Each injection re-runs the agent's script: the first agent is kept, with the state it holds. */
export function installAgent<K extends AgentName>(name: K, create: () => PageAgents[K]): void {
  const scope = globalThis as AgentScope;
  const agents = (scope[AGENTS_GLOBAL] ??= {});
  agents[name] ??= create();
}

/** Calls an installed agent's method that takes no arguments: what a first-call script runs (entrypoints/*-read-*.ts). */
export function callInstalledAgent<K extends AgentName>(name: K, method: keyof PageAgents[K] & string): unknown {
  const agent = (globalThis as AgentScope)[AGENTS_GLOBAL]?.[name] as
    Record<string, (() => unknown) | undefined> | undefined;
  return agent?.[method]?.();
}
