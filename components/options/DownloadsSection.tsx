import { i18n } from '#i18n';
import type { AnyModelRecord } from '@/lib/models/types';
import type { DownloadsClient } from '@/lib/options/downloads-client';
import { modelLabel } from '@/lib/models/registry';
import { ModelDownloadState } from './ModelDownloadState';

/** Every model this GPU can use: what is on disk, a live download with bytes, percent and time left, and controls. */
export function DownloadsSection({ records, client }: { records: AnyModelRecord[]; client: DownloadsClient }) {
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
              <strong>{modelLabel(id)}</strong>
              <ModelDownloadState record={record} client={client}>
                {!client.active.value.includes(id) && status && status.bytesOnDisk > 0 ? (
                  <button type="button" onClick={() => client.remove(record)}>
                    {i18n.t('options.delete')}
                  </button>
                ) : null}
              </ModelDownloadState>
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={() => client.removeAll()}>
        {i18n.t('options.deleteAll')}
      </button>
    </section>
  );
}
