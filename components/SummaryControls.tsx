import { i18n } from '#i18n';
import type { SummaryRequestOptions } from '@/lib/protocol/messages';
import { LanguageSelect } from './LanguageSelect';
import { LengthSelect } from './LengthSelect';
import { OptionSelect } from './OptionSelect';
import { SUMMARY_LENGTHS, SUMMARY_TYPES, type SummaryType } from '@/lib/tasks/summarize/types';
import { FileText } from 'lucide';
import { Button } from './ui/Button';

interface Props {
  options: SummaryRequestOptions;
  busy: boolean;
  onChange(options: SummaryRequestOptions): void;
  onSummarize(): void;
}

/** The summary kinds by name: the select's choices, and the summary card's title. */
export const TYPE_LABEL: Record<SummaryType, () => string> = {
  'key-points': () => i18n.t('panel.typeKeyPoints'),
  tldr: () => i18n.t('panel.typeTldr'),
  teaser: () => i18n.t('panel.typeTeaser'),
  headline: () => i18n.t('panel.typeHeadline'),
};

/** Summary type, length and language (remembered), and the button that summarizes the page beside the panel. */
export function SummaryControls({ options, busy, onChange, onSummarize }: Props) {
  return (
    <div class="summary-controls toolbar">
      <OptionSelect
        label={i18n.t('panel.summaryType')}
        values={SUMMARY_TYPES}
        value={options.type}
        labelOf={(type) => TYPE_LABEL[type]()}
        onChange={(type) => onChange({ ...options, type })}
      />
      <LengthSelect
        values={SUMMARY_LENGTHS}
        value={options.length}
        onChange={(length) => onChange({ ...options, length })}
      />
      <LanguageSelect
        label={i18n.t('panel.summaryLanguage')}
        sameAsSource={i18n.t('panel.languagePage')}
        value={options.language}
        onChange={(language) => onChange({ ...options, language })}
      />
      <Button variant="primary" icon={FileText} onClick={onSummarize} disabled={busy}>
        {i18n.t('panel.summarizePage')}
      </Button>
    </div>
  );
}
