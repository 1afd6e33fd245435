import { i18n } from '#i18n';
import { useEffect } from 'preact/hooks';
import type { PanelController } from '@/lib/panel/panel-controller';
import { AskForm } from './AskForm';
import { DraftReplyView } from './DraftReplyView';
import { errorText } from './error-text';
import { FollowUpThread } from './FollowUpThread';
import { StreamActions } from './StreamActions';
import { StreamView } from './StreamView';
import { RewriteView } from './RewriteView';
import { StatusLine } from './StatusLine';
import { VIEW_PANEL_ID, ViewTabs, viewTabId } from './ViewTabs';
import { SummaryControls } from './SummaryControls';
import { SummaryView } from './SummaryView';

export function SidePanelApp({ panel }: { panel: PanelController }) {
  useEffect(() => {
    void panel.connect();
    return () => panel.dispose();
  }, [panel]);

  const { summary, ask } = panel;
  const turns = panel.turns.value;
  const lastAnswer = turns.at(-1)?.answer;
  const view = panel.view.value;
  const aboutPage = panel.conversationId.value !== null;
  const showSummary = summary.state.value !== 'empty' || summary.hasText.value;
  // What Copy takes: the stream itself, read on click, so that nothing here follows the text as it grows.
  const latest = view === 'reply' ? undefined : (lastAnswer ?? (aboutPage ? summary : ask));

  return (
    <main class="panel">
      <header>
        <h1>{i18n.t('panel.title')}</h1>
        <StatusLine status={panel.status.value} phase={panel.phase.value} />
      </header>
      <ViewTabs current={view} onSelect={(next) => panel.showView(next)} />
      {panel.notice.value ? (
        <p class="error-note" role="alert" data-testid="notice" data-error-code={panel.notice.value.code}>
          {errorText(panel.notice.value)}
        </p>
      ) : null}
      <RewriteView panel={panel} />
      <div class="view" id={VIEW_PANEL_ID} role="tabpanel" aria-labelledby={viewTabId(view)}>
        {view === 'reply' ? (
          <DraftReplyView
            draft={panel.draft}
            busy={panel.busy.value}
            onUseLightModel={() => void panel.useLightModel(panel.draft.stream)}
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
              <StreamView
                stream={ask}
                testId="ask-answer"
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
      <StreamActions running={panel.busy.value} latest={latest} onStop={() => panel.stopAll()} />
    </main>
  );
}
