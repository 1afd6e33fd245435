import { i18n } from '#i18n';
import type { TacitError } from '@/lib/core/errors';

/** "Use the lighter model", shown when a failure suggests it (the model did not fit the GPU). */
export function UseLightModelButton({ error, onClick }: { error: TacitError | null; onClick(): void }) {
  if (error?.suggestion?.kind !== 'use-light-model') return null;
  return (
    <button type="button" onClick={onClick}>
      {i18n.t('panel.useLightModel')}
    </button>
  );
}
