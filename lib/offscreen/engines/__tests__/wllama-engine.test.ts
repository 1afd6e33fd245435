import { describe, expect, it } from 'vitest';
import type { GgufModelRecord } from '../../../models/types';
import { describeEngineFailure } from '../../engine-failures';
import { GgufStore } from '../../downloads/gguf-store';
import { FakeDirectory } from '../../downloads/__tests__/fake-directory';
import { bytes, fakeServer, ORIGIN, steppingClock } from '../../downloads/__tests__/fake-model';
import type { ChatRequest, GenerateResult, LoadProgress } from '../types';
import { WllamaEngine } from '../wllama-engine';
import type { WllamaLoadOptions, WllamaRuntime } from '../wllama-runtime';
import { WorkerWllama } from '../wllama-worker-client';
import type { FromWllamaWorker, ToWllamaWorker } from '../wllama-worker-protocol';
import { serveWllama } from '../wllama-worker-serve';
import { FakeWorker } from './fake-worker';

const MODEL_URL = `${ORIGIN}/org/Tiny-GGUF/resolve/main/tiny.gguf`;
const MODEL_BYTES = bytes(3000, 7);

function record(model = MODEL_URL, modelId = 'Tiny-GGUF'): GgufModelRecord {
  return { format: 'gguf', model_id: modelId, model, ram_required_MB: 10, overrides: { context_window_size: 512 } };
}

/** llama.cpp as the engine sees it: records its calls; a reply is scripted by the test. */
class FakeRuntime implements WllamaRuntime {
  readonly calls: string[] = [];
  loadedFiles: Blob[] = [];
  loadOptions: WllamaLoadOptions | undefined;
  reply: (onDelta: (text: string) => void) => Promise<GenerateResult> = async () => ({ stopped: false });

  async load(files: Blob[], options: WllamaLoadOptions): Promise<{ threads: number }> {
    this.calls.push('load');
    this.loadedFiles = files;
    this.loadOptions = options;
    return { threads: options.threads };
  }

  generate(_request: ChatRequest, onDelta: (text: string) => void): Promise<GenerateResult> {
    this.calls.push('generate');
    return this.reply(onDelta);
  }

  interrupt(): void {
    this.calls.push('interrupt');
  }

  async unload(): Promise<void> {
    this.calls.push('unload');
  }
}

function setup() {
  const server = fakeServer(new Map([[MODEL_URL, MODEL_BYTES]]));
  const directory = new FakeDirectory();
  const store = new GgufStore({ directory: async () => directory, fetch: server.fetch, now: steppingClock() });
  const runtime = new FakeRuntime();
  const engine = new WllamaEngine({ store, runtime, wasmUrl: `${ORIGIN}/wllama.wasm`, threads: () => 2 });
  return { server, runtime, engine };
}

describe('WllamaEngine', () => {
  it('fails a load whose download fails with the download failure, naming the host and status', async () => {
    const { engine, runtime } = setup();
    const progress: LoadProgress[] = [];
    const failure = await engine
      .load(record(`${ORIGIN}/org/Missing-GGUF/resolve/main/missing.gguf`, 'Missing-GGUF'), (report) =>
        progress.push(report),
      )
      .catch((error: unknown) => error);
    expect(describeEngineFailure(failure)).toEqual({
      code: 'model-download-failed',
      host: '127.0.0.1:8123',
      status: 404,
    });
    expect(engine.loadedModels()).toEqual([]);
    expect(runtime.calls).not.toContain('load');
  });

  it('refuses a WebLLM record: those run on the GPU engine', async () => {
    const { engine, server } = setup();
    const webllm = { model: `${ORIGIN}/mlc-ai/X`, model_id: 'X-MLC', model_lib: `${ORIGIN}/x.wasm` };
    await expect(engine.load(webllm, () => undefined)).rejects.toMatchObject({ failure: { code: 'invalid-request' } });
    expect(server.log).toEqual([]);
  });

  it("downloads the model's file, then gives llama.cpp the stored file, its context size and threads", async () => {
    const { engine, runtime } = setup();
    const progress: LoadProgress[] = [];
    await engine.load(record(), (report) => progress.push(report));
    expect(progress.at(-1)).toMatchObject({ fraction: 1 });
    expect(runtime.loadOptions).toEqual({ wasmUrl: `${ORIGIN}/wllama.wasm`, contextSize: 512, threads: 2 });
    expect(new Uint8Array(await new Blob(runtime.loadedFiles).arrayBuffer())).toEqual(MODEL_BYTES);
    expect(engine.loadedModels()).toEqual(['Tiny-GGUF']);
    expect(engine.threads()).toBe(2);
    // Loading it again does nothing (a load first frees whatever llama.cpp held).
    await engine.load(record(), () => undefined);
    expect(runtime.calls).toEqual(['unload', 'load']);
  });

  it('frees llama.cpp after a failure inside it, so the next request loads the model afresh', async () => {
    const { engine, runtime } = setup();
    await engine.load(record(), () => undefined);
    runtime.reply = async (onDelta) => {
      onDelta('Half');
      throw new Error('wllama has crashed');
    };
    const shown: string[] = [];
    await expect(engine.generate('Tiny-GGUF', { messages: [] }, (text) => shown.push(text))).rejects.toThrow(
      'wllama has crashed',
    );
    expect(shown).toEqual(['Half']);
    expect(runtime.calls).toEqual(['unload', 'load', 'generate', 'unload']);
    expect(engine.loadedModels()).toEqual([]);
    expect(engine.threads()).toBeUndefined();
    await expect(engine.generate('Tiny-GGUF', { messages: [] }, () => undefined)).rejects.toThrow('is not loaded');
  });
});

