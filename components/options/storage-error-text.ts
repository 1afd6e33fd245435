/** The sentence for a setting that could not be saved: storage full, a value that breaks its rules, or another failure. */
import { i18n } from '#i18n';
import type { Signal } from '@preact/signals';
import type { SettingName } from '@/lib/settings/setting-names';
import { storageWriteCode } from '@/lib/settings/storage-write-error';
import { diagnosticsReporter } from '@/lib/protocol/diagnostics';
import { errorName } from '@/lib/core/diagnostics';

export function storageErrorText(error: unknown): string {
  switch (storageWriteCode(error)) {
    case 'storage-full':
      return i18n.t('options.storageFull');
    case 'invalid-value':
      return i18n.t('options.storageInvalid');
    case 'write-failed':
      return i18n.t('options.storageFailed');
  }
}

const recordDiagnostic = diagnosticsReporter('options');

/**
 * Saves a choice made on change: when storage refuses it, the control shows the stored value again, `message` says
 * why, and Troubleshooting records it; a later save that works clears the message.
 */
export function saveChoice(
  saving: Promise<void>,
  item: SettingName,
  shown: { message: Signal<string | null>; revert(): void },
): void {
  saving.then(
    () => (shown.message.value = null),
    (error: unknown) => {
      shown.revert();
      shown.message.value = storageErrorText(error);
      recordDiagnostic('storage-write-failed', { item, error: errorName(error) });
    },
  );
}
