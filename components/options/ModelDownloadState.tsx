import { i18n } from '#i18n';
import type { AnyModelRecord } from '@/lib/models/types';
import type { ComponentChildren } from 'preact';
import { CircleAlert, Download, X } from 'lucide';
import type { DownloadsClient } from '@/lib/options/downloads-client';
import { modelLabel } from '@/lib/models/registry';
import type { ModelDiskStatus, ModelDownloadProgress } from '@/lib/protocol/messages';
import { errorText } from '../error-text';
import { formatBytes, formatDuration } from '../format';
import { Button } from '../ui/Button';
import { Icon } from '../ui/Icon';
import { ProgressBar } from '../ui/ProgressBar';

/** One model's place on disk: stored or not, a live download with bytes, percent and time left, and Download / Resume / Cancel. */
export function ModelDownloadState({
  record,
  client,
  children,
}: {
  record: AnyModelRecord;
  client: DownloadsClient;
  children?: ComponentChildren;
}) {
  const id = record.model_id;
  const running = client.active.value.includes(id);
  const status = client.statuses.value[id];
  const progress = client.progress.value[id];
  const error = client.errors.value[id];
  return (
    <div class="download-state">
      <span class="download-status" data-testid="download-status">
        {running && progress ? progressText(progress) : statusText(status)}
      </span>
      <span class="actions">
        {running ? (
          <Button icon={X} onClick={() => client.cancel(id)}>
            {i18n.t('options.cancel')}
          </Button>
        ) : status?.complete ? null : (
          <Button icon={Download} onClick={() => client.download(record)}>
            {status && status.bytesOnDisk > 0 ? i18n.t('options.resume') : i18n.t('options.downloadOffline')}
          </Button>
        )}
        {children}
      </span>
      {running && progress ? <ProgressBar value={progress.fraction} label={modelLabel(id)} /> : null}
      {error ? (
        <p class="note note-error" role="alert">
          <Icon icon={CircleAlert} />
          <span data-testid="download-error">{errorText(error)}</span>
        </p>
      ) : null}
    </div>
  );
}

function statusText(status: ModelDiskStatus | undefined): string {
  if (!status || status.bytesOnDisk === 0) return i18n.t('options.notDownloaded');
  return status.complete
    ? i18n.t('options.downloaded', [formatBytes(status.bytesOnDisk)])
    : i18n.t('options.partlyDownloaded', [formatBytes(status.bytesOnDisk)]);
}

function progressText(progress: ModelDownloadProgress): string {
  const percent = String(Math.floor(progress.fraction * 100));
  const loaded = formatBytes(progress.loadedBytes);
  const total = formatBytes(progress.totalBytes);
  return progress.etaSeconds !== undefined && progress.fraction < 1
    ? i18n.t('options.progressEta', [percent, loaded, total, formatDuration(progress.etaSeconds)])
    : i18n.t('options.progress', [percent, loaded, total]);
}
