/**
 * The offscreen document's engine host: runs generations one at a time (fairly across panels and tabs), keeps loaded
 * only the models that fit their device's budget (GPU memory for WebLLM, RAM for llama.cpp; least recently used
 * evicted first), and reports idleness.
 */
import type { TacitError } from '../core/errors';
import { tacitError } from '../core/errors';
import { errorName, type RecordDiagnostic } from '../core/diagnostics';
import { relayBatcher } from '../core/delta-batcher';
import type { TypedPort } from '../protocol/ports';
import type {
  BackgroundToEngineHost,
  EngineHostSettings,
  EngineHostToBackground,
  EngineStatus,
  GenerateRequest,
} from '../protocol/messages';
import type { Engine } from './engines/types';
import { deviceOf, memoryNeededMB } from '../models/records';
import type { AnyModelRecord, ModelDevice } from '../models/types';
import { describeEngineFailure } from './engine-failures';
import { hostOf } from './downloads/download-errors';
import { checkModelSource } from './model-source-check';
import { EMPTY_RESIDENCY, applySwap, forget, planSwap, touch, type ResidencyState } from './scheduler/policy';
import { GpuWorkQueue } from './scheduler/queue';
import { isQueueCancelled } from './scheduler/queue-error';

export type EngineHostPort = TypedPort<EngineHostToBackground, BackgroundToEngineHost>;

export interface EngineHostOptions {
  /** A fresh engine for one model (each model gets its own worker): WebLLM for GPU records, llama.cpp for GGUF. */
  createEngine(settings: EngineHostSettings, record: AnyModelRecord): Promise<Engine>;
  /** Applies new settings to an engine that stays loaded (test builds: the scripted engine's pace). */
  updateEngine?(engine: Engine, settings: EngineHostSettings): void;
  /** Called once the host has been idle for settings.idleTimeoutMs with every model unloaded. */
  onIdle(): void;
  /** Other work in this page (model downloads) that must keep the host open. */
  keepAlive?(): boolean;
  /** True when every file of the model is in the local cache (a preload never downloads). */
  isModelCached?(record: GenerateRequest['record']): Promise<boolean>;
  /** Checks a model's cached files after a failed load and deletes them if damaged; true when it did. */
  repairModel?(record: GenerateRequest['record']): Promise<boolean>;
  /** A model's stored files may have changed outside Options' downloads: a load downloaded it, or a repair deleted it. */
  onModelFilesChanged?(modelId: string): void;
  /** Records loads and evictions (test builds show them to e2e tests). */
  onResidencyChange?(event: 'load' | 'unload', modelId: string): void;
  /** Where failures nobody else sees go (the background's diagnostics). */
  recordDiagnostic?: RecordDiagnostic;
  now?(): number;
}

type Outcome = { stopped: boolean } | { error: TacitError };

