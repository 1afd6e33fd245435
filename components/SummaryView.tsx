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
  const text = summary.text.value;
  const source = summary.source.value;
  return (
    <div class="summary">
      {source ? <SourceLine source={source} /> : null}
      <StreamView
        text={text}
        state={summary.state.value}
        error={summary.error.value}
        testId="summary"
        label={i18n.t('panel.summaryLabel')}
        onUseLightModel={onUseLightModel}
      />
      <div class="actions">
        <button type="button" onClick={onRegenerate} disabled={summary.running.value}>
          {i18n.t('panel.regenerate')}
        </button>
        <CopyButton label={i18n.t('panel.copyText')} text={() => markdownToPlainText(text)} disabled={text === ''} />
        <CopyButton label={i18n.t('panel.copyMarkdown')} text={() => text} disabled={text === ''} />
      </div>
    </div>
  );
}
