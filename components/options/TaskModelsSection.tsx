import { i18n } from '#i18n';
import type { ModelRecord } from '@mlc-ai/web-llm';
import type { ShaderPrecision } from '@/lib/models/types';
import type { DownloadsClient } from '@/lib/options/downloads-client';
import { modelIdForTask, modelLabel, registeredModels, resolveTaskModel } from '@/lib/models/registry';
import { TASK_KINDS, type TaskKind } from '@/lib/models/types';
import { taskModels } from '@/lib/settings/settings';
import { formatBytes } from '../format';
import { useStorageItem } from '../use-storage-item';
import { recordStorageWriteFailure } from './storage-error-text';
import { ModelDownloadState } from './ModelDownloadState';

const TASK_LABEL: Record<TaskKind, () => string> = {
  summarize: () => i18n.t('options.taskSummarize'),
  chat: () => i18n.t('options.taskChat'),
  rewrite: () => i18n.t('options.taskRewrite'),
  draft: () => i18n.t('options.taskDraft'),
};

const MB = 1024 * 1024;

function sizeText(record: ModelRecord | undefined): string {
  return record?.vram_required_MB ? i18n.t('options.gpuNeeds', [formatBytes(record.vram_required_MB * MB)]) : '';
}

interface Props {
  precision: ShaderPrecision;
  custom: ModelRecord[];
  /** The models as they are downloaded (rehosted on the mirror if one is set). */
  downloadable: ModelRecord[];
  downloads: DownloadsClient;
}

/** Per task: its default model, its lighter one, or any registered model; and getting that model for offline use. */
export function TaskModelsSection({ precision, custom, downloadable, downloads }: Props) {
  const choices = useStorageItem(taskModels, {});
  const models = registeredModels(custom);
  const byId = (id: string) => models.find((record) => record.model_id === id);
  return (
    <section>
      <h2>{i18n.t('options.tasksHeading')}</h2>
      <p class="help">{i18n.t('options.tasksHelp')}</p>
      {TASK_KINDS.map((task) => {
        const defaultId = modelIdForTask(task, precision, 'default');
        const lightId = modelIdForTask(task, precision, 'light');
        const chosen = resolveTaskModel(task, choices.value[task], precision, custom);
        const record = chosen.ok
          ? downloadable.find((candidate) => candidate.model_id === chosen.record.model_id)
          : undefined;
        return (
          <div class="task-model" data-task-model={task}>
            <label class="field">
              {TASK_LABEL[task]()}
              <select
                data-task={task}
                value={choices.value[task] ?? 'default'}
                onChange={(event) =>
                  void taskModels
                    .setValue({ ...choices.value, [task]: (event.currentTarget as HTMLSelectElement).value })
                    .catch(recordStorageWriteFailure('taskModels'))
                }
              >
                <option value="default">{`${i18n.t('options.choiceDefault', [modelLabel(defaultId)])} — ${sizeText(byId(defaultId))}`}</option>
                <option value="light">{`${i18n.t('options.choiceLight', [modelLabel(lightId)])} — ${sizeText(byId(lightId))}`}</option>
                {models
                  .filter((record) => record.model_id !== defaultId && record.model_id !== lightId)
                  .map((record) => (
                    <option value={record.model_id}>{`${modelLabel(record.model_id)} — ${sizeText(record)}`}</option>
                  ))}
              </select>
            </label>
            {record ? <ModelDownloadState record={record} client={downloads} /> : null}
          </div>
        );
      })}
    </section>
  );
}
