import { i18n } from '#i18n';
import { GPU_BUDGET_OVERRIDE_RANGE_MB, parseGpuBudgetOverride } from '@/lib/models/gpu-budget';
import { ramBudget } from '@/lib/models/ram-budget';
import { ramBudgetOverrideMB } from '@/lib/settings/settings';
import { useStorageItem } from '../use-storage-item';
import { SavedTextSetting, type SaveOutcome } from './SavedTextSetting';

/** The memory budget for CPU (GGUF) models: half the device's memory as the browser tells it, or the user's own. */
export function CpuMemorySection() {
  const override = useStorageItem(ramBudgetOverrideMB, null);
  const budget = ramBudget(override.value);
  const source = {
    detected: i18n.t('options.ramSourceDetected'),
    default: i18n.t('options.budgetSourceDefault'),
    override: i18n.t('options.budgetSourceOverride'),
  }[budget.source];

  const save = async (text: string): Promise<SaveOutcome> => {
    if (text.trim() === '') {
      await ramBudgetOverrideMB.setValue(null);
      return { ok: true, saved: '' };
    }
    const parsed = parseGpuBudgetOverride(text);
    if (!parsed.ok) {
      const { min, max } = GPU_BUDGET_OVERRIDE_RANGE_MB;
      return { ok: false, message: i18n.t('options.budgetInvalid', [String(min), String(max)]) };
    }
    await ramBudgetOverrideMB.setValue(parsed.budgetMB);
    return { ok: true, saved: String(parsed.budgetMB) };
  };

  return (
    <section>
      <h2>{i18n.t('options.ramHeading')}</h2>
      <p class="help">{i18n.t('options.ramHelp')}</p>
      <p data-testid="ram-budget">{i18n.t('options.ramDetected', [String(budget.budgetMB), source])}</p>
      <SavedTextSetting
        label={i18n.t('options.ramLabel')}
        load={async () => {
          const value = await ramBudgetOverrideMB.getValue();
          return value === null ? '' : String(value);
        }}
        save={save}
        testId="ram-budget-message"
      />
    </section>
  );
}
