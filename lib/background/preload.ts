/** Gets a task's model ready before it is asked for: loaded from the local cache if it fits, never downloaded. */
import type { TaskKind } from '../models/types';
import { chooseModel } from '../tasks/common/model-choice';
import type { TaskServiceDeps } from './task-service';
import { recordDiagnostic } from './diagnostics-log';

export type PreloadDeps = Pick<TaskServiceDeps, 'environment' | 'engineSettings' | 'prepareEngine' | 'startEngineRun'>;

export async function preloadModel(task: TaskKind, deps: PreloadDeps): Promise<void> {
  const choice = chooseModel(task, await deps.environment());
  if (!choice.ok) return;
  const [settings] = await Promise.all([deps.engineSettings(), deps.prepareEngine()]);
  const ignore = () => undefined;
  // The engine host decides: only a fully cached model that fits beside the loaded ones is loaded.
  deps.startEngineRun(
    {
      requestId: `preload:${crypto.randomUUID()}`,
      clientId: 'preload',
      record: choice.record,
      messages: [],
      preloadOnly: true,
    },
    settings,
    {
      onQueued: ignore,
      onLoading: ignore,
      onGenerating: ignore,
      onDelta: ignore,
      onDone: ignore,
      // Nobody waits for a preload: its failure would go unseen but for this record.
      onError: (error) =>
        recordDiagnostic('preload-failed', { task, error: error.code, model: choice.record.model_id }),
    },
  );
}
