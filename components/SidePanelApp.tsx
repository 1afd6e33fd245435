import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import type { PanelStatus } from '@/lib/protocol/messages';
import { sendRequest } from '@/lib/protocol/requests';
import { diagnosticsReporter, recordRequestFailures } from '@/lib/protocol/diagnostics';
import { PanelController } from '@/lib/panel/panel-controller';
import { AskForm } from './AskForm';
import { DraftReplyView } from './DraftReplyView';
import { errorText } from './error-text';
import { FollowUpThread } from './FollowUpThread';
import { ReplyActions } from './ReplyActions';
import { ReplyView } from './ReplyView';
import { RewriteView } from './RewriteView';
import { StatusLine } from './StatusLine';
import { VIEW_PANEL_ID, ViewTabs, viewTabId } from './ViewTabs';
import { SummaryControls } from './SummaryControls';
import { SummaryView } from './SummaryView';

const requestFailed = recordRequestFailures(diagnosticsReporter('panel'));

export function SidePanelApp() {
  const status = useSignal<PanelStatus | null>(null);
  // Without an answer the status line keeps what it showed last.
  const refreshStatus = () =>
    void sendRequest('panel/status')
      .then((value) => (status.value = value))
      .catch((error: unknown) => requestFailed('panel/status', error));
  const panel = useMemo(() => new PanelController(refreshStatus), []);

  useEffect(() => {
    refreshStatus();
    void panel.connect();
    return () => panel.dispose();
  }, []);

  const { summary, ask } = panel;
  const turns = panel.turns.value;
  const lastAnswer = turns.at(-1)?.reply;
  const view = panel.view.value;
  const phase =
    panel.rewrite.phase.value ??
    panel.draft.session.phase.value ??
    summary.phase.value ??
    lastAnswer?.phase.value ??
    ask.phase.value;
  const aboutPage = panel.conversationId.value !== null;
  const showSummary = summary.state.value !== 'empty' || summary.text.value !== '';
  const latestText =
    view === 'reply' ? undefined : (lastAnswer?.text.value ?? (aboutPage ? summary.text.value : ask.text.value));

  return (
    <main class="panel">
      <header>
        <h1>{i18n.t('panel.title')}</h1>
        <StatusLine status={status.value} phase={phase} />
      </header>
      <ViewTabs current={view} onSelect={(next) => panel.showView(next)} />
      {panel.notice.value ? (
        <p class="reply-error" role="alert" data-testid="notice" data-error-code={panel.notice.value.code}>
          {errorText(panel.notice.value)}
        </p>
      ) : null}
      <RewriteView panel={panel} />
      <div class="view" id={VIEW_PANEL_ID} role="tabpanel" aria-labelledby={viewTabId(view)}>
        {view === 'reply' ? (
          <DraftReplyView
            draft={panel.draft}
            busy={panel.busy.value}
            onUseLightModel={() => void panel.useLightModel(panel.draft.session)}
          />
        ) : (
          <>
            <SummaryControls
              options={panel.options.value}
              busy={panel.busy.value}
              onChange={(options) => panel.setOptions(options)}
              onSummarize={() => panel.summarizePage()}
            />
            {showSummary ? (
              <SummaryView
                summary={summary}
                onRegenerate={() => panel.regenerate()}
                onUseLightModel={() => void panel.useLightModel(summary)}
              />
            ) : null}
            <FollowUpThread turns={turns} />
            {aboutPage ? null : (
              <ReplyView
                text={ask.text.value}
                state={ask.state.value}
                error={ask.error.value}
                emptyText={showSummary ? undefined : i18n.t('panel.empty')}
                onUseLightModel={() => void panel.useLightModel(ask)}
              />
            )}
            <AskForm
              running={panel.busy.value}
              label={aboutPage ? i18n.t('panel.askAboutPage') : i18n.t('panel.askLabel')}
              onAsk={(question, onSettled) => panel.submitQuestion(question, onSettled)}
            />
          </>
        )}
      </div>
      <ReplyActions running={panel.busy.value} text={latestText} onStop={() => panel.stopAll()} />
    </main>
  );
}
