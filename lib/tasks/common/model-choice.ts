/**
 * Which model record, and so which engine, a task runs on: WebLLM on the GPU when there is a usable one and the model
 * fits its budget; otherwise the GGUF build of the same model (or its lighter one) on the CPU, within the RAM budget.
 * The user can force either engine per task. Pure.
 */
import type {
  AnyModelRecord,
  CpuReason,
  EngineChoice,
  EngineUse,
  GgufModelRecord,
  GpuCapabilities,
  ModelDevice,
  TaskKind,
  WebLlmModelRecord,
} from '../../models/types';
import { tacitError, type TacitError } from '../../core/errors';
import { expectedCpuTokensPerSecond } from '../../models/cpu-speed';
import { isGgufRecord } from '../../models/records';
import {
  automaticChoice,
  familyOf,
  MODEL_FAMILIES,
  prebuiltRecord,
  resolveTaskModel,
  TASK_MODELS,
} from '../../models/registry';
import { withMirror } from '../../models/sources';

export interface TaskEnvironment {
  /** Null when the GPU could not be probed (no engine host in this browser). */
  capabilities: GpuCapabilities | null;
  mirrorUrl: string | null;
  /** Test builds with the scripted engine need no GPU. */
  scriptedEngine: boolean;
  /** GPU memory the models may use; a model needing more runs on the CPU (or is refused when forced on the GPU). */
  gpuBudgetMB: number;
  /** RAM the CPU models may use; a model needing more is refused with the lighter one suggested. */
  ramBudgetMB: number;
  taskModels: Partial<Record<TaskKind, string>>;
  /** The engine the user wants per task; 'auto' when unset. */
  taskEngines: Partial<Record<TaskKind, EngineChoice>>;
  /** The engines this browser can host. */
  engines: Record<ModelDevice, boolean>;
  /** llama.cpp threads the CPU engine will use, for the expected speed. */
  cpuThreads: number;
  customModels: AnyModelRecord[];
  /** Points a record at its model library packaged with the extension, if this build has one. */
  packagedLibrary?: (record: WebLlmModelRecord) => WebLlmModelRecord;
}

export const DEFAULT_CONTEXT_WINDOW = 4096;

/** lighterAvailable: the task is not on its light model yet, so switching to it can help with memory trouble. */
export type ModelChoice =
  { ok: true; record: AnyModelRecord; lighterAvailable: boolean; use: EngineUse } | { ok: false; error: TacitError };

type Choice = 'default' | 'light' | 'custom';

export function chooseModel(task: TaskKind, env: TaskEnvironment): ModelChoice {
  const precision = env.capabilities?.precision ?? 'f32';
  const forced = env.taskEngines[task] ?? 'auto';
  // Unset: the default model, or the lighter one on its own when only it fits a usable GPU's budget.
  const onGpu = forced !== 'cpu' && (env.scriptedEngine || !!env.capabilities?.usable);
  const unset = onGpu ? automaticChoice(task, precision, env.gpuBudgetMB) : undefined;
  const resolution = resolveTaskModel(task, env.taskModels[task] ?? unset, precision, env.customModels);
  if (!resolution.ok) return { ok: false, error: tacitError('model-unknown', { modelId: resolution.modelId }) };
  const { record, choice } = resolution;
  // Test builds: the scripted engine plays any record, on no device at all.
  if (env.scriptedEngine) return located(record, choice !== 'light', { device: 'gpu' }, env);
  if (isGgufRecord(record)) return onCpu(task, record, choice, 'chosen', env);
  const verdict = gpuVerdict(task, record, choice, env);
  if (forced === 'gpu' || !env.engines.cpu || (forced === 'auto' && verdict.ok)) {
    return verdict.ok
      ? located(record, choice !== 'light', { device: 'gpu' }, env)
      : { ok: false, error: verdict.error };
  }
  const reason: CpuReason = forced === 'cpu' || verdict.ok ? 'chosen' : verdict.reason;
  return cpuFallback(task, record, choice, reason, env);
}

/** Out of memory (before loading, at load or mid-reply): the lighter model is the one-click way out, if not in use already. */
export function withLighterModelSuggestion(error: TacitError, task: TaskKind, lighterAvailable: boolean): TacitError {
  const memoryTrouble =
    error.code === 'out-of-gpu-memory' ||
    error.code === 'gpu-device-lost' ||
    error.code === 'model-too-large' ||
    error.code === 'model-too-large-for-ram';
  return memoryTrouble && lighterAvailable && !error.suggestion
    ? { ...error, suggestion: { kind: 'use-light-model', task } }
    : error;
}

