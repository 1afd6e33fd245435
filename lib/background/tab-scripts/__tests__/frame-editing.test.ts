import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { CapturedSelection, EditingErrorCode, ReplaceResult } from '../../../page/editing/types';
import { editingError } from '../../../page/editing/editing-error';
import { applyInFrame, captureInFrame } from '../frame-editing';
import type { FrameRef } from '../types';

const TAB_ID = 21;
const FRAME: FrameRef = { tabId: TAB_ID, frameId: 4 };
const PAGE_URL = 'https://mail.example.com/compose';
const NO_GRANT =
  'Cannot access contents of the page. Extension manifest must request permission to access the respective host.';

const SELECTION: CapturedSelection = {
  ok: true,
  anchorId: 'anchor-7',
  text: 'line one\nline two',
  editable: true,
  kind: 'text-field',
};

/** What the injected editing agent does in one frame; each test scripts the answers it needs. */
function fakeAgent() {
  return {
    capture: vi.fn((): CapturedSelection | ReturnType<typeof editingError> => SELECTION),
    replace: vi.fn(async (anchorId: string): Promise<ReplaceResult> => ({
      ok: true,
      anchorId,
      method: 'exec-command',
      undoSteps: 1,
    })),
    insertBelow: vi.fn(async (anchorId: string): Promise<ReplaceResult> => ({
      ok: true,
      anchorId,
      method: 'exec-command',
      undoSteps: 1,
    })),
  };
}
type FakeAgent = ReturnType<typeof fakeAgent>;

interface FakeFrame {
  /** Installed by injecting '/page-editor.js'; absent until then, and again after the page navigates. */
  agent?: FakeAgent;
  /** What the agent file installs when injected. */
  agentFile: FakeAgent;
}

interface ScriptCall {
  tabId: number;
  frameIds?: number[];
  files?: string[];
  args?: unknown[];
}

interface Injection {
  target: { tabId: number; frameIds?: number[] };
  files?: string[];
  func?: (...args: unknown[]) => unknown;
  args?: unknown[];
}

/**
 * One tab with frames, standing in for chrome.scripting: files install the agent in the targeted frames, and a
 * function runs with that frame's agent in `globalThis.tacitAgents`, the way it would in its isolated world.
 */
