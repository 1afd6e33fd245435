/**
 * The CPU engine: llama.cpp compiled to WebAssembly (@wllama/wllama), running a GGUF model in its own worker.
 * Multi-threaded where the page is cross-origin isolated, single-threaded otherwise; its .wasm ships with Tacit.
 */
import { Wllama, type WllamaLogger } from '@wllama/wllama';
import { isGgufRecord } from '../../models/records';
import type { AnyModelRecord, GgufModelRecord } from '../../models/types';
import { downloadFailure } from '../downloads/download-errors';
import type { GgufStore } from '../downloads/gguf-store';
import { EngineFailure } from '../engine-failures';
import { tacitError } from '../../core/errors';
import type { ChatRequest, Engine, GenerateResult, LoadProgress } from './types';

export interface WllamaEngineDeps {
  store: GgufStore;
  /** URL of wllama.wasm inside the extension. */
  wasmUrl: string;
  /** llama.cpp threads for the next load (see cpu-threads.ts). */
  threads(): number;
}

const DEFAULT_CONTEXT = 4096;

/** wllama logs through console by default; Tacit ships without console output (failures reach the user typed). */
const quiet = (): void => undefined;
const QUIET_LOGGER: WllamaLogger = { debug: quiet, log: quiet, warn: quiet, error: quiet };

export class WllamaEngine implements Engine {
  readonly kind = 'wllama' as const;
  private wllama: Wllama | undefined;
  private loaded: string | undefined;
  private abort: AbortController | undefined;

  constructor(private readonly deps: WllamaEngineDeps) {}

  async load(record: AnyModelRecord, onProgress: (progress: LoadProgress) => void): Promise<void> {
    // Only GGUF models are the CPU engine's: the host never sends another here.
    if (!isGgufRecord(record)) throw new EngineFailure(tacitError('invalid-request'));
    if (this.loaded === record.model_id) return;
    await this.unload();
    const files = await this.storedFiles(record, onProgress);
    const wllama = new Wllama({ default: this.deps.wasmUrl }, { suppressNativeLog: true, logger: QUIET_LOGGER });
    // Without this, wllama fetches a "compat" build from a CDN in browsers that lack JSPI or Memory64.
    wllama.setCompat(null);
    try {
      await wllama.loadModel(files, {
        n_ctx: record.overrides.context_window_size ?? DEFAULT_CONTEXT,
        n_threads: this.deps.threads(),
        // CPU only: llama.cpp's own WebGPU backend is left to WebLLM's side of Tacit.
        n_gpu_layers: 0,
      });
    } catch (error) {
      await wllama.exit().catch(() => undefined);
      throw error;
    }
    this.wllama = wllama;
    this.loaded = record.model_id;
  }

  async generate(modelId: string, request: ChatRequest, onDelta: (text: string) => void): Promise<GenerateResult> {
    const wllama = this.wllama;
    if (!wllama || this.loaded !== modelId) throw new Error(`Model ${modelId} is not loaded`);
    const abort = new AbortController();
    this.abort = abort;
    try {
      const chunks = await wllama.createChatCompletion({
        messages: request.messages,
        stream: true,
        abortSignal: abort.signal,
        temperature: request.temperature,
        max_tokens: request.maxTokens,
      });
      for await (const chunk of chunks) {
        // One more chunk may arrive after an abort: it is not shown. The stream then ends with wllama's AbortError,
        // caught below; leaving the loop early instead would leave that rejection unhandled.
        if (abort.signal.aborted) continue;
        const text = chunk.choices[0]?.delta?.content;
        if (text) onDelta(text);
      }
    } catch (error) {
      if (abort.signal.aborted) return { stopped: true };
      // llama.cpp's worker does not survive a failure inside it (wllama then answers every call with "wllama has
      // crashed"): it is freed, so the next request loads the model afresh.
      await this.unload().catch(() => undefined);
      throw error;
    } finally {
      if (this.abort === abort) this.abort = undefined;
    }
    return { stopped: abort.signal.aborted };
  }

  interrupt(): void {
    this.abort?.abort();
  }

  async unload(): Promise<void> {
    const wllama = this.wllama;
    this.wllama = undefined;
    this.loaded = undefined;
    await wllama?.exit();
  }

  loadedModels(): string[] {
    return this.loaded ? [this.loaded] : [];
  }

  /** llama.cpp threads of the loaded model (1 when single-threaded), or undefined when nothing is loaded. */
  threads(): number | undefined {
    return this.wllama?.getNumThreads();
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
