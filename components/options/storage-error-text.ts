/** The sentence for a setting that could not be saved: storage full, a value that breaks its rules, or another failure. */
import { i18n } from '#i18n';
import { StorageWriteError, isQuotaError } from '@/lib/settings/checked-item';
import { diagnosticsReporter } from '@/lib/protocol/diagnostics';
import { errorName } from '@/lib/core/diagnostics';

export function storageErrorText(error: unknown): string {
  const code = error instanceof StorageWriteError ? error.code : isQuotaError(error) ? 'storage-full' : 'write-failed';
  switch (code) {
    case 'storage-full':
      return i18n.t('options.storageFull');
    case 'invalid-value':
      return i18n.t('options.storageInvalid');
    case 'write-failed':
      return i18n.t('options.storageFailed');
  }
}

const recordDiagnostic = diagnosticsReporter('options');

/** For choices saved on change (no message line of their own): Troubleshooting says why one was not kept. */
export function recordStorageWriteFailure(item: string): (error: unknown) => void {
  return (error) => recordDiagnostic('storage-write-failed', { item, error: errorName(error) });
}
