import { i18n } from '#i18n';
import type { SummaryRequestOptions } from '@/lib/messaging/protocol';
import { LanguageSelect } from './LanguageSelect';
import { SUMMARY_LENGTHS, SUMMARY_TYPES, type SummaryLength, type SummaryType } from '@/lib/tasks/summarize/options';

interface Props {
  options: SummaryRequestOptions;
  busy: boolean;
  onChange(options: SummaryRequestOptions): void;
  onSummarize(): void;
}

const TYPE_LABEL: Record<SummaryType, () => string> = {
  'key-points': () => i18n.t('panel.typeKeyPoints'),
  tldr: () => i18n.t('panel.typeTldr'),
  teaser: () => i18n.t('panel.typeTeaser'),
  headline: () => i18n.t('panel.typeHeadline'),
};

const LENGTH_LABEL: Record<SummaryLength, () => string> = {
  short: () => i18n.t('panel.lengthShort'),
  medium: () => i18n.t('panel.lengthMedium'),
  long: () => i18n.t('panel.lengthLong'),
};

/** Summary type, length and language (remembered), and the button that summarizes the page beside the panel. */
export function SummaryControls({ options, busy, onChange, onSummarize }: Props) {
  return (
    <div class="summary-controls">
      <label>
        {i18n.t('panel.summaryType')}
        <select value={options.type} onChange={(event) => onChange({ ...options, type: (event.currentTarget as HTMLSelectElement).value as SummaryType })}>
          {SUMMARY_TYPES.map((type) => (
            <option value={type}>{TYPE_LABEL[type]()}</option>
          ))}
        </select>
      </label>
      <label>
        {i18n.t('panel.summaryLength')}
        <select value={options.length} onChange={(event) => onChange({ ...options, length: (event.currentTarget as HTMLSelectElement).value as SummaryLength })}>
          {SUMMARY_LENGTHS.map((length) => (
            <option value={length}>{LENGTH_LABEL[length]()}</option>
          ))}
        </select>
      </label>
      <LanguageSelect
        label={i18n.t('panel.summaryLanguage')}
        sameAsSource={i18n.t('panel.languagePage')}
        value={options.language}
        onChange={(language) => onChange({ ...options, language })}
      />
      <button type="button" class="primary" onClick={onSummarize} disabled={busy}>
        {i18n.t('panel.summarizePage')}
      </button>
    </div>
  );
}
