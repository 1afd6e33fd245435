/** A deterministic engine for test builds only: streams a scripted reply at a set rate and records what it was asked. */
import type { AnyModelRecord } from '../../models/types';
import type { ScriptedEngineSettings, ScriptedLogEntry } from '../../protocol/messages';
import type { ChatRequest, Engine, GenerateResult, LoadProgress } from './types';
import { delay, streamScripted } from './scripted-stream';
import type { FromScriptedWorker, ToScriptedWorker } from './scripted-worker-protocol';

/** Production builds are checked for this string: it must only ever appear in test builds. */
export const SCRIPTED_ENGINE_MARKER = 'tacit-scripted-engine-v1';

/** What every scripted engine in this page was asked, in order (each loaded model has its own engine). */
export const scriptedRequestLog: ScriptedLogEntry[] = [];

/** When each token of the last generation with `recordEmitTimes` was emitted (ms since the epoch, sub-ms precision). */
export const scriptedEmitTimes: number[] = [];

/** Where a scripted engine emits its tokens. */
export interface ScriptedEngineOptions {
  /**
   * A worker of its own, as WebLLM decodes in one (test builds); without one, tokens are emitted on this thread (unit
   * tests, which have no workers).
   */
  createWorker?: () => Worker;
  /** The worker pushes text in batches, as WebLLM's does; false posts every token on its own (the bare relay). */
  batch?: boolean;
}

/** The scripted engine's worker, built into test builds only. */
export const createScriptedWorker = () =>
  new Worker(new URL('./scripted-worker.ts', import.meta.url), { type: 'module' });

interface WorkerCall {
  onDelta(text: string): void;
  resolve(result: GenerateResult): void;
  reject(error: Error): void;
}

export class ScriptedEngine implements Engine {
  readonly kind = 'scripted' as const;
  readonly marker = SCRIPTED_ENGINE_MARKER;
  readonly log: ScriptedLogEntry[] = [];
  private loaded: string | undefined;
  private interrupted = false;
  private worker: Worker | undefined;
  private readonly calls = new Map<number, WorkerCall>();
  private nextId = 1;

  constructor(
    public settings: ScriptedEngineSettings = {},
    private readonly options: ScriptedEngineOptions = {},
  ) {}

  async load(record: AnyModelRecord, onProgress: (progress: LoadProgress) => void): Promise<void> {
    if (this.loaded === record.model_id) return;
    if (this.settings.failLoadWith) throw new Error(this.settings.failLoadWith);
    const totalBytes = 4 * 1024 * 1024;
    for (let step = 1; step <= 4; step++) {
      await delay(5);
      onProgress({ fraction: step / 4, loadedBytes: (totalBytes * step) / 4, totalBytes, stage: 'download' });
    }
    // Like WebLLM: after the weights, the GPU programs are prepared in a second pass.
    for (let step = 1; step <= 2; step++) {
      await delay(5);
      onProgress({ fraction: step / 2, stage: 'shaders' });
    }
    this.loaded = record.model_id;
  }

  async generate(modelId: string, request: ChatRequest, onDelta: (text: string) => void): Promise<GenerateResult> {
    this.log.push({ modelId, messages: request.messages });
    scriptedRequestLog.push({ modelId, messages: request.messages });
    this.interrupted = false;
    const tokens = this.tokensFor(request);
    if (this.settings.recordEmitTimes === true) scriptedEmitTimes.length = 0;
    if (this.options.createWorker) return this.generateInWorker(tokens, onDelta);
    return streamScripted(tokens, this.settings, {
      emit: onDelta,
      interrupted: () => this.interrupted,
      emitTimes: this.settings.recordEmitTimes === true ? scriptedEmitTimes : undefined,
    });
  }

  interrupt(): void {
    this.interrupted = true;
    for (const id of this.calls.keys()) this.post({ kind: 'interrupt', id });
  }

  async unload(): Promise<void> {
    this.loaded = undefined;
    this.worker?.terminate();
    this.worker = undefined;
    const pending = [...this.calls.values()];
    this.calls.clear();
    pending.forEach((call) => call.reject(new Error('The scripted engine was unloaded')));
  }

  loadedModels(): string[] {
    return this.loaded ? [this.loaded] : [];
  }

  private generateInWorker(tokens: string[], onDelta: (text: string) => void): Promise<GenerateResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.calls.set(id, { onDelta, resolve, reject });
      this.post({ kind: 'generate', id, tokens, settings: this.settings, batch: this.options.batch ?? true });
    });
  }

  private post(message: ToScriptedWorker): void {
    if (!this.worker) {
      this.worker = this.options.createWorker!();
      this.worker.onmessage = (event: MessageEvent<FromScriptedWorker>) => this.receive(event.data);
    }
    this.worker.postMessage(message);
  }

  private receive(message: FromScriptedWorker): void {
    const call = this.calls.get(message.id);
    if (!call) return;
    if (message.kind === 'delta') {
      for (const time of message.emitTimes ?? []) scriptedEmitTimes.push(time);
      return call.onDelta(message.text);
    }
    this.calls.delete(message.id);
    if (message.kind === 'finished') call.resolve({ stopped: message.stopped });
    else call.reject(new Error(message.message));
  }

  private tokensFor(request: ChatRequest): string[] {
    if (this.settings.tokens !== undefined) return this.settings.tokens;
    if (this.settings.reply !== undefined) return this.settings.reply.match(/\S+\s*/g) ?? [];
    const lastUser = [...request.messages].reverse().find((message) => message.role === 'user');
    const words = (lastUser?.content ?? '').split(/\s+/).filter(Boolean).slice(0, 6);
    const count = this.settings.tokenCount ?? 12;
    const tokens = ['Scripted ', 'reply ', 'about: ', ...words.map((word) => `${word} `)];
    for (let index = 1; tokens.length < count; index++) tokens.push(`token${index} `);
    return tokens;
  }
}
