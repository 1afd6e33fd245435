/** Decides what the engine must do for a user's task: which model, which messages. Pure. */
import type { GpuCapabilities } from '../engine/capabilities';
import { tacitError, type TacitError } from '../messaging/errors';
import type { GenerateRequest, TaskRequest } from '../messaging/protocol';
import { modelIdForTask, prebuiltRecord, type TaskKind } from '../models/registry';
import { withMirror } from '../models/sources';
import { buildAskMessages } from './ask';

export interface TaskEnvironment {
  /** Null when the GPU could not be probed (no engine host in this browser). */
  capabilities: GpuCapabilities | null;
  mirrorUrl: string | null;
  /** Test builds with the scripted engine need no GPU. */
  scriptedEngine: boolean;
}

export type TaskPlan = { ok: true; request: GenerateRequest } | { ok: false; error: TacitError };

export function planTask(requestId: string, task: TaskRequest, env: TaskEnvironment): TaskPlan {
  if (!env.scriptedEngine) {
    if (!env.capabilities) return { ok: false, error: tacitError('engine-unavailable') };
    if (!env.capabilities.usable) return { ok: false, error: tacitError('no-webgpu', env.capabilities.reason) };
  }
  if (task.kind === 'ask' && task.prompt.trim() === '') return { ok: false, error: tacitError('invalid-request', 'empty') };
  const taskKind: TaskKind = 'chat';
  const modelId = modelIdForTask(taskKind, env.capabilities?.precision ?? 'f32');
  const record = prebuiltRecord(modelId);
  if (!record) return { ok: false, error: tacitError('model-unknown', modelId) };
  return {
    ok: true,
    request: { requestId, record: withMirror(record, env.mirrorUrl ?? undefined), messages: buildAskMessages(task.prompt) },
  };
}