export function contextWindowOf(record: AnyModelRecord): number {
  return record.overrides?.context_window_size ?? DEFAULT_CONTEXT_WINDOW;
}

type GpuVerdict = { ok: true } | { ok: false; error: TacitError; reason: CpuReason };

/** Whether WebLLM can run this record here, and if not, the failure to show when the GPU is forced. */
function gpuVerdict(task: TaskKind, record: WebLlmModelRecord, choice: Choice, env: TaskEnvironment): GpuVerdict {
  const capabilities = env.capabilities;
  if (!env.engines.gpu || !capabilities) {
    return { ok: false, error: tacitError('engine-unavailable'), reason: 'no-gpu' };
  }
  if (!capabilities.usable) {
    return { ok: false, error: tacitError('no-webgpu', { reason: capabilities.reason }), reason: 'no-gpu' };
  }
  const needsF16 = record.required_features?.includes('shader-f16') ?? record.model_id.includes('q4f16');
  if (needsF16 && !capabilities.hasShaderF16) {
    const error = {
      ...tacitError('no-webgpu', { reason: 'shader-f16' }),
      suggestion: { kind: 'use-light-model', task },
    } as const;
    return { ok: false, error, reason: 'shader-f16' };
  }
  const sizeMB = record.vram_required_MB ?? 0;
  if (sizeMB > env.gpuBudgetMB) {
    const error = tacitError('model-too-large', {
      neededMB: Math.round(sizeMB),
      budgetMB: Math.round(env.gpuBudgetMB),
    });
    return { ok: false, error: withLighterModelSuggestion(error, task, choice !== 'light'), reason: 'gpu-memory' };
  }
  return { ok: true };
}

/** The GGUF build of the picked model's family (a custom WebLLM model: the task's default), or of the lighter one. */
function cpuFallback(
  task: TaskKind,
  picked: WebLlmModelRecord,
  choice: Choice,
  reason: CpuReason,
  env: TaskEnvironment,
): ModelChoice {
  const family = familyOf(picked.model_id) ?? MODEL_FAMILIES[TASK_MODELS[task].default];
  const light = MODEL_FAMILIES[TASK_MODELS[task].light];
  const candidates = [family.gguf, ...(family.gguf === light.gguf ? [] : [light.gguf])];
  const records = candidates.map(prebuiltRecord).filter((record): record is GgufModelRecord => {
    return record !== undefined && isGgufRecord(record);
  });
  // When none fits, the failure names the lightest: that is what the budget would have to allow.
  const fitting = records.find((record) => record.ram_required_MB <= env.ramBudgetMB) ?? records.at(-1);
  if (!fitting) return { ok: false, error: tacitError('model-unknown', { modelId: family.gguf }) };
  const onLight = fitting.model_id === light.gguf;
  return onCpu(task, fitting, onLight ? 'light' : choice, reason, env);
}

function onCpu(
  task: TaskKind,
  record: GgufModelRecord,
  choice: Choice,
  reason: CpuReason,
  env: TaskEnvironment,
): ModelChoice {
  const lighterAvailable = choice !== 'light' && record.model_id !== MODEL_FAMILIES[TASK_MODELS[task].light].gguf;
  if (!env.engines.cpu) return { ok: false, error: tacitError('engine-unavailable') };
  if (record.ram_required_MB > env.ramBudgetMB) {
    const error = tacitError('model-too-large-for-ram', {
      neededMB: Math.round(record.ram_required_MB),
      budgetMB: Math.round(env.ramBudgetMB),
    });
    return { ok: false, error: withLighterModelSuggestion(error, task, lighterAvailable) };
  }
  const use: EngineUse = {
    device: 'cpu',
    cpuReason: reason,
    expectedTokensPerSecond: expectedCpuTokensPerSecond(record, env.cpuThreads),
  };
  return located(record, lighterAvailable, use, env);
}

/** The record at the URLs it is fetched from: the user's own as recorded, prebuilt ones on the mirror if one is set. */
function located(record: AnyModelRecord, lighterAvailable: boolean, use: EngineUse, env: TaskEnvironment): ModelChoice {
  const isUserRecord = env.customModels.some((custom) => custom.model_id === record.model_id);
  const mirrored = isUserRecord ? record : withMirror(record, env.mirrorUrl ?? undefined);
  const packaged = !isGgufRecord(mirrored) && env.packagedLibrary ? env.packagedLibrary(mirrored) : mirrored;
  return { ok: true, record: packaged, lighterAvailable, use };
}
