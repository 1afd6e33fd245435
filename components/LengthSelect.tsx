import { i18n } from '#i18n';
import type { SummaryLength } from '@/lib/tasks/summarize/types';
import { OptionSelect } from './OptionSelect';

const LENGTH_LABEL: Record<SummaryLength, () => string> = {
  short: () => i18n.t('panel.lengthShort'),
  medium: () => i18n.t('panel.lengthMedium'),
  long: () => i18n.t('panel.lengthLong'),
};

interface Props<T extends SummaryLength> {
  values: readonly T[];
  value: T;
  onChange(value: T): void;
}

/** Short, medium or long: the same choice for summaries and reply drafts. */
export function LengthSelect<T extends SummaryLength>({ values, value, onChange }: Props<T>) {
  return (
    <OptionSelect
      label={i18n.t('panel.summaryLength')}
      values={values}
      value={value}
      labelOf={(length) => LENGTH_LABEL[length]()}
      onChange={onChange}
    />
  );
}
