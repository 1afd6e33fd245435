/** The scripted engine with its real worker module, run in this thread behind a stand-in for the Worker object. */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ScriptedEngine, scriptedEmitTimes } from '../scripted-engine';
import type { ScriptedEngineSettings } from '../../../protocol/messages';

/** The worker's global scope: what the worker module posts goes to the Worker object's onmessage. */
const scope: { onmessage?: (event: { data: unknown }) => void; postMessage(data: unknown): void } = {
  postMessage: (data) => current?.onmessage?.({ data } as MessageEvent),
};
let current: Worker | undefined;
const posted: unknown[] = [];

function createWorker(): Worker {
  const worker = {
    onmessage: null as ((event: MessageEvent) => void) | null,
    postMessage(data: unknown) {
      posted.push(data);
      // Messages reach a worker in a later task, as they do in a browser.
      setTimeout(() => scope.onmessage?.({ data: structuredClone(data) }), 0);
    },
    terminate: vi.fn(),
  };
  current = worker as unknown as Worker;
  return current;
}

beforeAll(async () => {
  vi.stubGlobal('self', scope);
  await import('../scripted-worker');
});

afterEach(() => {
  posted.length = 0;
});

function engine(settings: ScriptedEngineSettings, batch?: boolean): ScriptedEngine {
  return new ScriptedEngine(settings, { createWorker, ...(batch === undefined ? {} : { batch }) });
}

describe('ScriptedEngine in its worker', () => {
  it('pushes a flood of tokens in a few batches, all of the text in order', async () => {
    const tokens = Array.from({ length: 2000 }, (_, index) => `t${index} `);
    const deltas: string[] = [];
    const result = await engine({ tokenDelayMs: 0, tokens, recordEmitTimes: true }).generate(
      'm',
      { messages: [] },
      (text) => deltas.push(text),
    );
    expect(result).toEqual({ stopped: false });
    expect(deltas.join('')).toBe(tokens.join(''));
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.length).toBeLessThan(tokens.length / 4);
    // When each token was emitted reaches the page with the text it is in.
    expect(scriptedEmitTimes).toHaveLength(tokens.length);
  });

  it('posts each token on its own when asked not to batch (the bare relay)', async () => {
    const tokens = ['a ', 'b ', 'c ', 'd ', 'e '];
    const deltas: string[] = [];
    await engine({ tokenDelayMs: 0, tokens }, false).generate('m', { messages: [] }, (text) => deltas.push(text));
    expect(deltas).toEqual(tokens);
  });

  it('stops soon after interrupt and says it was stopped, keeping what was sent', async () => {
    const scripted = engine({ tokenDelayMs: 5, tokenCount: 200 });
    const deltas: string[] = [];
    const result = await scripted.generate('m', { messages: [{ role: 'user', content: 'go' }] }, (text) => {
      deltas.push(text);
      if (deltas.length === 2) scripted.interrupt();
    });
    expect(result).toEqual({ stopped: true });
    expect(posted).toContainEqual({ kind: 'interrupt', id: 1 });
    expect(deltas.join('').split(' ').length).toBeLessThan(20);
  });

  it('fails with the scripted error after the text before it arrived', async () => {
    const deltas: string[] = [];
    const failing = engine({
      tokenDelayMs: 0,
      tokens: ['a ', 'b ', 'c ', 'd '],
      failGenerateWith: 'DeviceLostError: GPU device was lost',
      failAfterTokens: 2,
    });
    await expect(failing.generate('m', { messages: [] }, (text) => deltas.push(text))).rejects.toThrow(
      'DeviceLostError: GPU device was lost',
    );
    expect(deltas.join('')).toBe('a b ');
  });

  it('ends its worker on unload, failing a reply still running', async () => {
    const scripted = engine({ tokenDelayMs: 20, tokenCount: 10 });
    const reply = scripted.generate('m', { messages: [] }, () => undefined);
    await scripted.unload();
    await expect(reply).rejects.toThrow('unloaded');
    expect(vi.mocked(current!.terminate)).toHaveBeenCalled();
    // The stand-in cannot end the worker module's stream: let it run out before the next test.
    await new Promise((resolve) => setTimeout(resolve, 400));
  });
});
