import { i18n } from '#i18n';
import type { TaskStream } from '@/lib/panel/task-stream';
import { markdownToPlainText } from '@/lib/render/plain-text';
import { CopyButton } from './CopyButton';
import { StreamView } from './StreamView';
import { SourceLine } from './SourceLine';

interface Props {
  summary: TaskStream;
  onRegenerate(): void;
  onUseLightModel(): void;
}

/** The summary with what it was made from, and Regenerate / Copy text / Copy Markdown. */
export function SummaryView({ summary, onRegenerate, onUseLightModel }: Props) {
  const source = summary.source.value;
  const empty = !summary.hasText.value;
  return (
    <div class="summary">
      {source ? <SourceLine source={source} /> : null}
      <StreamView
        stream={summary}
        testId="summary"
        label={i18n.t('panel.summaryLabel')}
        onUseLightModel={onUseLightModel}
      />
      <div class="actions">
        <button type="button" onClick={onRegenerate} disabled={summary.running.value}>
          {i18n.t('panel.regenerate')}
        </button>
        <CopyButton
          label={i18n.t('panel.copyText')}
          text={() => markdownToPlainText(summary.text.value)}
          disabled={empty}
        />
        <CopyButton label={i18n.t('panel.copyMarkdown')} text={() => summary.text.value} disabled={empty} />
      </div>
    </div>
  );
}
