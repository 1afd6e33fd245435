import { describe, expect, it } from 'vitest';
import type { GgufModelRecord } from '../../../models/types';
import { describeEngineFailure } from '../../engine-failures';
import { GgufStore } from '../../downloads/gguf-store';
import { FakeDirectory } from '../../downloads/__tests__/fake-directory';
import { fakeServer, ORIGIN, steppingClock } from '../../downloads/__tests__/fake-model';
import type { LoadProgress } from '../types';
import { WllamaEngine } from '../wllama-engine';

const RECORD: GgufModelRecord = {
  format: 'gguf',
  model_id: 'Missing-GGUF',
  model: `${ORIGIN}/org/Missing-GGUF/resolve/main/missing.gguf`,
  ram_required_MB: 10,
  overrides: { context_window_size: 512 },
};

function engine() {
  const server = fakeServer(new Map());
  const store = new GgufStore({
    directory: async () => new FakeDirectory(),
    fetch: server.fetch,
    now: steppingClock(),
  });
  return { server, engine: new WllamaEngine({ store, wasmUrl: `${ORIGIN}/wllama.wasm`, threads: () => 1 }) };
}

describe('WllamaEngine', () => {
  it('fails a load whose download fails with the download failure, naming the host and status', async () => {
    const { engine: cpu } = engine();
    const progress: LoadProgress[] = [];
    const failure = await cpu.load(RECORD, (report) => progress.push(report)).catch((error: unknown) => error);
    expect(describeEngineFailure(failure)).toEqual({
      code: 'model-download-failed',
      host: '127.0.0.1:8123',
      status: 404,
    });
    expect(cpu.loadedModels()).toEqual([]);
  });

  it('refuses a WebLLM record: those run on the GPU engine', async () => {
    const { engine: cpu, server } = engine();
    const webllm = { model: `${ORIGIN}/mlc-ai/X`, model_id: 'X-MLC', model_lib: `${ORIGIN}/x.wasm` };
    await expect(cpu.load(webllm, () => undefined)).rejects.toMatchObject({ failure: { code: 'invalid-request' } });
    expect(server.log).toEqual([]);
  });
});
