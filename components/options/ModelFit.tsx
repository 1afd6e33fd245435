import { i18n } from '#i18n';
import type { AnyModelRecord } from '@/lib/models/types';
import { isGgufRecord } from '@/lib/models/records';
import { CircleCheck, TriangleAlert } from 'lucide';
import { fitsBudget } from '@/lib/models/registry';
import { formatBytes } from '../format';
import { Icon } from '../ui/Icon';

const MB = 1024 * 1024;

/**
 * The GPU memory a model needs, and whether that fits the budget: a tag beside every model in Options. A GGUF model
 * runs on the CPU: it shows the memory it takes there.
 */
export function ModelFit({ record, budgetMB }: { record: AnyModelRecord | undefined; budgetMB: number }) {
  if (record && isGgufRecord(record)) {
    return (
      <span class="model-fit" data-testid="model-fit">
        <span class="model-size">{i18n.t('options.ramNeeds', [formatBytes(record.ram_required_MB * MB)])}</span>
      </span>
    );
  }
  const needed = record?.vram_required_MB;
  if (needed === undefined) return null;
  const fits = fitsBudget(record, budgetMB);
  return (
    <span class="model-fit" data-testid="model-fit" data-fits={String(fits)}>
      <span class={fits ? 'tag tag-ok' : 'tag tag-warn'}>
        <Icon icon={fits ? CircleCheck : TriangleAlert} size={12} />
        {fits ? i18n.t('options.fits') : i18n.t('options.tooLarge')}
      </span>
      <span class="model-size">{i18n.t('options.gpuNeeds', [formatBytes(needed * MB)])}</span>
    </span>
  );
}
