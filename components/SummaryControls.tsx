import { i18n } from '#i18n';
import type { SummaryRequestOptions } from '@/lib/messaging/protocol';
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

/** Languages offered besides "the page's": BCP-47 codes, named in the user's own language by Intl. */
const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'ja', 'zh', 'ko'];

function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([navigator.language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

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
      <label>
        {i18n.t('panel.summaryLanguage')}
        <select value={options.language} onChange={(event) => onChange({ ...options, language: (event.currentTarget as HTMLSelectElement).value })}>
          <option value="page">{i18n.t('panel.languagePage')}</option>
          {LANGUAGES.map((code) => (
            <option value={code}>{languageName(code)}</option>
          ))}
        </select>
      </label>
      <button type="button" class="primary" onClick={onSummarize} disabled={busy}>
        {i18n.t('panel.summarizePage')}
      </button>
    </div>
  );
}
