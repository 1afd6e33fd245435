import { i18n } from '#i18n';
import type { EngineChoice, TaskKind } from '@/lib/models/types';
import { modelLabel } from '@/lib/models/registry';
import { taskEngines } from '@/lib/settings/settings';
import type { ModelChoice, TaskEnvironment } from '@/lib/tasks/common/model-choice';
import { cpuReasonText } from '../engine-use-text';
import { errorText } from '../error-text';
import { useSignal } from '@preact/signals';
import { ChoiceNotSaved } from './ChoiceNotSaved';
import { saveChoice } from './storage-error-text';

/** Which engine a task runs on (automatic, or always the GPU or the CPU), and what that means here, with the speed. */
export function TaskEngineChoice({
  task,
  environment,
  outcome,
}: {
  task: TaskKind;
  environment: TaskEnvironment;
  outcome: ModelChoice;
}) {
  const choice = environment.taskEngines[task] ?? 'auto';
  const notSaved = useSignal<string | null>(null);
  return (
    <div class="engine-choice">
      <label class="field">
        <span class="field-label">{i18n.t('options.engineLabel')}</span>
        <select
          data-engine={task}
          value={choice}
          onChange={(event) => {
            const select = event.currentTarget as HTMLSelectElement;
            const next = { ...environment.taskEngines, [task]: select.value as EngineChoice };
            saveChoice(taskEngines.setValue(next), 'taskEngines', {
              message: notSaved,
              revert: () => (select.value = choice),
            });
          }}
        >
          <option value="auto">{i18n.t('options.engineAuto')}</option>
          <option value="gpu">{i18n.t('options.engineGpu')}</option>
          <option value="cpu">{i18n.t('options.engineCpu')}</option>
        </select>
      </label>
      <ChoiceNotSaved message={notSaved} />
      <p class="help" data-testid="task-engine-outcome">
        {outcomeText(outcome)}
      </p>
    </div>
  );
}

function outcomeText(outcome: ModelChoice): string {
  if (!outcome.ok) return i18n.t('options.runsNowhere', [errorText(outcome.error)]);
  const label = modelLabel(outcome.record.model_id);
  if (outcome.use.device === 'gpu') return i18n.t('options.runsOnGpu', [label]);
  return i18n.t('options.runsOnCpu', [
    label,
    String(outcome.use.expectedTokensPerSecond ?? '?'),
    cpuReasonText(outcome.use.cpuReason),
  ]);
}
