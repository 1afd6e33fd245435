import { i18n } from '#i18n';
import type { AnyModelRecord } from '@/lib/models/types';
import { Trash } from 'lucide';
import type { DownloadsClient } from '@/lib/options/downloads-client';
import { modelLabel } from '@/lib/models/registry';
import { Button } from '../ui/Button';
import { ModelDownloadState } from './ModelDownloadState';
import { ModelFit } from './ModelFit';

interface Props {
  records: AnyModelRecord[];
  client: DownloadsClient;
  budgetMB: number;
}

/** Every model this device can use: whether it fits, what is on disk, a live download, and controls. */
export function DownloadsSection({ records, client, budgetMB }: Props) {
  const stored = records.some((record) => (client.statuses.value[record.model_id]?.bytesOnDisk ?? 0) > 0);
  const downloading = client.active.value.length > 0;
  return (
    <section>
      <h2>{i18n.t('options.downloadsHeading')}</h2>
      <p class="help">{i18n.t('options.downloadsHelp')}</p>
      <ul class="downloads">
        {records.map((record) => {
          const id = record.model_id;
          const status = client.statuses.value[id];
          return (
            <li data-model={id}>
              <div class="model-name">
                <strong>{modelLabel(id)}</strong>
                <ModelFit record={record} budgetMB={budgetMB} />
              </div>
              <ModelDownloadState record={record} client={client}>
                {!client.active.value.includes(id) && status && status.bytesOnDisk > 0 ? (
                  <Button variant="danger" icon={Trash} onClick={() => client.remove(record)}>
                    {i18n.t('options.delete')}
                  </Button>
                ) : null}
              </ModelDownloadState>
            </li>
          );
        })}
      </ul>
      <div class="section-actions">
        <Button
          variant="danger"
          icon={Trash}
          disabled={!stored || downloading}
          title={stored ? undefined : i18n.t('options.nothingStored')}
          onClick={() => client.removeAll()}
        >
          {i18n.t('options.deleteAll')}
        </Button>
        {stored ? null : <span class="hint">{i18n.t('options.nothingStored')}</span>}
      </div>
    </section>
  );
}
