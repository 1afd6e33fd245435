import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { CircleAlert, Sparkles, X } from 'lucide';
import type { PanelController } from '@/lib/panel/panel-controller';
import { EndFollower } from '@/lib/render/end-follower';
import { AskForm } from './AskForm';
import { DraftReplyView } from './DraftReplyView';
import { errorText } from './error-text';
import { AnswerCard, FollowUpThread } from './FollowUpThread';
import { JumpToEndButton } from './JumpToEndButton';
import { RewriteView } from './RewriteView';
import { StatusLine } from './StatusLine';
import { VIEW_PANEL_ID, ViewTabs, viewTabId } from './ViewTabs';
import { SummaryControls } from './SummaryControls';
import { SummaryView } from './SummaryView';
import { Icon } from './ui/Icon';
import { IconButton } from './ui/Button';

/** The side panel: status, the two views, and one card per task. Each card reads only the signals it shows. */
export function SidePanelApp({ panel }: { panel: PanelController }) {
  useEffect(() => {
    void panel.connect();
    return () => panel.dispose();
  }, [panel]);
  const main = useRef<HTMLElement>(null);
  const follower = useRef<EndFollower | undefined>(undefined);
  const awayFromEnd = useSignal(false);
  useEffect(() => {
    const scroller = (document.scrollingElement ?? document.documentElement) as HTMLElement;
    follower.current = new EndFollower(scroller, main.current!, (following) => (awayFromEnd.value = !following));
    return () => follower.current?.dispose();
  }, []);

  const view = panel.view.value;
  return (
    <main class="panel" ref={main}>
      <header class="panel-header">
        <div class="brand">
          <Icon icon={Sparkles} size={18} />
          <h1>{i18n.t('panel.title')}</h1>
        </div>
        <StatusLine status={panel.status.value} engine={panel.engine.value} />
        {/* In the header, which stays at the top: the views are one click away however far the panel scrolled. */}
        <ViewTabs current={view} onSelect={(next) => panel.showView(next)} />
      </header>
      <Notice panel={panel} />
      <ChoiceNotSavedNote panel={panel} />
      <div class="view" id={VIEW_PANEL_ID} role="tabpanel" aria-labelledby={viewTabId(view)}>
        {view === 'reply' ? (
          <DraftReplyView
            draft={panel.draft}
            busy={panel.busy.value}
            onUseLightModel={() => void panel.useLightModel(panel.draft.stream)}
          />
        ) : (
          <PageView panel={panel} onAsk={() => follower.current?.follow()} />
        )}
      </div>
      {panel.busy.value && awayFromEnd.value ? <JumpToEndButton onClick={() => follower.current?.follow()} /> : null}
    </main>
  );
}

/** A refusal that came with an intent (e.g. a restricted page), until dismissed or the next task starts. */
function Notice({ panel }: { panel: PanelController }) {
  const notice = panel.notice.value;
  if (!notice) return null;
  return (
    <div class="note note-error notice" role="alert">
      <Icon icon={CircleAlert} />
      <p data-testid="notice" data-error-code={notice.code}>
        {errorText(notice)}
      </p>
      <IconButton icon={X} label={i18n.t('panel.dismiss')} onClick={() => panel.dismissNotice()} />
    </div>
  );
}

/** A choice made here that storage refused (full): the previous one stays, until dismissed or a choice is saved. */
function ChoiceNotSavedNote({ panel }: { panel: PanelController }) {
  const code = panel.choiceNotSaved.value;
  if (!code) return null;
  return (
    <div class="note note-error notice" role="alert">
      <Icon icon={CircleAlert} />
      <p data-testid="choice-not-saved" data-error-code={code}>
        {code === 'storage-full' ? i18n.t('panel.choiceNotSavedFull') : i18n.t('panel.choiceNotSaved')}
      </p>
      <IconButton icon={X} label={i18n.t('panel.dismiss')} onClick={() => panel.dismissChoiceNotSaved()} />
    </div>
  );
}

/** This page: summary options, the cards (rewrite, summary, follow-ups or a free answer), and the question box. */
function PageView({ panel, onAsk }: { panel: PanelController; onAsk(): void }) {
  const aboutPage = panel.conversationId.value !== null;
  const { ask } = panel;
  const nothingYet =
    ask.state.value === 'empty' &&
    panel.summary.state.value === 'empty' &&
    panel.rewrite.stream.state.value === 'empty' &&
    panel.rewrite.pendingCustom.value === null;
  return (
    <>
      <SummaryControls
        options={panel.options.value}
        busy={panel.busy.value}
        onChange={(options) => panel.setOptions(options)}
        onSummarize={() => panel.summarizePage()}
      />
      <RewriteView panel={panel} />
      <SummaryView panel={panel} />
      <FollowUpThread panel={panel} />
      {ask.state.value === 'empty' ? null : (
        <AnswerCard
          stream={ask}
          question={panel.askedQuestion.value}
          testId="ask-answer"
          onDismiss={() => panel.dismissAsk()}
          onUseLightModel={() => void panel.useLightModel(ask)}
        />
      )}
      {nothingYet ? <p class="empty-note">{i18n.t('panel.empty')}</p> : null}
      <AskForm
        running={panel.busy.value}
        label={aboutPage ? i18n.t('panel.askAboutPage') : i18n.t('panel.askLabel')}
        onAsk={(question, onSettled) => {
          // The answer comes at the end, after the cards above: the panel shows it and follows it as it is written.
          onAsk();
          panel.submitQuestion(question, onSettled);
        }}
      />
    </>
  );
}
