import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { GpuCapabilities } from '@/lib/engine/capabilities';
import { parseGpuBudgetOverride } from '@/lib/models/gpu-budget';
import { engineIdleMs, gpuBudgetOverrideMB } from '@/lib/settings/settings';
import { gpuBudget } from '@/lib/tasks/task-environment';
import { useStorageItem } from '../use-storage-item';

/** The GPU memory budget (estimated, or the user's own) and how long idle models stay loaded. */
export function GpuSection({ capabilities }: { capabilities: GpuCapabilities | null }) {
  const override = useStorageItem(gpuBudgetOverrideMB, null);
  const idleMs = useStorageItem(engineIdleMs, 10 * 60 * 1000);
  const draft = useSignal('');
  const invalid = useSignal(false);
  useEffect(() => void gpuBudgetOverrideMB.getValue().then((value) => (draft.value = value === null ? '' : String(value))), []);
  const budget = gpuBudget(capabilities, override.value);
  const source = {
    detected: i18n.t('options.budgetSourceDetected'),
    default: i18n.t('options.budgetSourceDefault'),
    override: i18n.t('options.budgetSourceOverride'),
  }[budget.source];

  const save = async () => {
    if (draft.value.trim() === '') {
      invalid.value = false;
      await gpuBudgetOverrideMB.setValue(null);
      return;
    }
    const parsed = parseGpuBudgetOverride(draft.value);
    invalid.value = !parsed.ok;
    if (parsed.ok) await gpuBudgetOverrideMB.setValue(parsed.budgetMB);
  };

  return (
    <section>
      <h2>{i18n.t('options.budgetHeading')}</h2>
      <p data-testid="gpu-budget">{i18n.t('options.budgetDetected', [String(budget.budgetMB), source])}</p>
      <form
        class="inline"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label class="field">
          {i18n.t('options.budgetLabel')}
          <input inputMode="numeric" value={draft.value} onInput={(event) => (draft.value = (event.currentTarget as HTMLInputElement).value)} />
        </label>
        <button type="submit">{i18n.t('options.save')}</button>
      </form>
      {invalid.value ? (
        <p class="error" role="alert">
          {i18n.t('options.budgetInvalid')}
        </p>
      ) : null}
      <label class="field">
        {i18n.t('options.idleLabel')}
        <input
          type="number"
          min={1}
          max={120}
          value={Math.round(idleMs.value / 60000)}
          onChange={(event) => {
            const minutes = Number((event.currentTarget as HTMLInputElement).value);
            if (Number.isFinite(minutes) && minutes >= 1 && minutes <= 120) void engineIdleMs.setValue(minutes * 60000);
          }}
        />
      </label>
    </section>
  );
}
