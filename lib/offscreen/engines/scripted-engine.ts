/** A deterministic engine for test builds only: streams a scripted reply at a set rate and records what it was asked. */
import type { AnyModelRecord } from '../../models/types';
import type { ScriptedEngineSettings, ScriptedLogEntry } from '../../protocol/messages';
import type { ChatRequest, Engine, GenerateResult, LoadProgress } from './types';

/** Production builds are checked for this string: it must only ever appear in test builds. */
export const SCRIPTED_ENGINE_MARKER = 'tacit-scripted-engine-v1';

/** What every scripted engine in this page was asked, in order (each loaded model has its own engine). */
export const scriptedRequestLog: ScriptedLogEntry[] = [];

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
      onProgress({ fraction: step / 4, loadedBytes: (totalBytes * step) / 4, totalBytes });
    }
    this.loaded = record.model_id;
  }

  async generate(modelId: string, request: ChatRequest, onDelta: (text: string) => void): Promise<GenerateResult> {
    this.log.push({ modelId, messages: request.messages });
    scriptedRequestLog.push({ modelId, messages: request.messages });
    this.interrupted = false;
    for (const token of this.tokensFor(request)) {
      await delay(this.settings.tokenDelayMs ?? 20);
      if (this.interrupted) return { stopped: true };
      onDelta(token);
    }
    return { stopped: false };
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
