/** Serves the side panel's task port in the background: plans each task, runs it on the engine, streams it back. */
import type { EngineRun, EngineRunHandlers } from '../engine/engine-client';
import type { TypedPort } from '../messaging/ports';
import type { BackgroundToPanel, EngineHostSettings, GenerateRequest, PanelToBackground } from '../messaging/protocol';
import { planTask, type TaskEnvironment } from './task-plan';

export interface TaskServiceDeps {
  environment(): Promise<TaskEnvironment>;
  engineSettings(): Promise<EngineHostSettings>;
  /** Makes sure the engine host exists before a run starts. */
  prepareEngine(): Promise<void>;
  startEngineRun(request: GenerateRequest, settings: EngineHostSettings, handlers: EngineRunHandlers): EngineRun;
}

export type PanelPort = TypedPort<BackgroundToPanel, PanelToBackground>;

export function servePanelPort(port: PanelPort, deps: TaskServiceDeps): void {
  const runs = new Map<string, EngineRun>();
  const cancelled = new Set<string>();

  port.onMessage((message) => {
    if (message.type === 'task/cancel') {
      cancelled.add(message.requestId);
      runs.get(message.requestId)?.cancel();
      return;
    }
    void start(message.requestId, message.task);
  });
  // Panel closed: stop its work so the GPU is free for others.
  port.onDisconnect(() => runs.forEach((run) => run.cancel()));

  async function start(requestId: string, task: Parameters<typeof planTask>[1]): Promise<void> {
    try {
      const plan = planTask(requestId, task, await deps.environment());
      if (!plan.ok) return port.post({ type: 'task/error', requestId, error: plan.error });
      const [settings] = await Promise.all([deps.engineSettings(), deps.prepareEngine()]);
      if (cancelled.has(requestId)) return port.post({ type: 'task/done', requestId, stopped: true });
      const finish = () => {
        runs.delete(requestId);
        cancelled.delete(requestId);
      };
      runs.set(
        requestId,
        deps.startEngineRun(plan.request, settings, {
          onLoading: (modelId, progress) =>
            port.post({ type: 'task/phase', requestId, phase: { phase: 'loading-model', modelId, progress } }),
          onGenerating: (modelId) => port.post({ type: 'task/phase', requestId, phase: { phase: 'generating', modelId } }),
          onDelta: (text) => port.post({ type: 'task/delta', requestId, text }),
          onDone: (stopped) => {
            finish();
            port.post({ type: 'task/done', requestId, stopped });
          },
          onError: (error) => {
            finish();
            port.post({ type: 'task/error', requestId, error });
          },
        }),
      );
    } catch (error) {
      port.post({
        type: 'task/error',
        requestId,
        error: { code: 'engine-unavailable', detail: String(error).slice(0, 200) },
      });
    }
  }
}
