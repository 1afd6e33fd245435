/** Which model record a task runs on, given the GPU and the model source. Pure. */
import type { ModelRecord } from '@mlc-ai/web-llm';
import type { GpuCapabilities, TaskKind } from '../../models/types';
import { tacitError, type TacitError } from '../../core/errors';
import { automaticChoice, resolveTaskModel } from '../../models/registry';
import { withMirror } from '../../models/sources';

export interface TaskEnvironment {
  /** Null when the GPU could not be probed (no engine host in this browser). */
  capabilities: GpuCapabilities | null;
  mirrorUrl: string | null;
  /** Test builds with the scripted engine need no GPU. */
  scriptedEngine: boolean;
  /** GPU memory the models may use; a model needing more is refused with the lighter one suggested. */
  gpuBudgetMB: number;
  taskModels: Partial<Record<TaskKind, string>>;
  customModels: ModelRecord[];
  /** Points a record at its model library packaged with the extension, if this build has one. */
  packagedLibrary?: (record: ModelRecord) => ModelRecord;
}

export const DEFAULT_CONTEXT_WINDOW = 4096;

/** lighterAvailable: the task is not on its light model yet, so switching to it can help with memory trouble. */
export type ModelChoice =
  { ok: true; record: ModelRecord; lighterAvailable: boolean } | { ok: false; error: TacitError };

export function chooseModel(task: TaskKind, env: TaskEnvironment): ModelChoice {
  if (!env.scriptedEngine) {
    if (!env.capabilities) return { ok: false, error: tacitError('engine-unavailable') };
    if (!env.capabilities.usable)
      return { ok: false, error: tacitError('no-webgpu', { reason: env.capabilities.reason }) };
  }
  const precision = env.capabilities?.precision ?? 'f32';
  const resolution = resolveTaskModel(
    task,
    env.taskModels[task] ?? automaticChoice(task, precision, env.gpuBudgetMB),
    precision,
    env.customModels,
  );
  if (!resolution.ok) return { ok: false, error: tacitError('model-unknown', { modelId: resolution.modelId }) };
  const { record } = resolution;
  const needsF16 = record.required_features?.includes('shader-f16') ?? record.model_id.includes('q4f16');
  if (!env.scriptedEngine && needsF16 && env.capabilities?.hasShaderF16 === false) {
    return {
      ok: false,
      error: { ...tacitError('no-webgpu', { reason: 'shader-f16' }), suggestion: { kind: 'use-light-model', task } },
    };
  }
  const lighterAvailable = resolution.choice !== 'light';
  const sizeMB = record.vram_required_MB ?? 0;
  if (sizeMB > env.gpuBudgetMB) {
    const error = tacitError('model-too-large', {
      neededMB: Math.round(sizeMB),
      budgetMB: Math.round(env.gpuBudgetMB),
    });
    return { ok: false, error: withLighterModelSuggestion(error, task, lighterAvailable) };
  }
  // The user's own records carry their own URLs; the mirror rehosts every prebuilt model, however it was picked.
  const isUserRecord = env.customModels.some((custom) => custom.model_id === record.model_id);
  const located = isUserRecord ? record : withMirror(record, env.mirrorUrl ?? undefined);
  return {
    ok: true,
    record: env.packagedLibrary ? env.packagedLibrary(located) : located,
    lighterAvailable,
  };
}

/** Out of GPU memory (before loading, at load or mid-reply): the lighter model is the one-click way out, if not in use already. */
export function withLighterModelSuggestion(error: TacitError, task: TaskKind, lighterAvailable: boolean): TacitError {
  const memoryTrouble =
    error.code === 'out-of-gpu-memory' || error.code === 'gpu-device-lost' || error.code === 'model-too-large';
  return memoryTrouble && lighterAvailable && !error.suggestion
    ? { ...error, suggestion: { kind: 'use-light-model', task } }
    : error;
}

export function contextWindowOf(record: ModelRecord): number {
  return record.overrides?.context_window_size ?? DEFAULT_CONTEXT_WINDOW;
}
