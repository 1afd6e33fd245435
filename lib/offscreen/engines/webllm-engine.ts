/**
 * The production engine: WebLLM on WebGPU, in a worker owned by the offscreen document. This page holds only the
 * client side of lib/offscreen/engines/webllm-worker-protocol; the WebLLM library is loaded in the worker alone.
 */
import { isGgufRecord } from '../../models/records';
import { tacitError } from '../../core/errors';
import { EngineFailure } from '../engine-failures';
import type { AnyModelRecord } from '../../models/types';
import type { ChatRequest, Engine, GenerateResult, LoadProgress } from './types';
import { parseLoadProgress } from './webllm-load-progress';
import type { LedgerEntry } from '../../core/network-ledger';
import type { FromWebLlmWorker, ToWebLlmWorker, WebLlmCall } from './webllm-worker-protocol';
import { EngineWorker } from './engine-worker';

export class WebLlmEngine implements Engine {
  readonly kind = 'webllm' as const;
  private readonly worker: EngineWorker<WebLlmCall, FromWebLlmWorker>;
  private loaded: string | undefined;

  constructor(
    createWorker: () => Worker = () => new Worker(new URL('./webllm-worker.ts', import.meta.url), { type: 'module' }),
    /** Told of every request the worker made (host, path, bytes, time), for the privacy ledger. */
    onNetwork: (entries: LedgerEntry[]) => void = () => undefined,
  ) {
    this.worker = new EngineWorker(createWorker, 'WebLLM', (message) => {
      if (message.kind === 'network') onNetwork(message.entries);
    });
  }

  async load(record: AnyModelRecord, onProgress: (progress: LoadProgress) => void): Promise<void> {
    // A GGUF model is the CPU engine's: the host never sends one here.
    if (isGgufRecord(record)) throw new EngineFailure(tacitError('invalid-request'));
    if (this.loaded === record.model_id) return;
    this.loaded = undefined;
    try {
      await this.worker.call({ kind: 'load', record }, (message) => {
        if (message.kind === 'progress') onProgress(parseLoadProgress(message.report));
      });
    } catch (error) {
      // A failed load can leave the worker's GPU device unusable: start the next attempt afresh.
      this.terminate();
      throw error;
    }
    this.loaded = record.model_id;
  }

  async generate(modelId: string, request: ChatRequest, onDelta: (text: string) => void): Promise<GenerateResult> {
    if (!this.worker.started || this.loaded !== modelId) throw new Error(`Model ${modelId} is not loaded`);
    const finished = await this.worker.call({ kind: 'generate', request }, (message) => {
      if (message.kind === 'delta') onDelta(message.text);
    });
    return { stopped: finished.stopped };
  }

  interrupt(): void {
    this.worker.notify({ kind: 'interrupt' } satisfies ToWebLlmWorker);
  }

  async unload(): Promise<void> {
    try {
      if (this.worker.started) await this.worker.call({ kind: 'unload' });
    } finally {
      this.terminate();
    }
  }

  loadedModels(): string[] {
    return this.loaded ? [this.loaded] : [];
  }

  private terminate(): void {
    this.worker.stop();
    this.loaded = undefined;
  }
}