export class EngineHost {
  private readonly engines = new Map<string, Engine>();
  /** GPU and CPU models are budgeted apart: GPU memory and RAM are different memories. */
  private residency: Record<ModelDevice, ResidencyState> = { gpu: EMPTY_RESIDENCY, cpu: EMPTY_RESIDENCY };
  private readonly queue = new GpuWorkQueue();
  private readonly ports = new Map<string, EngineHostPort>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: EngineHostOptions) {
    // Tell each waiting request where it stands, so the panel can show "waiting (position n)".
    this.queue.onPositionsChange((updates) => {
      for (const { requestId, position } of updates) {
        if (position !== null && position > 0)
          this.ports.get(requestId)?.post({ type: 'engine/queued', requestId, position });
      }
    });
  }

  attach(port: EngineHostPort): void {
    const own = new Set<string>();
    port.onMessage((message) => {
      if (message.type === 'engine/generate') {
        own.add(message.request.requestId);
        void this.enqueue(message.request, message.settings, port);
      } else if (message.type === 'engine/cancel') {
        this.queue.cancel(message.requestId);
      }
    });
    // The background went away (service worker stopped, panel closed): nobody is left to read the reply.
    port.onDisconnect(() => own.forEach((requestId) => this.queue.cancel(requestId)));
  }

  status(): EngineStatus {
    const first = this.engines.values().next().value;
    const threads = [...this.engines.values()].map((engine) => engine.threads?.()).find((count) => count !== undefined);
    return {
      engine: first?.kind ?? 'webllm',
      loadedModels: [...this.engines.keys()],
      onCpu: this.residency.cpu.loaded.map((model) => model.modelId),
      ...(threads === undefined ? {} : { cpuThreads: threads }),
      busy: !this.queue.idle,
    };
  }

  /** (Re)starts the countdown after which every model is unloaded and the host asks to be closed. */
  startIdleTimer(idleTimeoutMs: number): void {
    this.clearIdleTimer();
    this.idleTimer = setTimeout(() => {
      if (this.options.keepAlive?.()) return this.startIdleTimer(idleTimeoutMs);
      void this.unloadAll().then(() => this.options.onIdle());
    }, idleTimeoutMs);
  }

  private async enqueue(request: GenerateRequest, settings: EngineHostSettings, port: EngineHostPort): Promise<void> {
    const { requestId } = request;
    this.clearIdleTimer();
    this.ports.set(requestId, port);
    let outcome: Outcome;
    let job: Promise<Outcome> | undefined;
    try {
      outcome = await this.queue.run(
        request.clientId ?? 'default',
        requestId,
        (signal) => (job = this.run(request, settings, port, signal)),
      );
    } catch (error) {
      if (isQueueCancelled(error)) outcome = { stopped: true };
      else {
        outcome = { error: describeEngineFailure(error) };
        this.record('engine-run-failed', { step: 'queue', error: outcome.error.code, reason: errorName(error) });
      }
    } finally {
      this.ports.delete(requestId);
    }
    if ('error' in outcome) port.post({ type: 'engine/error', requestId, error: outcome.error });
    else port.post({ type: 'engine/done', requestId, stopped: outcome.stopped });
    // A cancelled job may still be winding down on the GPU: the queue is idle only once it has settled (its failure,
    // if any, was reported above).
    await job?.catch(() => undefined);
    if (this.queue.idle) this.startIdleTimer(settings.idleTimeoutMs);
  }

  private async run(
    request: GenerateRequest,
    settings: EngineHostSettings,
    port: EngineHostPort,
    signal: AbortSignal,
  ): Promise<Outcome> {
    const { requestId, record } = request;
    const modelId = record.model_id;
    const post = (message: EngineHostToBackground) => {
      if (!signal.aborted) port.post(message);
    };
    let step = request.preloadOnly ? 'preload' : 'load';
    try {
      if (request.preloadOnly) return await this.preload(request, settings);
      const resident = await this.residentEngine(request, settings, (progress) =>
        post({ type: 'engine/loading', requestId, modelId, progress }),
      );
      if (!resident.ok) return { error: resident.error };
      if (signal.aborted) return { stopped: true };
      const running = resident.engine;
      // Text written before Stop still goes out, ahead of done; nothing written after it does.
      const deltas = relayBatcher((text) => port.post({ type: 'engine/delta', requestId, text }));
      const interrupt = () => {
        deltas.flush();
        running.interrupt();
      };
      signal.addEventListener('abort', interrupt, { once: true });
      post({ type: 'engine/generating', requestId, modelId });
      step = 'generate';
      try {
        const result = await running.generate(
          modelId,
          { messages: request.messages, temperature: request.temperature, maxTokens: request.maxTokens },
          (text) => {
            if (!signal.aborted) deltas.push(text);
          },
        );
        this.markUsed(deviceOf(record), modelId);
        return { stopped: result.stopped || signal.aborted };
      } finally {
        deltas.flush();
        signal.removeEventListener('abort', interrupt);
      }
    } catch (error) {
      return { error: await this.failure(error, request, step) };
    }
  }

  /** Loads a cached model that fits beside what is loaded; anything else is left for a real request to decide. */
  private async preload(request: GenerateRequest, settings: EngineHostSettings): Promise<Outcome> {
    const { record } = request;
    if (this.engines.has(record.model_id)) return { stopped: false };
    const device = deviceOf(record);
    const plan = planSwap(
      this.residency[device],
      { modelId: record.model_id, sizeMB: memoryNeededMB(record) },
      budgetMB(device, settings),
    );
    if (plan.kind !== 'swap' || plan.evict.length > 0) return { stopped: true };
    if (!(await this.options.isModelCached?.(record))) return { stopped: true };
    const resident = await this.residentEngine(request, settings, () => undefined);
    return resident.ok ? { stopped: false } : { error: resident.error };
  }

  /** The engine holding the request's model: reused, or loaded after evicting what no longer fits. */
  private async residentEngine(
    request: GenerateRequest,
    settings: EngineHostSettings,
    onProgress: Parameters<Engine['load']>[1],
  ): Promise<{ ok: true; engine: Engine } | { ok: false; error: TacitError }> {
    const { record } = request;
    // An engine that dropped its model after a failure (a crashed llama.cpp worker) is replaced, not reused.
    if (this.engines.get(record.model_id)?.loadedModels().includes(record.model_id) === false)
      await this.unload(record.model_id);
    const device = deviceOf(record);
    const modelRequest = { modelId: record.model_id, sizeMB: memoryNeededMB(record) };
    const plan = planSwap(this.residency[device], modelRequest, budgetMB(device, settings));
    if (plan.kind === 'too-large') {
      const sizes = { neededMB: Math.round(plan.sizeMB), budgetMB: Math.round(plan.budgetMB) };
      const error =
        device === 'cpu' ? tacitError('model-too-large-for-ram', sizes) : tacitError('model-too-large', sizes);
      return { ok: false, error };
    }
    for (const modelId of plan.evict) await this.unload(modelId);
    const existing = this.engines.get(record.model_id);
    if (existing) {
      this.options.updateEngine?.(existing, settings);
      this.residency = {
        ...this.residency,
        [device]: applySwap(this.residency[device], plan, modelRequest, this.now()),
      };
      return { ok: true, engine: existing };
    }
    const engine = await this.options.createEngine(settings, record);
    try {
      await engine.load(record, onProgress);
    } finally {
      // A load downloads what is not stored yet, all of it or (cut off) a part.
      this.options.onModelFilesChanged?.(record.model_id);
    }
    this.engines.set(record.model_id, engine);
    this.residency = { ...this.residency, [device]: applySwap(this.residency[device], plan, modelRequest, this.now()) };
    this.options.onResidencyChange?.('load', record.model_id);
    return { ok: true, engine };
  }

  /** A failed load or generation may leave the GPU device unusable: drop that model so the next try starts clean. */
  private async failure(error: unknown, request: GenerateRequest, step: string): Promise<TacitError> {
    const { record } = request;
    const failure = describeEngineFailure(error, { modelHost: hostOf(record.model) || undefined });
    // The panel shows the failure in words; the record keeps which model, step, code and error class.
    this.record('engine-run-failed', { step, model: record.model_id, error: failure.code, reason: errorName(error) });
    if (failure.code === 'gpu-device-lost' || failure.code === 'out-of-gpu-memory') await this.unload(record.model_id);
    if (failure.code === 'model-download-failed' || failure.code === 'model-source-unreachable') {
      return checkModelSource(record, failure);
    }
    // An unexplained load failure may come from a damaged cached file: check, and delete the model if so.
    if (failure.code === 'unknown' && (await this.repair(record))) {
      return tacitError('model-files-corrupt');
    }
    return failure;
  }

  /** True when the model's cached files were damaged and have been deleted. */
  private async repair(record: GenerateRequest['record']): Promise<boolean> {
    try {
      const repaired = (await this.options.repairModel?.(record)) ?? false;
      if (repaired) this.options.onModelFilesChanged?.(record.model_id);
      return repaired;
    } catch (error) {
      this.record('model-repair-failed', { model: record.model_id, error: errorName(error) });
      return false;
    }
  }

  private async unload(modelId: string): Promise<void> {
    const engine = this.engines.get(modelId);
    this.engines.delete(modelId);
    this.residency = { gpu: forget(this.residency.gpu, modelId), cpu: forget(this.residency.cpu, modelId) };
    if (!engine) return;
    await engine
      .unload()
      .catch((error: unknown) => this.record('engine-unload-failed', { model: modelId, error: errorName(error) }));
    this.options.onResidencyChange?.('unload', modelId);
  }

  private async unloadAll(): Promise<void> {
    for (const modelId of [...this.engines.keys()]) await this.unload(modelId);
  }

  private markUsed(device: ModelDevice, modelId: string): void {
    this.residency = { ...this.residency, [device]: touch(this.residency[device], modelId, this.now()) };
  }

  private clearIdleTimer(): void {
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private record(...args: Parameters<RecordDiagnostic>): void {
    this.options.recordDiagnostic?.(...args);
  }
}

/** The budget of the memory the model runs in; unlimited when the settings give none. */
function budgetMB(device: ModelDevice, settings: EngineHostSettings): number {
  const budget = device === 'cpu' ? settings.ramBudgetMB : settings.gpuBudgetMB;
  return budget ?? Number.POSITIVE_INFINITY;
}
