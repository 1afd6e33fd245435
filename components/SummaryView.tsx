import { i18n } from '#i18n';
import { FileText, RefreshCw } from 'lucide';
import type { PanelController } from '@/lib/panel/panel-controller';
import { markdownToPlainText } from '@/lib/render/plain-text';
import { CopyButton } from './CopyButton';
import { LargeSummaryQuestion } from './LargeSummaryQuestion';
import { SourceLine } from './SourceLine';
import { StreamActions } from './StreamActions';
import { StreamView } from './StreamView';
import { TYPE_LABEL } from './SummaryControls';
import { TaskProgress } from './TaskProgress';
import { Button } from './ui/Button';
import { Card } from './ui/Card';

/** The summary card: what it is of, its progress, the text, and Stop, or Regenerate / Copy text / Copy Markdown. */
export function SummaryView({ panel }: { panel: PanelController }) {
  const { summary } = panel;
  if (summary.state.value === 'empty') return null;
  const source = summary.source.value;
  const question = summary.question.value;
  const copyable = summary.copyable.value;
  const task = summary.lastTask;
  const kind =
    task?.kind === 'summarize-page' || task?.kind === 'summarize-selection'
      ? TYPE_LABEL[task.options.type]()
      : i18n.t('panel.summaryLabel');
  return (
    <Card
      icon={FileText}
      title={kind}
      subject={source ? <SourceLine source={source} /> : <span>{i18n.t('panel.readingSubject')}</span>}
      onDismiss={() => panel.dismissSummary()}
      busy={summary.running.value}
      testId="summary-card"
    >
      <TaskProgress stream={summary} />
      {question ? <LargeSummaryQuestion stream={summary} question={question} /> : null}
      <StreamView
        stream={summary}
        testId="summary"
        label={i18n.t('panel.summaryLabel')}
        onUseLightModel={() => void panel.useLightModel(summary)}
      />
      <StreamActions stream={summary}>
        <Button icon={RefreshCw} variant="quiet" onClick={() => panel.regenerate()}>
          {i18n.t('panel.regenerate')}
        </Button>
        <CopyButton
          label={i18n.t('panel.copyText')}
          text={() => markdownToPlainText(summary.text.peek())}
          disabled={!copyable}
        />
        <CopyButton label={i18n.t('panel.copyMarkdown')} text={() => summary.text.peek()} disabled={!copyable} />
      </StreamActions>
    </Card>
  );
}
