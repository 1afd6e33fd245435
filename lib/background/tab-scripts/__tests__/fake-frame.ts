/** One frame standing in for chrome.scripting in unit tests: a file installs its script's agents, a function runs with them. */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

type Agents = Record<string, Record<string, () => unknown>>;

/** What each packaged script installs in the frame's isolated world. */
export type ScriptAgents = Record<string, Agents | undefined>;

interface Injection {
  target: { tabId: number; frameIds?: number[] };
  files?: string[];
  func?: (...args: unknown[]) => unknown;
  args?: unknown[];
}

/** The first-call scripts (entrypoints/<agent>-read-*.ts): each calls the method of the agent it is named after. */
function firstCall(file: string): { agent: string; method: string } | undefined {
  const call = /^\/(\w+)-read-(\w+)\.js$/.exec(file);
  return call ? { agent: call[1]!, method: `read${call[2]![0]!.toUpperCase()}${call[2]!.slice(1)}` } : undefined;
}

/** `firstFileResult`: answer a files injection with its first script's value (a browser that does so). */
export function fakeFrame(scripts: ScriptAgents, { firstFileResult = false } = {}) {
  let agents: Agents = {};
  const injected: string[] = [];
  const executeScript = async (injection: Injection) => {
    if (injection.files) {
      injected.push(...injection.files);
      for (const file of injection.files) agents = { ...scripts[file], ...agents };
      // The injection's result is the last script's value: true from an agents' script, the read from a first call.
      const call = firstFileResult ? undefined : firstCall(injection.files.at(-1)!);
      return [{ frameId: 0, documentId: 'doc', result: call ? agents[call.agent]![call.method]!() : true }];
    }
    const scope = globalThis as { tacitAgents?: Agents };
    scope.tacitAgents = agents;
    try {
      return [{ frameId: 0, documentId: 'doc', result: injection.func!(...(injection.args ?? [])) ?? null }];
    } finally {
      delete scope.tacitAgents;
    }
  };
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(
    executeScript as unknown as typeof fakeBrowser.scripting.executeScript,
  );
  return {
    injected,
    /** The page navigated: the isolated world and every agent in it are gone. */
    navigate: () => {
      agents = {};
    },
  };
}