function fakeTab(frameIds: number[] = [0, FRAME.frameId]) {
  const frames = new Map<number, FakeFrame>(frameIds.map((id) => [id, { agentFile: fakeAgent() }]));
  const calls: ScriptCall[] = [];
  let refusal: Error | null = null;
  let noResult = false;

  const executeScript = async (injection: Injection) => {
    const { tabId, frameIds: targets = [0] } = injection.target;
    calls.push({ tabId, frameIds: injection.target.frameIds, files: injection.files, args: injection.args });
    if (refusal) throw refusal;
    if (tabId !== TAB_ID) throw new Error(`No tab with id: ${tabId}.`);
    const results = [];
    for (const frameId of targets) {
      const frame = frames.get(frameId);
      if (!frame) throw new Error(`No frame with id ${frameId} in tab ${tabId}.`);
      if (injection.files) {
        frame.agent ??= frame.agentFile;
        results.push({ frameId, documentId: `doc-${frameId}`, result: true });
        continue;
      }
      const scope = globalThis as { tacitAgents?: { editing?: FakeAgent } };
      scope.tacitAgents = frame.agent ? { editing: frame.agent } : undefined;
      try {
        const result = injection.func!(...(injection.args ?? []));
        // Chrome reports a script that returned nothing as null.
        results.push({ frameId, documentId: `doc-${frameId}`, result: (await result) ?? null });
      } finally {
        delete scope.tacitAgents;
      }
    }
    return noResult ? [] : results;
  };
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(
    executeScript as unknown as typeof fakeBrowser.scripting.executeScript,
  );

  return {
    calls,
    agent: (frameId: number) => frames.get(frameId)!.agentFile,
    /** The agent is in place, as after an earlier capture. */
    installAgent: (frameId: number) => {
      const frame = frames.get(frameId)!;
      frame.agent = frame.agentFile;
    },
    /** The frame navigated: its isolated world, and the agent with it, are gone. */
    navigate: (frameId: number) => {
      delete frames.get(frameId)!.agent;
    },
    removeFrame: (frameId: number) => frames.delete(frameId),
    refuse: (message: string) => {
      refusal = new Error(message);
    },
    returnNoResult: () => {
      noResult = true;
    },
  };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('captureInFrame', () => {
  it('on first use, installs the page agents into the given frame only, then reads the selection through them', async () => {
    const frame = { tabId: TAB_ID, frameId: 9 };
    const tab = fakeTab([0, frame.frameId]);

    const result = await captureInFrame(frame, PAGE_URL);

    expect(result).toEqual({ ok: true, value: SELECTION });
    expect(tab.calls).toEqual([
      { tabId: TAB_ID, frameIds: [frame.frameId], files: ['/page-editor.js'], args: undefined },
      { tabId: TAB_ID, frameIds: [frame.frameId], files: undefined, args: ['tacitAgents', 'editing', 'capture'] },
    ]);
    expect(tab.agent(frame.frameId).capture).toHaveBeenCalledTimes(1);
    expect(tab.agent(0).capture).not.toHaveBeenCalled();
  });

  it('later, reads through the agents already in the frame in one call, and installs them again after a navigation', async () => {
    const frame = { tabId: TAB_ID, frameId: 10 };
    const tab = fakeTab([0, frame.frameId]);
    const capture = {
      tabId: TAB_ID,
      frameIds: [frame.frameId],
      files: undefined,
      args: ['tacitAgents', 'editing', 'capture'],
    };
    const install = { tabId: TAB_ID, frameIds: [frame.frameId], files: ['/page-editor.js'], args: undefined };
    await captureInFrame(frame, PAGE_URL);
    tab.calls.length = 0;

    expect(await captureInFrame(frame, PAGE_URL)).toEqual({ ok: true, value: SELECTION });
    expect(tab.calls).toEqual([capture]);

    tab.navigate(frame.frameId);
    tab.calls.length = 0;
    expect(await captureInFrame(frame, PAGE_URL)).toEqual({ ok: true, value: SELECTION });
    expect(tab.calls).toEqual([capture, install, capture]);
  });

  it.each<EditingErrorCode>(['password-field', 'sensitive-field', 'empty-selection'])(
    'fails with %s when the agent refuses the selection',
    async (code) => {
      const tab = fakeTab();
      tab.agent(FRAME.frameId).capture.mockReturnValue(editingError(code));

      expect(await captureInFrame(FRAME, PAGE_URL)).toEqual({ ok: false, error: { code } });
    },
  );

  it('keeps what kind of secret the agent refused, so the panel can name it', async () => {
    const tab = fakeTab();
    tab.agent(FRAME.frameId).capture.mockReturnValue({ ok: false, code: 'sensitive-field', sensitive: 'card-expiry' });

    expect(await captureInFrame(FRAME, PAGE_URL)).toEqual({
      ok: false,
      error: { code: 'sensitive-field', kind: 'card-expiry' },
    });
  });

  it('fails with no-page-access when Chrome refuses to inject without a grant, and reads nothing', async () => {
    const tab = fakeTab();
    tab.refuse(NO_GRANT);

    expect(await captureInFrame(FRAME, PAGE_URL)).toEqual({ ok: false, error: { code: 'no-page-access' } });
    expect(tab.calls).toHaveLength(1);
    expect(tab.agent(FRAME.frameId).capture).not.toHaveBeenCalled();
  });

  it('fails with restricted-page for a browser page, whatever Chrome says', async () => {
    const tab = fakeTab();
    tab.refuse('Cannot access a chrome:// URL');

    expect(await captureInFrame(FRAME, 'chrome://settings/')).toEqual({
      ok: false,
      error: { code: 'restricted-page', page: 'browser-page' },
    });
  });

  it('fails with tab-closed when the frame is gone', async () => {
    const tab = fakeTab();
    tab.removeFrame(FRAME.frameId);

    expect(await captureInFrame(FRAME, PAGE_URL)).toEqual({ ok: false, error: { code: 'tab-closed' } });
  });

  it('fails with anchor-lost when the frame gives no answer', async () => {
    const tab = fakeTab();
    tab.returnNoResult();

    expect(await captureInFrame(FRAME, PAGE_URL)).toEqual({ ok: false, error: { code: 'anchor-lost' } });
  });
});

describe('applyInFrame', () => {
  it('replaces the remembered selection in the given frame, passing anchor, text and mode', async () => {
    const tab = fakeTab();
    tab.installAgent(FRAME.frameId);
    tab.installAgent(0);

    // The original's spacing is already put back into the text, so it must arrive untouched.
    const text = ' Dear team,\n\nthanks \n';
    const result = await applyInFrame(FRAME, 'anchor-7', text, 'replace');

    expect(result).toEqual({ ok: true, value: { undoSteps: 1 } });
    expect(tab.calls).toEqual([
      {
        tabId: TAB_ID,
        frameIds: [FRAME.frameId],
        files: undefined,
        args: ['tacitAgents', 'editing', 'replace', 'anchor-7', text],
      },
    ]);
    expect(tab.agent(FRAME.frameId).replace).toHaveBeenCalledWith('anchor-7', text);
    expect(tab.agent(FRAME.frameId).insertBelow).not.toHaveBeenCalled();
    expect(tab.agent(0).replace).not.toHaveBeenCalled();
  });

  it('inserts below the selection instead when asked', async () => {
    const tab = fakeTab();
    tab.installAgent(FRAME.frameId);

    expect(await applyInFrame(FRAME, 'anchor-7', 'Summary', 'insert-below')).toEqual({
      ok: true,
      value: { undoSteps: 1 },
    });
    expect(tab.agent(FRAME.frameId).insertBelow).toHaveBeenCalledWith('anchor-7', 'Summary');
    expect(tab.agent(FRAME.frameId).replace).not.toHaveBeenCalled();
  });

  it('fails with anchor-lost when the page navigated and the agent is gone', async () => {
    const tab = fakeTab();
    tab.installAgent(FRAME.frameId);
    tab.navigate(FRAME.frameId);

    expect(await applyInFrame(FRAME, 'anchor-7', 'Dear team,', 'replace')).toEqual({
      ok: false,
      error: { code: 'anchor-lost' },
    });
  });

  it('fails with anchor-lost when the frame gives no answer', async () => {
    const tab = fakeTab();
    tab.installAgent(FRAME.frameId);
    tab.returnNoResult();

    expect(await applyInFrame(FRAME, 'anchor-7', 'Dear team,', 'replace')).toEqual({
      ok: false,
      error: { code: 'anchor-lost' },
    });
  });

  it('fails with anchor-lost, not tab-closed, when the frame was removed', async () => {
    const tab = fakeTab();
    tab.removeFrame(FRAME.frameId);

    expect(await applyInFrame(FRAME, 'anchor-7', 'Dear team,', 'replace')).toEqual({
      ok: false,
      error: { code: 'anchor-lost' },
    });
  });

  it.each<EditingErrorCode>(['original-changed', 'not-editable', 'replace-failed', 'edit-undone', 'edit-unverified'])(
    'fails with %s when the agent cannot put the text back',
    async (code) => {
      const tab = fakeTab();
      tab.installAgent(FRAME.frameId);
      tab.agent(FRAME.frameId).replace.mockResolvedValue(editingError(code));

      expect(await applyInFrame(FRAME, 'anchor-7', 'Dear team,', 'replace')).toEqual({ ok: false, error: { code } });
    },
  );

  it('fails with no-page-access when the grant is gone', async () => {
    const tab = fakeTab();
    tab.refuse(NO_GRANT);

    expect(await applyInFrame(FRAME, 'anchor-7', 'Dear team,', 'replace')).toEqual({
      ok: false,
      error: { code: 'no-page-access' },
    });
  });
});
