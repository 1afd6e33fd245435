import { i18n } from '#i18n';
import { useComputed } from '@preact/signals';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { DraftRefinement } from '@/lib/protocol/messages';
import type { DraftController } from '@/lib/panel/draft-controller';
import { REWRITE_MENU_TITLE_KEYS } from '@/lib/tasks/rewrite/types';
import { DRAFT_LENGTHS, DRAFT_TONES, type DraftTone } from '@/lib/tasks/draft/types';
import { CircleAlert, CircleCheck, Info, Mail, PenLine, Reply, Undo2 } from 'lucide';
import { clientName } from './client-name';
import { CopyButton } from './CopyButton';
import { StreamActions } from './StreamActions';
import { TaskProgress } from './TaskProgress';
import { Button } from './ui/Button';
import { Card, Note } from './ui/Card';
import { errorText } from './error-text';
import { LanguageSelect } from './LanguageSelect';
import { LengthSelect } from './LengthSelect';
import { OptionSelect } from './OptionSelect';
import { UseLightModelButton } from './UseLightModelButton';

const TONE_LABEL: Record<DraftTone, () => string> = {
  neutral: () => i18n.t('draft.toneNeutral'),
  friendly: () => i18n.t('draft.toneFriendly'),
  formal: () => i18n.t('draft.toneFormal'),
  casual: () => i18n.t('draft.toneCasual'),
  confident: () => i18n.t('draft.toneConfident'),
  apologetic: () => i18n.t('draft.toneApologetic'),
};

/** Ways to rework a finished draft, labelled like the rewrite menu. */
const REFINEMENTS: readonly DraftRefinement[] = ['shorter', 'longer', 'formal', 'friendly', 'proofread'];

/**
 * Reply to the mail conversation beside the panel: the user says what they want to say, Tacit drafts it, the user
 * edits it here and inserts it into the reply box. The draft is plain text, exactly what Insert writes.
 */
interface Props {
  draft: DraftController;
  busy: boolean;
  /** Switches drafts to the lighter model and tries again (offered when the model does not fit the GPU). */
  onUseLightModel(): void;
}

