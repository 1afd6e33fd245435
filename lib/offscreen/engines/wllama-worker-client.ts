/** llama.cpp in a worker of its own (lib/offscreen/engines/wllama-worker.ts), seen from the offscreen page. */
import type { LedgerEntry } from '../../core/network-ledger';
import { EngineWorker } from './engine-worker';
import type { ChatRequest, GenerateResult } from './types';
import type { WllamaLoadOptions, WllamaRuntime } from './wllama-runtime';
import type { FromWllamaWorker, ToWllamaWorker, WllamaCall } from './wllama-worker-protocol';

export class WorkerWllama implements WllamaRuntime {
  private readonly worker: EngineWorker<WllamaCall, FromWllamaWorker>;

  constructor(
    createWorker: () => Worker = () => new Worker(new URL('./wllama-worker.ts', import.meta.url), { type: 'module' }),
    /** Told of every request the worker made, for the privacy ledger. */
    onNetwork: (entries: LedgerEntry[]) => void = () => undefined,
  ) {
    this.worker = new EngineWorker(createWorker, 'llama.cpp', (message) => {
      if (message.kind === 'network') onNetwork(message.entries);
    });
  }

  async load(files: Blob[], options: WllamaLoadOptions): Promise<{ threads: number }> {
    try {
      const finished = await this.worker.call({ kind: 'load', files, options });
      return { threads: finished.threads ?? 1 };
    } catch (error) {
      this.worker.stop();
      throw error;
    }
  }

  async generate(request: ChatRequest, onDelta: (text: string) => void): Promise<GenerateResult> {
    const finished = await this.worker.call({ kind: 'generate', request }, (message) => {
      if (message.kind === 'delta') onDelta(message.text);
    });
    return { stopped: finished.stopped };
  }

  interrupt(): void {
    this.worker.notify({ kind: 'interrupt' } satisfies ToWllamaWorker);
  }

  /**
   * Ends the worker, and with it llama.cpp's own workers and all their memory: nothing is asked of wllama, so a
   * llama.cpp that has crashed or hangs cannot hold the host up.
   */
  async unload(): Promise<void> {
    this.worker.stop();
  }
}
