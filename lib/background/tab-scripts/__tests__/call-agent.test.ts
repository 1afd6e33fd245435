import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { useAgent } from '../call-agent';

const TAB_ID = 31;
const PAGE_URL = 'https://news.example.com/story';

/** What each packaged script installs in a frame's isolated world. */
const SCRIPT_AGENTS: Record<string, Record<string, Record<string, () => unknown>>> = {
  '/page-reader.js': { reader: { readPage: () => ({ ok: true, read: 'page' }) } },
  '/page-editor.js': {
    editing: { capture: () => ({ ok: true, captured: 'selection' }) },
    webmail: { readSelection: () => ({ ok: true, read: 'message' }) },
  },
};

interface Injection {
  target: { tabId: number; frameIds?: number[] };
  files?: string[];
  func?: (...args: unknown[]) => unknown;
  args?: unknown[];
}

/** One frame standing in for chrome.scripting: a file installs its script's agents, a function runs with them. */
function fakeFrame() {
  let agents: Record<string, Record<string, () => unknown>> = {};
  const injected: string[] = [];
  const executeScript = async (injection: Injection) => {
    if (injection.files) {
      injected.push(...injection.files);
      for (const file of injection.files) agents = { ...SCRIPT_AGENTS[file], ...agents };
      return [{ frameId: 0, documentId: 'doc', result: true }];
    }
    const scope = globalThis as { tacitAgents?: typeof agents };
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

beforeEach(() => {
  fakeBrowser.reset();
});

describe('useAgent', () => {
  it('reads a page with the reader script alone, and injects the editing script only for an edit', async () => {
    const frame = fakeFrame();
    const target = { tabId: TAB_ID, url: PAGE_URL };

    expect(await useAgent(target, 'reader', 'readPage')).toEqual({ ok: true, value: { ok: true, read: 'page' } });
    expect(frame.injected).toEqual(['/page-reader.js']);

    expect(await useAgent(target, 'editing', 'capture')).toEqual({
      ok: true,
      value: { ok: true, captured: 'selection' },
    });
    expect(await useAgent(target, 'webmail', 'readSelection')).toEqual({
      ok: true,
      value: { ok: true, read: 'message' },
    });
    expect(await useAgent(target, 'reader', 'readPage')).toEqual({ ok: true, value: { ok: true, read: 'page' } });
    expect(frame.injected).toEqual(['/page-reader.js', '/page-editor.js']);
  });

  it('injects the reader script again after the page navigated', async () => {
    const frame = fakeFrame();
    const target = { tabId: TAB_ID + 1, url: PAGE_URL };
    await useAgent(target, 'reader', 'readPage');

    frame.navigate();

    expect(await useAgent(target, 'reader', 'readPage')).toEqual({ ok: true, value: { ok: true, read: 'page' } });
    expect(frame.injected).toEqual(['/page-reader.js', '/page-reader.js']);
  });
});
