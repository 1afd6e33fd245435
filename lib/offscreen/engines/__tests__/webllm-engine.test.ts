import type { ModelRecord } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import type { LoadProgress } from '../types';
import { WebLlmEngine } from '../webllm-engine';
import type { FromWebLlmWorker, ToWebLlmWorker } from '../webllm-worker-protocol';
import { FakeWorker as AnyFakeWorker } from './fake-worker';

class FakeWorker extends AnyFakeWorker<ToWebLlmWorker, FromWebLlmWorker> {}

const RECORD: ModelRecord = {
  model: 'https://huggingface.co/mlc-ai/Test-Model-MLC',
  model_id: 'Test-Model-MLC',
  model_lib: 'https://example.com/libs/Test-Model-webgpu.wasm',
};

function setup() {
  const workers: FakeWorker[] = [];
  const engine = new WebLlmEngine(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
  const worker = () => workers.at(-1)!;
  const load = async () => {
    const loading = engine.load(RECORD, () => undefined);
    worker().answer({ kind: 'finished', id: worker().lastId, stopped: false });
    await loading;
  };
  return { engine, workers, worker, load };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('WebLlmEngine', () => {
  it('loads a model in its worker and reports the progress the worker sends', async () => {
    const { engine, worker } = setup();
    const progress: LoadProgress[] = [];
    const loading = engine.load(RECORD, (report) => progress.push(report));
    expect(worker().received).toEqual([{ kind: 'load', record: RECORD, id: 1 }]);
    worker().answer({
      kind: 'progress',
      id: 1,
      report: { progress: 0.5, timeElapsed: 1, text: 'Fetching param cache[1/2]: 10MB fetched. 50% completed' },
    });
    worker().answer({ kind: 'finished', id: 1, stopped: false });
    await loading;
    expect(progress).toHaveLength(1);
    expect(progress[0]!.fraction).toBeCloseTo(0.5);
    expect(engine.loadedModels()).toEqual(['Test-Model-MLC']);
  });

  it("hands the worker's own requests to the privacy ledger, whatever call is in flight", async () => {
    const network: unknown[] = [];
    const workers: FakeWorker[] = [];
    const engine = new WebLlmEngine(
      () => {
        const worker = new FakeWorker();
        workers.push(worker);
        return worker as unknown as Worker;
      },
      (entries) => network.push(...entries),
    );
    const loading = engine.load(RECORD, () => undefined);
    const entry = { time: 1, context: 'engine-worker', host: 'huggingface.co', path: '/a.bin', bytes: 9 } as const;
    workers[0]!.answer({ kind: 'network', entries: [entry] });
    workers[0]!.answer({ kind: 'finished', id: 1, stopped: false });
    await loading;
    expect(network).toEqual([entry]);
  });

  it('streams the text the worker pushes, and says whether the reply was stopped', async () => {
    const { engine, worker, load } = setup();
    await load();
    const deltas: string[] = [];
    const reply = engine.generate(RECORD.model_id, { messages: [{ role: 'user', content: 'Hi' }] }, (text) =>
      deltas.push(text),
    );
    const id = worker().lastId;
    expect(worker().received.at(-1)).toEqual({
      kind: 'generate',
      id,
      request: { messages: [{ role: 'user', content: 'Hi' }] },
    });
    engine.interrupt();
    expect(worker().received.at(-1)).toEqual({ kind: 'interrupt' });
    worker().answer({ kind: 'delta', id, text: 'Hello, ' });
    worker().answer({ kind: 'delta', id, text: 'world' });
    worker().answer({ kind: 'finished', id, stopped: true });
    expect(await reply).toEqual({ stopped: true });
    expect(deltas).toEqual(['Hello, ', 'world']);
  });

  it('rejects with the error as the worker named it, and starts the next load with a fresh worker', async () => {
    const { engine, workers, worker } = setup();
    const loading = engine.load(RECORD, () => undefined);
    worker().answer({ kind: 'failed', id: worker().lastId, name: 'TypeError', message: 'Failed to fetch' });
    const error = await loading.catch((caught: unknown) => caught);
    expect(String(error)).toBe('TypeError: Failed to fetch');
    expect(workers[0]!.terminated).toBe(true);
    expect(engine.loadedModels()).toEqual([]);
    void engine.load(RECORD, () => undefined);
    expect(workers).toHaveLength(2);
  });

  it('refuses to generate with a model it has not loaded', async () => {
    const { engine } = setup();
    await expect(engine.generate('Other-MLC', { messages: [] }, () => undefined)).rejects.toThrow(
      'Model Other-MLC is not loaded',
    );
  });

  it('unloads in the worker, then stops it; a reply still in flight ends with an error', async () => {
    const { engine, worker, load } = setup();
    await load();
    const reply = engine.generate(RECORD.model_id, { messages: [] }, () => undefined).catch((error: unknown) => error);
    const unloading = engine.unload();
    expect(worker().received.at(-1)).toMatchObject({ kind: 'unload' });
    worker().answer({ kind: 'finished', id: worker().lastId, stopped: false });
    await unloading;
    await flush();
    expect(worker().terminated).toBe(true);
    expect(String(await reply)).toBe('Error: The WebLLM worker was stopped');
    expect(engine.loadedModels()).toEqual([]);
  });

  it('fails a load in flight when its worker dies (a module that would not load), instead of waiting forever', async () => {
    const { engine, worker } = setup();
    const loading = engine.load(RECORD, () => undefined).catch((error: unknown) => error);
    worker().fail('Out of memory');
    expect(String(await loading)).toBe('Error: Out of memory');
    expect(worker().terminated).toBe(true);
    expect(engine.loadedModels()).toEqual([]);
  });
});
