import { describe, expect, it, vi } from 'vitest';
import { FakePort } from '../../protocol/__tests__/fake-port';
import type {
  BackgroundToEngineHost,
  EngineHostSettings,
  EngineHostToBackground,
  GenerateRequest,
  ScriptedEngineSettings,
} from '../../protocol/messages';
import type { Engine } from '../engines/types';
import { EngineHost, type EngineHostOptions } from '../engine-host';
import { ScriptedEngine } from '../engines/scripted-engine';
import { record } from './engine-host-harness';

type Port = FakePort<EngineHostToBackground, BackgroundToEngineHost>;

function host(
  options: Partial<EngineHostOptions> = {},
  scripted: ScriptedEngineSettings = { tokenDelayMs: 1, tokenCount: 3 },
) {
  const createEngine = vi.fn(
    async (settings: EngineHostSettings): Promise<Engine> => new ScriptedEngine(settings.scripted),
  );
  const instance = new EngineHost({ createEngine, onIdle: () => undefined, ...options });
  const port: Port = new FakePort();
  instance.attach(port);
  const settings: EngineHostSettings = { idleTimeoutMs: 60_000, gpuBudgetMB: 3000, scripted };
  const send = (request: GenerateRequest) => port.deliver({ type: 'engine/generate', settings, request });
  const finished = (requestId: string) =>
    vi.waitFor(() => {
      const end = port.posted.find(
        (message) =>
          message.requestId === requestId && (message.type === 'engine/done' || message.type === 'engine/error'),
      );
      if (!end) throw new Error('not finished');
      return end;
    });
  return { instance, createEngine, port, send, finished };
}

const MODEL_A = record('Model-A', 1800);
const MODEL_B = record('Model-B', 1500);

describe('engine host: damaged model files', () => {
  it('checks the cache after an unexplained load failure and says the damaged model was deleted', async () => {
    const repairModel = vi.fn(async () => true);
    const { send, finished } = host(
      { repairModel },
      { tokenDelayMs: 1, tokenCount: 3, failLoadWith: 'RangeError: offset is out of bounds' },
    );
    send({ requestId: 'r1', record: MODEL_A, messages: [{ role: 'user', content: 'hi' }] });
    expect(await finished('r1')).toEqual({
      type: 'engine/error',
      requestId: 'r1',
      error: { code: 'model-files-corrupt' },
    });
    expect(repairModel).toHaveBeenCalledWith(MODEL_A);
  });

  it('reports the original failure when the cached files are fine', async () => {
    const repairModel = vi.fn(async () => false);
    const { send, finished } = host(
      { repairModel },
      { tokenDelayMs: 1, tokenCount: 3, failLoadWith: 'RangeError: offset is out of bounds' },
    );
    send({ requestId: 'r1', record: MODEL_A, messages: [{ role: 'user', content: 'hi' }] });
    const end = await finished('r1');
    expect(end.type === 'engine/error' && end.error.code).toBe('unknown');
  });

  it('does not look for damage when the failure has a known cause (a download error)', async () => {
    const repairModel = vi.fn(async () => true);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('', { status: 404 })),
    );
    const { send, finished } = host(
      { repairModel },
      { tokenDelayMs: 1, tokenCount: 3, failLoadWith: "Failed to execute 'add' on 'Cache': Request failed" },
    );
    send({ requestId: 'r1', record: MODEL_A, messages: [{ role: 'user', content: 'hi' }] });
    const end = await finished('r1');
    expect(end.type === 'engine/error' && end.error.code).toBe('model-download-failed');
    expect(repairModel).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});

describe('engine host: telling Options what is stored', () => {
  it('says a model may have changed on disk after every load, loaded, cut off or repaired', async () => {
    const onModelFilesChanged = vi.fn();
    const ok = host({ onModelFilesChanged });
    ok.send({ requestId: 'r1', record: MODEL_A, messages: [{ role: 'user', content: 'hi' }] });
    expect((await ok.finished('r1')).type).toBe('engine/done');
    expect(onModelFilesChanged.mock.calls).toEqual([['Model-A']]);
    // The model stays loaded: a second run loads nothing and stores nothing.
    ok.send({ requestId: 'r2', record: MODEL_A, messages: [{ role: 'user', content: 'again' }] });
    await ok.finished('r2');
    expect(onModelFilesChanged).toHaveBeenCalledTimes(1);

    const told = vi.fn();
    const damaged = host(
      { onModelFilesChanged: told, repairModel: async () => true },
      { tokenDelayMs: 1, tokenCount: 3, failLoadWith: 'RangeError: offset is out of bounds' },
    );
    damaged.send({ requestId: 'r3', record: MODEL_B, messages: [{ role: 'user', content: 'hi' }] });
    expect((await damaged.finished('r3')).type).toBe('engine/error');
    // Once for the failed load (it may have stored a part), once for the files the repair deleted.
    expect(told.mock.calls).toEqual([['Model-B'], ['Model-B']]);
  });
});

describe('engine host: preloading', () => {
  const preload = (requestId: string, model = MODEL_A): GenerateRequest => ({
    requestId,
    record: model,
    messages: [],
    preloadOnly: true,
  });

  it('never downloads: a model not fully cached is left alone', async () => {
    const isModelCached = vi.fn(async () => false);
    const { send, finished, createEngine } = host({ isModelCached });
    send(preload('p1'));
    expect(await finished('p1')).toEqual({ type: 'engine/done', requestId: 'p1', stopped: true });
    expect(createEngine).not.toHaveBeenCalled();
  });

  it('loads a cached model that fits, and the next task uses it without loading again', async () => {
    const { send, finished, createEngine, instance } = host({ isModelCached: async () => true });
    send(preload('p1'));
    expect(await finished('p1')).toEqual({ type: 'engine/done', requestId: 'p1', stopped: false });
    expect(instance.status().loadedModels).toEqual(['Model-A']);
    send({ requestId: 'r1', record: MODEL_A, messages: [{ role: 'user', content: 'hi' }] });
    expect((await finished('r1')).type).toBe('engine/done');
    expect(createEngine).toHaveBeenCalledTimes(1);
  });

  it('does not evict a loaded model to make room for a guess', async () => {
    const { send, finished, createEngine, instance } = host({ isModelCached: async () => true });
    send({ requestId: 'r1', record: MODEL_A, messages: [{ role: 'user', content: 'hi' }] });
    await finished('r1');
    send(preload('p1', MODEL_B));
    expect(await finished('p1')).toEqual({ type: 'engine/done', requestId: 'p1', stopped: true });
    expect(instance.status().loadedModels).toEqual(['Model-A']);
    expect(createEngine).toHaveBeenCalledTimes(1);
  });
});