describe('llama.cpp in its own worker', () => {
  const LOAD: WllamaLoadOptions = { wasmUrl: `${ORIGIN}/wllama.wasm`, contextSize: 512, threads: 4 };

  function client() {
    const workers: FakeWorker<ToWllamaWorker, FromWllamaWorker>[] = [];
    const network: unknown[] = [];
    const runtime = new WorkerWllama(
      () => {
        const worker = new FakeWorker<ToWllamaWorker, FromWllamaWorker>();
        workers.push(worker);
        return worker as unknown as Worker;
      },
      (entries) => network.push(...entries),
    );
    return { runtime, workers, network, worker: () => workers.at(-1)! };
  }

  it("loads in the worker and reports the threads llama.cpp chose; the worker's requests go to the ledger", async () => {
    const { runtime, worker, network } = client();
    const files = [new Blob(['gguf'])];
    const loading = runtime.load(files, LOAD);
    expect(worker().received).toEqual([{ kind: 'load', files, options: LOAD, id: 1 }]);
    const entry = { time: 1, context: 'engine-worker', host: '127.0.0.1', path: '/wllama.wasm', bytes: 10 } as const;
    worker().answer({ kind: 'network', entries: [entry] });
    worker().answer({ kind: 'finished', id: 1, stopped: false, threads: 1 });
    expect(await loading).toEqual({ threads: 1 });
    expect(network).toEqual([entry]);
  });

  it('streams pushed text, passes Stop on, and frees the model by ending its worker', async () => {
    const { runtime, worker } = client();
    const loading = runtime.load([], LOAD);
    worker().answer({ kind: 'finished', id: 1, stopped: false, threads: 1 });
    await loading;
    const shown: string[] = [];
    const reply = runtime.generate({ messages: [{ role: 'user', content: 'Hi' }] }, (text) => shown.push(text));
    worker().answer({ kind: 'delta', id: 2, text: 'Hello' });
    worker().answer({ kind: 'delta', id: 2, text: ' there' });
    runtime.interrupt();
    expect(worker().received.at(-1)).toEqual({ kind: 'interrupt' });
    worker().answer({ kind: 'finished', id: 2, stopped: true });
    expect(await reply).toEqual({ stopped: true });
    expect(shown).toEqual(['Hello', ' there']);
    await runtime.unload();
    expect(worker().terminated).toBe(true);
  });

  it('a failed load rejects as the worker named it and ends that worker; the next load starts a new one', async () => {
    const { runtime, workers, worker } = client();
    const loading = runtime.load([], LOAD).catch((error: unknown) => error);
    worker().answer({ kind: 'failed', id: 1, name: 'RangeError', message: 'Out of memory' });
    expect(String(await loading)).toBe('RangeError: Out of memory');
    expect(workers[0]!.terminated).toBe(true);
    void runtime.load([], LOAD);
    expect(workers).toHaveLength(2);
  });

  it("the worker's side pushes a reply's text in batches, all of it before `finished`, and names failures", async () => {
    const runtime = new FakeRuntime();
    const sent: FromWllamaWorker[] = [];
    const serve = serveWllama(runtime, (message) => sent.push(message));
    runtime.reply = async (onDelta) => {
      for (const token of ['One', ' two', ' three', ' four']) onDelta(token);
      return { stopped: false };
    };
    serve({ kind: 'generate', id: 5, request: { messages: [] } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const deltas = sent.filter((message) => message.kind === 'delta');
    // The first token goes at once; the burst behind it is merged.
    expect(deltas.length).toBeLessThan(4);
    expect(deltas.map((message) => (message.kind === 'delta' ? message.text : '')).join('')).toBe('One two three four');
    expect(sent.at(-1)).toEqual({ kind: 'finished', id: 5, stopped: false });

    serve({ kind: 'interrupt' });
    expect(runtime.calls.at(-1)).toBe('interrupt');

    runtime.load = async () => {
      throw new RangeError('Out of memory');
    };
    serve({ kind: 'load', id: 6, files: [], options: LOAD });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent.at(-1)).toEqual({ kind: 'failed', id: 6, name: 'RangeError', message: 'Out of memory' });
  });
});