export function DraftReplyView({ draft, busy, onUseLightModel }: Props) {
  const { stream } = draft;
  const state = stream.state.value;
  const mail = stream.source.value?.mail;
  // Only whether there is a draft: the draft's text is read by DraftText alone, so this view does not follow it.
  const hasText = useComputed(() => draft.text.value !== '').value;
  const settled = state !== 'running';
  const options = draft.options.value;
  const outcome = draft.insertOutcome.value;
  const error = stream.error.value;
  const intentField = useRef<HTMLTextAreaElement>(null);
  const focusRequests = draft.focusIntent.value;
  useEffect(() => {
    if (focusRequests > 0) intentField.current?.focus();
  }, [focusRequests]);

  return (
    <section class="draft" aria-label={i18n.t('draft.label')}>
      <form
        class="ask"
        onSubmit={(event) => {
          event.preventDefault();
          void draft.draft();
        }}
      >
        <label for="draft-intent">{i18n.t('draft.intentLabel')}</label>
        <textarea
          id="draft-intent"
          rows={3}
          ref={intentField}
          placeholder={i18n.t('draft.intentPlaceholder')}
          value={draft.intent.value}
          onInput={(event) => (draft.intent.value = (event.currentTarget as HTMLTextAreaElement).value)}
          // Enter starts a new line (intents can be several); Ctrl+Enter drafts, as in mail clients.
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !busy) {
              event.preventDefault();
              void draft.draft();
            }
          }}
        />
        <div class="summary-controls toolbar">
          <OptionSelect
            label={i18n.t('draft.tone')}
            values={DRAFT_TONES}
            value={options.tone}
            labelOf={(tone) => TONE_LABEL[tone]()}
            onChange={(tone) => draft.setOptions({ ...options, tone })}
          />
          <LengthSelect
            values={DRAFT_LENGTHS}
            value={options.length}
            onChange={(length) => draft.setOptions({ ...options, length })}
          />
          <LanguageSelect
            label={i18n.t('panel.summaryLanguage')}
            sameAsSource={i18n.t('draft.languageThread')}
            value={options.language}
            onChange={(language) => draft.setOptions({ ...options, language })}
          />
          <Button type="submit" variant="primary" icon={PenLine} disabled={busy}>
            {hasText ? i18n.t('draft.again') : i18n.t('draft.run')}
          </Button>
        </div>
      </form>
      {state === 'empty' && !hasText ? (
        <p class="empty-note">{i18n.t('draft.hint')}</p>
      ) : (
        <Card
          icon={Mail}
          title={i18n.t('draft.cardTitle')}
          subject={mail ? <DraftSource draft={draft} /> : undefined}
          onDismiss={() => draft.dismiss()}
          busy={!settled}
          testId="draft-card"
        >
          <TaskProgress stream={stream} />
          {hasText || state === 'running' ? (
            <label class="draft-text">
              {i18n.t('draft.textLabel')}
              <DraftText draft={draft} settled={settled} />
            </label>
          ) : null}
          {state === 'stopped' ? (
            <Note tone="info" icon={Info} testId="draft-stopped">
              {i18n.t('panel.stopped')}
            </Note>
          ) : null}
          {state === 'error' && error ? (
            <Note tone="error" icon={CircleAlert} testId="draft-error" errorCode={error.code}>
              {errorText(error)}
            </Note>
          ) : null}
          {state === 'error' ? <UseLightModelButton error={error} onClick={onUseLightModel} /> : null}
          {state === 'error' && error?.suggestion?.kind === 'select-message-text' ? (
            <Button variant="primary" disabled={busy} onClick={() => void draft.draft('selection')}>
              {i18n.t('draft.selectAndRetry')}
            </Button>
          ) : null}
          {state === 'error' && error?.suggestion?.kind === 'grant-site-access' ? (
            <Button onClick={() => void draft.grantSiteAccess()}>
              {i18n.t('draft.allowSite', [new URL(error.suggestion.origin.replace('/*', '/')).hostname])}
            </Button>
          ) : null}
          {mail && hasText && settled ? (
            <div class="card-actions refine" role="group" aria-label={i18n.t('draft.refine')}>
              {REFINEMENTS.map((style) => (
                <Button variant="quiet" disabled={busy} onClick={() => draft.refine(style)}>
                  {i18n.t(REWRITE_MENU_TITLE_KEYS[style])}
                </Button>
              ))}
              {draft.previous.value !== null ? (
                <Button variant="quiet" icon={Undo2} onClick={() => draft.swapWithPrevious()}>
                  {i18n.t('draft.previousVersion')}
                </Button>
              ) : null}
            </div>
          ) : null}
          <StreamActions stream={stream}>
            {mail && hasText ? (
              <>
                <Button variant="primary" icon={Reply} onClick={() => void draft.insert()}>
                  {i18n.t('draft.insert')}
                </Button>
                <CopyButton label={i18n.t('panel.copy')} text={() => draft.text.peek()} />
              </>
            ) : null}
          </StreamActions>
          {outcome ? (
            <Note
              tone={outcome.ok ? 'success' : 'error'}
              icon={outcome.ok ? CircleCheck : CircleAlert}
              testId="draft-inserted"
            >
              {outcome.ok
                ? i18n.t(outcome.opened ? 'draft.insertedOpened' : 'draft.inserted')
                : errorText(outcome.error)}
              {outcome.ok && outcome.nameLeftToSignature ? ` ${i18n.t('draft.nameInSignature')}` : null}
            </Note>
          ) : null}
        </Card>
      )}
    </section>
  );
}

/** Who and what the draft answers, the mail client and how many messages were read. */
function DraftSource({ draft }: { draft: DraftController }) {
  const source = draft.stream.source.value;
  const mail = source?.mail;
  if (!mail) return null;
  return (
    <p class="source" data-testid="draft-source">
      {mail.replyingTo
        ? i18n.t('draft.source', [mail.replyingTo, source.title])
        : i18n.t('draft.sourceNoSender', [source.title])}
      <br />
      {i18n.t('draft.sourceDetails', mail.messageCount, [
        clientName(mail.client) ?? i18n.t('draft.clientOther'),
        String(mail.messageCount),
      ])}
      {mail.omittedMessages > 0 ? (
        <>
          <br />
          {i18n.t('draft.omitted', mail.omittedMessages, [String(mail.omittedMessages)])}
        </>
      ) : null}
      {mail.unreadMessages > 0 ? (
        <>
          <br />
          {i18n.t('draft.unread', mail.unreadMessages, [String(mail.unreadMessages)])}
        </>
      ) : null}
      {mail.fromSelection ? (
        <>
          <br />
          {i18n.t('draft.fromSelection')}
        </>
      ) : null}
    </p>
  );
}

/** Whether a text box can be as tall as its text (`field-sizing`): the draft's box then needs no scrolling. */
const BOX_GROWS = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');

/** The draft as it streams in, then editable: the one element that follows every word. */
function DraftText({ draft, settled }: { draft: DraftController; settled: boolean }) {
  const area = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    // Where the box cannot grow with the draft (the panel's style), its end stays in view while it streams.
    const box = area.current;
    if (BOX_GROWS || settled || !box) return;
    if (box.scrollHeight > box.clientHeight) box.scrollTop = box.scrollHeight;
  });
  return (
    <textarea
      ref={area}
      data-testid="draft-text"
      rows={12}
      readOnly={!settled}
      aria-busy={!settled}
      value={draft.text.value}
      onInput={(event) => draft.edit((event.currentTarget as HTMLTextAreaElement).value)}
    />
  );
}
