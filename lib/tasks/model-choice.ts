/** Which model record a task runs on, given the GPU and the model source. Pure. */
import type { ModelRecord } from '@mlc-ai/web-llm';
import type { GpuCapabilities } from '../engine/capabilities';
import { tacitError, type TacitError } from '../messaging/errors';
import { modelIdForTask, prebuiltRecord, type TaskKind } from '../models/registry';
import { withMirror } from '../models/sources';

export interface TaskEnvironment {
  /** Null when the GPU could not be probed (no engine host in this browser). */
  capabilities: GpuCapabilities | null;
  mirrorUrl: string | null;
  /** Test builds with the scripted engine need no GPU. */
  scriptedEngine: boolean;
}

export const DEFAULT_CONTEXT_WINDOW = 4096;

export type ModelChoice = { ok: true; record: ModelRecord } | { ok: false; error: TacitError };

export function chooseModel(task: TaskKind, env: TaskEnvironment): ModelChoice {
  if (!env.scriptedEngine) {
    if (!env.capabilities) return { ok: false, error: tacitError('engine-unavailable') };
    if (!env.capabilities.usable) return { ok: false, error: tacitError('no-webgpu', env.capabilities.reason) };
  }
  const modelId = modelIdForTask(task, env.capabilities?.precision ?? 'f32');
  const record = prebuiltRecord(modelId);
  if (!record) return { ok: false, error: tacitError('model-unknown', modelId) };
  return { ok: true, record: withMirror(record, env.mirrorUrl ?? undefined) };
}

export function contextWindowOf(record: ModelRecord): number {
  return record.overrides?.context_window_size ?? DEFAULT_CONTEXT_WINDOW;
}
