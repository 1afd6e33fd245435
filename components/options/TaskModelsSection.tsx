import { i18n } from '#i18n';
import type { AnyModelRecord, ShaderPrecision } from '@/lib/models/types';
import type { DownloadsClient } from '@/lib/options/downloads-client';
import {
  automaticChoice,
  fitsBudget,
  modelIdForTask,
  modelDisplayName,
  modelLabel,
  registeredModels,
} from '@/lib/models/registry';
import { chooseModel, type TaskEnvironment } from '@/lib/tasks/common/model-choice';
import { TASK_KINDS, type TaskKind } from '@/lib/models/types';
import { taskModels } from '@/lib/settings/settings';
import { useStorageItem } from '../use-storage-item';
import { useSignal } from '@preact/signals';
import { ChoiceNotSaved } from './ChoiceNotSaved';
import { saveChoice } from './storage-error-text';
import { ModelDownloadState } from './ModelDownloadState';
import { ModelFit } from './ModelFit';
import { TaskEngineChoice } from './TaskEngineChoice';

const TASK_LABEL: Record<TaskKind, () => string> = {
  summarize: () => i18n.t('options.taskSummarize'),
  chat: () => i18n.t('options.taskChat'),
  rewrite: () => i18n.t('options.taskRewrite'),
  draft: () => i18n.t('options.taskDraft'),
};

interface Props {
  precision: ShaderPrecision;
  custom: AnyModelRecord[];
  /** The models as they are downloaded (rehosted on the mirror if one is set). */
  downloadable: AnyModelRecord[];
  downloads: DownloadsClient;
  /** What the background plans with: which engine and record each task gets on this device, and the GPU budget. */
  environment: TaskEnvironment;
}

/**
 * Per task: its default model, its lighter one, or any registered model, each marked when it does not fit the GPU
 * budget; the model in use (the lighter default on a small budget, until the user picks); the engine it runs on; and
 * getting the model it will run on (its GGUF build when it runs on the CPU) for offline use.
 */
export function TaskModelsSection({ precision, custom, downloadable, downloads, environment }: Props) {
  const budgetMB = environment.gpuBudgetMB;
  const choices = useStorageItem(taskModels, {});
  /** Why the last choice was not saved, shown under that task's choice. */
  const notSaved = useSignal<string | null>(null);
  const notSavedTask = useSignal<TaskKind | null>(null);
  const models = registeredModels(custom);
  const byId = (id: string) => models.find((record) => record.model_id === id);
  const optionText = (text: string, record: AnyModelRecord | undefined) =>
    fitsBudget(record, budgetMB) ? text : i18n.t('options.choiceTooLarge', [text]);
  return (
    <section>
      <h2>{i18n.t('options.tasksHeading')}</h2>
      <p class="help">{i18n.t('options.tasksHelp')}</p>
      {TASK_KINDS.map((task) => {
        const defaultId = modelIdForTask(task, precision, 'default');
        const lightId = modelIdForTask(task, precision, 'light');
        const choice = choices.value[task] ?? automaticChoice(task, precision, budgetMB);
        const outcome = chooseModel(task, environment);
        const record = outcome.ok
          ? (downloadable.find((candidate) => candidate.model_id === outcome.record.model_id) ?? outcome.record)
          : undefined;
        return (
          <div class="task-model" data-task-model={task}>
            <label class="field">
              <span class="field-label">{TASK_LABEL[task]()}</span>
              <select
                data-task={task}
                value={choice}
                onChange={(event) => {
                  const select = event.currentTarget as HTMLSelectElement;
                  saveChoice(taskModels.setValue({ ...choices.value, [task]: select.value }), 'taskModels', {
                    message: notSaved,
                    revert: () => (select.value = choice),
                  });
                  notSavedTask.value = task;
                }}
              >
                <option value="default">
                  {optionText(i18n.t('options.choiceDefault', [modelDisplayName(defaultId)]), byId(defaultId))}
                </option>
                <option value="light">
                  {optionText(i18n.t('options.choiceLight', [modelDisplayName(lightId)]), byId(lightId))}
                </option>
                {models
                  .filter((record) => record.model_id !== defaultId && record.model_id !== lightId)
                  .map((record) => (
                    <option value={record.model_id}>{optionText(modelLabel(record.model_id), record)}</option>
                  ))}
              </select>
            </label>
            {notSavedTask.value === task ? <ChoiceNotSaved message={notSaved} /> : null}
            <ModelFit record={outcome.ok ? outcome.record : undefined} budgetMB={budgetMB} />
            <TaskEngineChoice task={task} environment={environment} outcome={outcome} />
            {record ? <ModelDownloadState record={record} client={downloads} /> : null}
          </div>
        );
      })}
    </section>
  );
}
