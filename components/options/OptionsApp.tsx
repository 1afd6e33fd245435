import { i18n } from '#i18n';
import type { ModelRecord } from '@mlc-ai/web-llm';
import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import type { GpuCapabilities } from '@/lib/models/types';
import { sendRequest } from '@/lib/protocol/requests';
import { DownloadsClient } from '@/lib/options/downloads-client';
import { MODEL_FAMILIES, prebuiltRecord } from '@/lib/models/registry';
import { withMirror } from '@/lib/models/sources';
import { customModels, modelMirrorUrl } from '@/lib/settings/settings';
import { useStorageItem } from '../use-storage-item';
import { CustomModelsSection } from './CustomModelsSection';
import { DownloadsSection } from './DownloadsSection';
import { GpuSection } from './GpuSection';
import { ModelSourceSection } from './ModelSourceSection';
import { TaskModelsSection } from './TaskModelsSection';
import { SettingsRepairedNotice } from './SettingsRepairedNotice';
import { TroubleshootingSection } from './TroubleshootingSection';
import { PrivacyLedgerSection } from './PrivacyLedgerSection';
import { diagnosticsReporter, recordRequestFailures } from '@/lib/protocol/diagnostics';
import { errorName } from '@/lib/core/diagnostics';

const recordDiagnostic = diagnosticsReporter('options');
const requestFailed = recordRequestFailures(recordDiagnostic);

/** The models this adapter can run (its precision's builds, rehosted on the mirror), then the user's own. */
function downloadableModels(
  capabilities: GpuCapabilities | null,
  mirror: string | null,
  custom: ModelRecord[],
): ModelRecord[] {
  const precision = capabilities?.precision ?? 'f32';
  const prebuilt = Object.values(MODEL_FAMILIES)
    .map((family) => prebuiltRecord(family.variants[precision]))
    .filter((record): record is ModelRecord => record !== undefined)
    .map((record) => withMirror(record, mirror ?? undefined));
  return [...prebuilt, ...custom];
}

export function OptionsApp() {
  const capabilities = useSignal<GpuCapabilities | null>(null);
  const custom = useStorageItem(customModels, []);
  const mirror = useStorageItem(modelMirrorUrl, null);
  const downloads = useMemo(() => new DownloadsClient(), []);
  const records = downloadableModels(capabilities.value, mirror.value, custom.value);

  useEffect(() => {
    // Without an answer the GPU is shown as unknown and the f32 models are offered.
    void sendRequest('panel/status')
      .then((status) => (capabilities.value = status.capabilities))
      .catch((error: unknown) => requestFailed('panel/status', error));
    return () => downloads.dispose();
  }, []);
  useEffect(() => {
    void downloads
      .connect(records)
      .catch((error: unknown) => recordDiagnostic('request-failed', { request: 'downloads', error: errorName(error) }));
  }, [records.map((record) => record.model_id + record.model).join('|')]);

  return (
    <main class="options">
      <h1>{i18n.t('options.title')}</h1>
      <p class="help">{i18n.t('options.intro')}</p>
      <SettingsRepairedNotice />
      <TaskModelsSection
        precision={capabilities.value?.precision ?? 'f32'}
        custom={custom.value}
        downloadable={records}
        downloads={downloads}
      />
      <DownloadsSection records={records} client={downloads} />
      <GpuSection capabilities={capabilities.value} />
      <ModelSourceSection />
      <CustomModelsSection custom={custom.value} />
      <PrivacyLedgerSection />
      <TroubleshootingSection />
    </main>
  );
}
