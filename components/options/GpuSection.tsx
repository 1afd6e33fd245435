import { i18n } from '#i18n';
import type { GpuCapabilities } from '@/lib/models/types';
import { GPU_BUDGET_OVERRIDE_RANGE_MB, gpuBudget, parseGpuBudgetOverride } from '@/lib/models/gpu-budget';
import { DEFAULT_ENGINE_IDLE_MS } from '@/lib/protocol/messages';
import { engineIdleMs, gpuBudgetOverrideMB } from '@/lib/settings/settings';
import { useStorageItem } from '../use-storage-item';
import { useSignal } from '@preact/signals';
import { ChoiceNotSaved } from './ChoiceNotSaved';
import { saveChoice } from './storage-error-text';
import { SavedTextSetting, type SaveOutcome } from './SavedTextSetting';

/** The GPU memory budget (estimated, or the user's own) and how long idle models stay loaded. */
export function GpuSection({ capabilities }: { capabilities: GpuCapabilities | null }) {
  const override = useStorageItem(gpuBudgetOverrideMB, null);
  const idleMs = useStorageItem(engineIdleMs, DEFAULT_ENGINE_IDLE_MS);
  const idleNotSaved = useSignal<string | null>(null);
  const budget = gpuBudget(capabilities, override.value);
  const source = {
    detected: i18n.t('options.budgetSourceDetected'),
    default: i18n.t('options.budgetSourceDefault'),
    override: i18n.t('options.budgetSourceOverride'),
  }[budget.source];

  const save = async (text: string): Promise<SaveOutcome> => {
    if (text.trim() === '') {
      await gpuBudgetOverrideMB.setValue(null);
      return { ok: true, saved: '' };
    }
    const parsed = parseGpuBudgetOverride(text);
    if (!parsed.ok) {
      const { min, max } = GPU_BUDGET_OVERRIDE_RANGE_MB;
      return { ok: false, message: i18n.t('options.budgetInvalid', [String(min), String(max)]) };
    }
    await gpuBudgetOverrideMB.setValue(parsed.budgetMB);
    return { ok: true, saved: String(parsed.budgetMB) };
  };

  return (
    <section>
      <h2>{i18n.t('options.budgetHeading')}</h2>
      <p data-testid="gpu-budget">{i18n.t('options.budgetDetected', [String(budget.budgetMB), source])}</p>
      <SavedTextSetting
        label={i18n.t('options.budgetLabel')}
        load={async () => {
          const value = await gpuBudgetOverrideMB.getValue();
          return value === null ? '' : String(value);
        }}
        save={save}
        testId="budget-message"
      />
      <label class="field">
        <span class="field-label">{i18n.t('options.idleLabel')}</span>
        <input
          type="number"
          min={1}
          max={120}
          value={Math.round(idleMs.value / 60000)}
          onChange={(event) => {
            const input = event.currentTarget as HTMLInputElement;
            const minutes = Number(input.value);
            if (Number.isFinite(minutes) && minutes >= 1 && minutes <= 120)
              saveChoice(engineIdleMs.setValue(minutes * 60000), 'engineIdleMs', {
                message: idleNotSaved,
                revert: () => (input.value = String(Math.round(idleMs.value / 60000))),
              });
          }}
        />
      </label>
      <ChoiceNotSaved message={idleNotSaved} />
    </section>
  );
}
