/**
 * The production engine: WebLLM on WebGPU, in a worker owned by the offscreen document. This page holds only the
 * client side of lib/offscreen/engines/webllm-worker-protocol; the WebLLM library is loaded in the worker alone.
 */
import type { InitProgressReport } from '@mlc-ai/web-llm';
import { isGgufRecord } from '../../models/records';
import { tacitError } from '../../core/errors';
import { EngineFailure } from '../engine-failures';
import type { AnyModelRecord } from '../../models/types';
import type { ChatRequest, Engine, GenerateResult, LoadProgress } from './types';
import { parseLoadProgress } from './webllm-load-progress';
import type { LedgerEntry } from '../../core/network-ledger';
import type { FromWebLlmWorker, ToWebLlmWorker, WebLlmCall } from './webllm-worker-protocol';

interface PendingCall {
  onProgress?(report: InitProgressReport): void;
  onDelta?(text: string): void;
  resolve(stopped: boolean): void;
  reject(error: Error): void;
}

export class WebLlmEngine implements Engine {
  readonly kind = 'webllm' as const;
  private worker: Worker | undefined;
  private loaded: string | undefined;
  private readonly calls = new Map<number, PendingCall>();
  private nextId = 1;

  constructor(
    private readonly createWorker: () => Worker = () =>
      new Worker(new URL('./webllm-worker.ts', import.meta.url), { type: 'module' }),
    /** Told of every request the worker made (host, path, bytes, time), for the privacy ledger. */
    private readonly onNetwork: (entries: LedgerEntry[]) => void = () => undefined,
  ) {}

  async load(record: AnyModelRecord, onProgress: (progress: LoadProgress) => void): Promise<void> {
    // A GGUF model is the CPU engine's: the host never sends one here.
    if (isGgufRecord(record)) throw new EngineFailure(tacitError('invalid-request'));
    if (this.loaded === record.model_id) return;
    this.loaded = undefined;
    try {
      await this.call({ kind: 'load', record }, { onProgress: (report) => onProgress(parseLoadProgress(report)) });
    } catch (error) {
      // A failed load can leave the worker's GPU device unusable: start the next attempt afresh.
      this.terminate();
      throw error;
    }
    this.loaded = record.model_id;
  }

  async generate(modelId: string, request: ChatRequest, onDelta: (text: string) => void): Promise<GenerateResult> {
    if (!this.worker || this.loaded !== modelId) throw new Error(`Model ${modelId} is not loaded`);
    return { stopped: await this.call({ kind: 'generate', request }, { onDelta }) };
  }

  interrupt(): void {
    this.worker?.postMessage({ kind: 'interrupt' } satisfies ToWebLlmWorker);
  }

  async unload(): Promise<void> {
    try {
      if (this.worker) await this.call({ kind: 'unload' }, {});
    } finally {
      this.terminate();
    }
  }

  loadedModels(): string[] {
    return this.loaded ? [this.loaded] : [];
  }

  private call(call: WebLlmCall, handlers: Pick<PendingCall, 'onProgress' | 'onDelta'>): Promise<boolean> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<boolean>((resolve, reject) => {
      this.calls.set(id, { ...handlers, resolve, reject });
      worker.postMessage({ ...call, id } satisfies ToWebLlmWorker);
    });
  }

  private receive(message: FromWebLlmWorker): void {
    if (message.kind === 'network') return this.onNetwork(message.entries);
    const call = this.calls.get(message.id);
    if (!call) return;
    switch (message.kind) {
      case 'progress':
        return call.onProgress?.(message.report);
      case 'delta':
        return call.onDelta?.(message.text);
      case 'finished':
        this.calls.delete(message.id);
        return call.resolve(message.stopped);
      case 'failed':
        this.calls.delete(message.id);
        return call.reject(Object.assign(new Error(message.message), { name: message.name }));
    }
  }

  private ensureWorker(): Worker {
    if (!this.worker) {
      this.worker = this.createWorker();
      this.worker.onmessage = (event: MessageEvent<FromWebLlmWorker>) => this.receive(event.data);
    }
    return this.worker;
  }

  private terminate(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.loaded = undefined;
    const pending = [...this.calls.values()];
    this.calls.clear();
    pending.forEach((call) => call.reject(new Error('The WebLLM worker was stopped')));
  }
}
