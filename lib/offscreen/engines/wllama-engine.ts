/**
 * The CPU engine: llama.cpp compiled to WebAssembly (@wllama/wllama), running a GGUF model from the model store.
 * Multi-threaded where the page is cross-origin isolated, single-threaded otherwise; its .wasm ships with Tacit.
 * Where llama.cpp runs is its runtime's business (lib/offscreen/engines/wllama-runtime.ts).
 */
import { isGgufRecord } from '../../models/records';
import type { AnyModelRecord, GgufModelRecord } from '../../models/types';
import { downloadFailure } from '../downloads/download-errors';
import type { GgufStore } from '../downloads/gguf-store';
import { EngineFailure } from '../engine-failures';
import { tacitError } from '../../core/errors';
import type { ChatRequest, Engine, GenerateResult, LoadProgress } from './types';
import type { WllamaRuntime } from './wllama-runtime';

export interface WllamaEngineDeps {
  store: GgufStore;
  /** Where llama.cpp runs: a worker of its own, or this page. */
  runtime: WllamaRuntime;
  /** URL of wllama.wasm inside the extension. */
  wasmUrl: string;
  /** llama.cpp threads for the next load (see cpu-threads.ts). */
  threads(): number;
}

const DEFAULT_CONTEXT = 4096;

export class WllamaEngine implements Engine {
  readonly kind = 'wllama' as const;
  private loaded: { modelId: string; threads: number } | undefined;

  constructor(private readonly deps: WllamaEngineDeps) {}

  async load(record: AnyModelRecord, onProgress: (progress: LoadProgress) => void): Promise<void> {
    // Only GGUF models are the CPU engine's: the host never sends another here.
    if (!isGgufRecord(record)) throw new EngineFailure(tacitError('invalid-request'));
    if (this.loaded?.modelId === record.model_id) return;
    await this.unload();
    const files = await this.storedFiles(record, onProgress);
    const { threads } = await this.deps.runtime.load(files, {
      wasmUrl: this.deps.wasmUrl,
      contextSize: record.overrides.context_window_size ?? DEFAULT_CONTEXT,
      threads: this.deps.threads(),
    });
    this.loaded = { modelId: record.model_id, threads };
  }

  async generate(modelId: string, request: ChatRequest, onDelta: (text: string) => void): Promise<GenerateResult> {
    if (this.loaded?.modelId !== modelId) throw new Error(`Model ${modelId} is not loaded`);
    try {
      return await this.deps.runtime.generate(request, onDelta);
    } catch (error) {
      // llama.cpp's worker does not survive a failure inside it (wllama then answers every call with "wllama has
      // crashed"): it is freed, so the next request loads the model afresh.
      await this.unload().catch(() => undefined);
      throw error;
    }
  }

  interrupt(): void {
    this.deps.runtime.interrupt();
  }

  async unload(): Promise<void> {
    this.loaded = undefined;
    await this.deps.runtime.unload();
  }

  loadedModels(): string[] {
    return this.loaded ? [this.loaded.modelId] : [];
  }

  /** llama.cpp threads of the loaded model (1 when single-threaded), or undefined when nothing is loaded. */
  threads(): number | undefined {
    return this.loaded?.threads;
  }

  /** The model's files from the store, downloading what is missing (progress in bytes), resuming a cut download. */
  private async storedFiles(record: GgufModelRecord, onProgress: (progress: LoadProgress) => void): Promise<Blob[]> {
    const stored = await this.deps.store.open(record);
    if (stored) {
      onProgress({ fraction: 1, fromCache: true });
      return stored;
    }
    const result = await this.deps.store.download(record, {
      onProgress: (progress) =>
        onProgress({
          fraction: progress.fraction,
          loadedBytes: progress.loadedBytes,
          totalBytes: progress.totalBytes,
          ...(progress.etaSeconds === undefined || progress.fraction >= 1 ? {} : { etaSeconds: progress.etaSeconds }),
        }),
    });
    if (!result.ok) throw new EngineFailure(downloadFailure(result.error));
    const files = await this.deps.store.open(record);
    if (!files) throw new EngineFailure(downloadFailure({ code: 'corrupt', urls: [record.model], detail: 'missing' }));
    return files;
  }
}
