import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import type { AnyModelRecord, GpuCapabilities } from '@/lib/models/types';
import { answerRequests, sendRequest } from '@/lib/protocol/requests';
import { DownloadsClient } from '@/lib/options/downloads-client';
import { CPU_ONLY_MODELS, MODEL_FAMILIES, prebuiltRecord } from '@/lib/models/registry';
import { withMirror } from '@/lib/models/sources';
import { gpuBudget } from '@/lib/models/gpu-budget';
import { customModels, gpuBudgetOverrideMB, modelMirrorUrl } from '@/lib/settings/settings';
import { Settings } from 'lucide';
import { Icon } from '../ui/Icon';
import { useStorageItem } from '../use-storage-item';
import { CustomModelsSection } from './CustomModelsSection';
import { DownloadsSection } from './DownloadsSection';
import { CpuMemorySection } from './CpuMemorySection';
import { GpuSection } from './GpuSection';
import { ModelSourceSection } from './ModelSourceSection';
import { TaskModelsSection } from './TaskModelsSection';
import { useTaskEnvironment } from './use-task-environment';
import { SettingsRepairedNotice } from './SettingsRepairedNotice';
import { TroubleshootingSection } from './TroubleshootingSection';
import { PrivacyLedgerSection } from './PrivacyLedgerSection';
import { diagnosticsReporter, recordRequestFailures } from '@/lib/protocol/diagnostics';
import { errorName } from '@/lib/core/diagnostics';

const recordDiagnostic = diagnosticsReporter('options');
const requestFailed = recordRequestFailures(recordDiagnostic);

/** The models this device can run (the adapter's precision's builds, the GGUF builds, on the mirror), then the user's own. */
function downloadableModels(
  capabilities: GpuCapabilities | null,
  mirror: string | null,
  custom: AnyModelRecord[],
): AnyModelRecord[] {
  const precision = capabilities?.precision ?? 'f32';
  const ids = [
    ...Object.values(MODEL_FAMILIES).map((family) => family.variants[precision]),
    ...Object.values(MODEL_FAMILIES).map((family) => family.gguf),
    ...CPU_ONLY_MODELS.map((model) => model.gguf),
  ];
  const prebuilt = ids
    .map((id) => prebuiltRecord(id))
    .filter((record): record is AnyModelRecord => record !== undefined)
    .map((record) => withMirror(record, mirror ?? undefined));
  return [...prebuilt, ...custom];
}

export function OptionsApp() {
  const capabilities = useSignal<GpuCapabilities | null>(null);
  const custom = useStorageItem(customModels, []);
  const mirror = useStorageItem(modelMirrorUrl, null);
  const override = useStorageItem(gpuBudgetOverrideMB, null);
  const budget = gpuBudget(capabilities.value, override.value);
  const downloads = useMemo(() => new DownloadsClient(), []);
  const records = downloadableModels(capabilities.value, mirror.value, custom.value);
  const environment = useTaskEnvironment(capabilities.value);

  useEffect(() => {
    // Without an answer the GPU is shown as unknown and the f32 models are offered.
    void sendRequest('panel/status')
      .then((status) => (capabilities.value = status.capabilities))
      .catch((error: unknown) => requestFailed('panel/status', error));
    // What a task in the panel downloads shows here as soon as it is stored, without a reload.
    const stopAnswering = answerRequests('options', {
      'models/changed': async () => {
        downloads.refresh();
        return { refreshed: true };
      },
    });
    return () => {
      stopAnswering();
      downloads.dispose();
    };
  }, []);
  useEffect(() => {
    void downloads
      .connect(records)
      .catch((error: unknown) => recordDiagnostic('request-failed', { request: 'downloads', error: errorName(error) }));
  }, [records.map((record) => record.model_id + record.model).join('|')]);

  return (
    <main class="options">
      <header class="options-header">
        <span class="options-logo">
          <Icon icon={Settings} size={20} />
        </span>
        <div>
          <h1>{i18n.t('options.title')}</h1>
          <p class="help">{i18n.t('options.intro')}</p>
        </div>
      </header>
      <SettingsRepairedNotice />
      <TaskModelsSection
        precision={capabilities.value?.precision ?? 'f32'}
        custom={custom.value}
        downloadable={records}
        downloads={downloads}
        environment={environment}
      />
      <DownloadsSection records={records} client={downloads} budgetMB={budget.budgetMB} />
      <GpuSection capabilities={capabilities.value} />
      <CpuMemorySection />
      <ModelSourceSection />
      <CustomModelsSection custom={custom.value} budgetMB={budget.budgetMB} />
      <PrivacyLedgerSection />
      <TroubleshootingSection />
    </main>
  );
}
