/**
 * llama.cpp itself (@wllama/wllama): a model's files loaded, replies streamed. In Chromium the engine host reaches it
 * in a worker of Tacit's own (lib/offscreen/engines/wllama-worker.ts), where `LocalWllama` runs it; in Firefox's
 * background page `LocalWllama` runs in the page.
 */
import { Wllama, type WllamaLogger } from '@wllama/wllama';
import type { ChatRequest, GenerateResult } from './types';

export interface WllamaLoadOptions {
  /** URL of wllama.wasm inside the extension. */
  wasmUrl: string;
  contextSize: number;
  threads: number;
}

export interface WllamaRuntime {
  /** Loads a model from its files; resolves with the threads llama.cpp runs it on (1 when single-threaded). */
  load(files: Blob[], options: WllamaLoadOptions): Promise<{ threads: number }>;
  /** Streams a reply of the loaded model; each call of onDelta carries new text. */
  generate(request: ChatRequest, onDelta: (text: string) => void): Promise<GenerateResult>;
  interrupt(): void;
  /** Frees the model and llama.cpp's workers. */
  unload(): Promise<void>;
}

/** wllama logs through console by default; Tacit ships without console output (failures reach the user typed). */
const quiet = (): void => undefined;
const QUIET_LOGGER: WllamaLogger = { debug: quiet, log: quiet, warn: quiet, error: quiet };

/** wllama in the calling worker (or page). */
export class LocalWllama implements WllamaRuntime {
  private wllama: Wllama | undefined;
  private abort: AbortController | undefined;

  async load(files: Blob[], options: WllamaLoadOptions): Promise<{ threads: number }> {
    await this.unload();
    const wllama = new Wllama({ default: options.wasmUrl }, { suppressNativeLog: true, logger: QUIET_LOGGER });
    // Without this, wllama fetches a "compat" build from a CDN in browsers that lack JSPI or Memory64.
    wllama.setCompat(null);
    try {
      await wllama.loadModel(files, {
        n_ctx: options.contextSize,
        n_threads: options.threads,
        // CPU only: llama.cpp's own WebGPU backend is left to WebLLM's side of Tacit.
        n_gpu_layers: 0,
      });
    } catch (error) {
      await wllama.exit().catch(() => undefined);
      throw error;
    }
    this.wllama = wllama;
    return { threads: wllama.getNumThreads() };
  }

  async generate(request: ChatRequest, onDelta: (text: string) => void): Promise<GenerateResult> {
    const wllama = this.wllama;
    if (!wllama) throw new Error('No model is loaded');
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
    await wllama?.exit();
  }
}
