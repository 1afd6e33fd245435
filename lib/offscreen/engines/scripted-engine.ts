/** A deterministic engine for test builds only: streams a scripted reply at a set rate and records what it was asked. */
import type { AnyModelRecord } from '../../models/types';
import type { ScriptedEngineSettings, ScriptedLogEntry } from '../../protocol/messages';
import type { ChatRequest, Engine, GenerateResult, LoadProgress } from './types';

/** Production builds are checked for this string: it must only ever appear in test builds. */
export const SCRIPTED_ENGINE_MARKER = 'tacit-scripted-engine-v1';

/** What every scripted engine in this page was asked, in order (each loaded model has its own engine). */
export const scriptedRequestLog: ScriptedLogEntry[] = [];

/** When each token of the last generation with `recordEmitTimes` was emitted (ms since the epoch, sub-ms precision). */
export const scriptedEmitTimes: number[] = [];

export class ScriptedEngine implements Engine {
  readonly kind = 'scripted' as const;
  readonly marker = SCRIPTED_ENGINE_MARKER;
  readonly log: ScriptedLogEntry[] = [];
  private loaded: string | undefined;
  private interrupted = false;

  constructor(public settings: ScriptedEngineSettings = {}) {}

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
    const record = this.settings.recordEmitTimes === true;
    if (record) scriptedEmitTimes.length = 0;
    const wait = pacer(this.settings);
    const { failGenerateWith, failAfterTokens = 0 } = this.settings;
    try {
      for (const [index, token] of this.tokensFor(request).entries()) {
        await wait();
        if (this.interrupted) return { stopped: true };
        if (failGenerateWith !== undefined && index >= failAfterTokens) throw new Error(failGenerateWith);
        if (record) scriptedEmitTimes.push(performance.timeOrigin + performance.now());
        onDelta(token);
      }
      return { stopped: false };
    } finally {
      wait.close();
    }
  }

  interrupt(): void {
    this.interrupted = true;
  }

  async unload(): Promise<void> {
    this.loaded = undefined;
  }

  loadedModels(): string[] {
    return this.loaded ? [this.loaded] : [];
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

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits before each token: a set delay, or until the token is due; 0 means the next task (timers clamp to 4 ms). */
function pacer(settings: ScriptedEngineSettings): { (): Promise<void>; close(): void } {
  const channel = new MessageChannel();
  let next: (() => void) | undefined;
  channel.port1.onmessage = () => next?.();
  const nextTask = () =>
    new Promise<void>((resolve) => {
      next = resolve;
      channel.port2.postMessage(null);
    });
  const started = performance.now();
  let emitted = 0;
  const waitMs = () =>
    settings.tokensPerSecond
      ? started + (emitted++ * 1000) / settings.tokensPerSecond - performance.now()
      : (settings.tokenDelayMs ?? 20);
  const wait = () => {
    const ms = waitMs();
    return ms >= 1 ? delay(ms) : nextTask();
  };
  return Object.assign(wait, { close: () => channel.port1.close() });
}
