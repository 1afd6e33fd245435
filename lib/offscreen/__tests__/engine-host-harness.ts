/** An EngineHost on scripted engines (one per model, as in the offscreen page) with fake ports, for unit tests. */
import type { ModelRecord } from '@mlc-ai/web-llm';
import type { AnyModelRecord, GgufModelRecord } from '../../models/types';
import { vi } from 'vitest';
import { FakePort } from '../../protocol/__tests__/fake-port';
import type {
  BackgroundToEngineHost,
  EngineHostSettings,
  EngineHostToBackground,
  ScriptedEngineSettings,
} from '../../protocol/messages';
import type { Engine } from '../engines/types';
import { EngineHost } from '../engine-host';
import { ScriptedEngine } from '../engines/scripted-engine';
import type { PageDiagnostic } from '../../core/diagnostics';

export type HostPort = FakePort<EngineHostToBackground, BackgroundToEngineHost>;

/** What happened to models and the host, in order: loads, unloads, and the idle report. */
export type HostEvent = 'idle' | `${'load' | 'unload'} ${string}`;

export function record(modelId: string, sizeMB?: number): ModelRecord {
  return {
    model: `https://huggingface.co/mlc-ai/${modelId}`,
    model_id: modelId,
    model_lib: `https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/${modelId}-webgpu.wasm`,
    ...(sizeMB === undefined ? {} : { vram_required_MB: sizeMB }),
  };
}

/** A GGUF model for the CPU engine, counted against the RAM budget. */
export function ggufRecord(modelId: string, ramMB: number): GgufModelRecord {
  return {
    format: 'gguf',
    model_id: modelId,
    model: `https://huggingface.co/org/${modelId}/resolve/main/${modelId}.gguf`,
    ram_required_MB: ramMB,
    overrides: { context_window_size: 4096 },
  };
}

export const MODEL = record('Test-Model-MLC');

export interface GenerateOptions {
  prompt?: string;
  model?: AnyModelRecord;
  port?: HostPort;
  clientId?: string;
}

export function setupHost(
  scripted: ScriptedEngineSettings = { tokenDelayMs: 1, tokenCount: 5 },
  idleTimeoutMs = 60_000,
) {
  /** Every engine the host created, in order: a new one means the model was loaded again. */
  const engines: ScriptedEngine[] = [];
  const events: HostEvent[] = [];
  /** What the host recorded for the background's diagnostics. */
  const diagnostics: PageDiagnostic[] = [];
  const onIdle = vi.fn(() => void events.push('idle'));
  const createEngine = vi.fn(async (settings: EngineHostSettings, _record: AnyModelRecord): Promise<Engine> => {
    const engine = new ScriptedEngine(settings.scripted);
    engines.push(engine);
    return engine;
  });
  let clock = 0;
  const host = new EngineHost({
    createEngine,
    updateEngine: (engine, settings) => {
      if (engine instanceof ScriptedEngine && settings.scripted) engine.settings = settings.scripted;
    },
    onIdle,
    onResidencyChange: (event, modelId) => void events.push(`${event} ${modelId}`),
    // A logical clock makes "least recently used" independent of how fast the machine runs.
    now: () => ++clock,
    recordDiagnostic: (code, details = {}) => void diagnostics.push({ code, details }),
  });
  /** The settings the next generate sends; tests change them between requests. */
  const settings: EngineHostSettings = { idleTimeoutMs, scripted };
  const connect = (): HostPort => {
    const port: HostPort = new FakePort();
    host.attach(port);
    return port;
  };
  const port = connect();
  const generate = (requestId: string, options: GenerateOptions = {}) =>
    (options.port ?? port).deliver({
      type: 'engine/generate',
      settings: { ...settings },
      request: {
        requestId,
        ...(options.clientId === undefined ? {} : { clientId: options.clientId }),
        record: options.model ?? MODEL,
        messages: [{ role: 'user', content: options.prompt ?? 'hello world' }],
      },
    });
  const cancel = (requestId: string, onPort: HostPort = port) => onPort.deliver({ type: 'engine/cancel', requestId });
  return { engines, events, diagnostics, createEngine, host, port, connect, onIdle, settings, generate, cancel };
}

export function messagesFor(port: HostPort, requestId: string): EngineHostToBackground[] {
  return port.posted.filter((message) => message.requestId === requestId);
}

export function replyText(port: HostPort, requestId: string): string {
  return messagesFor(port, requestId)
    .map((message) => (message.type === 'engine/delta' ? message.text : ''))
    .join('');
}

export function finished(port: HostPort, requestId: string) {
  return vi.waitFor(
    () => {
      const last = messagesFor(port, requestId).find((m) => m.type === 'engine/done' || m.type === 'engine/error');
      if (!last) throw new Error(`${requestId} has not finished`);
      return last;
    },
    { timeout: 2000, interval: 2 },
  );
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
