import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import { ArrowDownToLine, CircleAlert, CircleCheck, Info, PenLine, Replace, TriangleAlert } from 'lucide';
import type { TacitError } from '@/lib/core/errors';
import type { PanelController } from '@/lib/panel/panel-controller';
import type { RewriteController } from '@/lib/panel/rewrite-controller';
import { REWRITE_MENU_TITLE_KEYS } from '@/lib/tasks/rewrite/types';
import { MAX_CUSTOM_INSTRUCTION_LENGTH } from '@/lib/tasks/rewrite/styles';
import { CopyButton } from './CopyButton';
import { errorText } from './error-text';
import { StreamActions } from './StreamActions';
import { TaskProgress } from './TaskProgress';
import { UseLightModelButton } from './UseLightModelButton';
import { Button } from './ui/Button';
import { Card, Note } from './ui/Card';

/**
 * A rewrite card beside the original. The result is shown as plain text, exactly what Replace will put into the page;
 * Replace and Insert below exist only for editable selections, Copy always. After a stop the text written so far can
 * still be used, with a note that it is partial; once the field is gone, Replace says why it is off.
 */
export function RewriteView({ panel }: { panel: PanelController }) {
  const { rewrite } = panel;
  const { stream } = rewrite;
  const pending = rewrite.pendingCustom.value;
  const state = stream.state.value;
  if (!pending && state === 'empty') return null;
  const source = stream.source.value;
  const selection = source?.selection;
  const style = selection?.style ?? (pending ? 'custom' : undefined);
  const error = stream.error.value;

  return (
    <Card
      icon={PenLine}
      title={style ? i18n.t(REWRITE_MENU_TITLE_KEYS[style]) : i18n.t('rewrite.label')}
      subject={source?.title ? <span>{i18n.t('rewrite.subject', [source.title])}</span> : undefined}
      onDismiss={() => rewrite.dismiss()}
      busy={stream.running.value}
      testId="rewrite-card"
    >
      {pending ? (
        <CustomInstructionForm
          initial={pending.instruction}
          onSubmit={(instruction) => rewrite.submitCustom(instruction)}
        />
      ) : null}
      <TaskProgress stream={stream} />
      {selection ? (
        <>
          <p class="label">{i18n.t('rewrite.original')}</p>
          <blockquote class="plain" data-testid="rewrite-original">
            {selection.original}
          </blockquote>
        </>
      ) : null}
      <RewriteResult rewrite={rewrite} />
      {state === 'stopped' ? (
        <Note tone="info" icon={Info} testId="rewrite-stopped">
          {i18n.t('panel.stopped')}
        </Note>
      ) : null}
      {state === 'error' && error ? (
        <Note tone="error" icon={CircleAlert} testId="rewrite-error" errorCode={error.code}>
          {errorText(error)}
        </Note>
      ) : null}
      {state === 'error' && error?.suggestion?.kind === 'rewrite-in-parts' ? (
        <Button onClick={() => rewrite.inParts()}>{i18n.t('rewrite.inParts')}</Button>
      ) : null}
      {state === 'error' ? (
        <UseLightModelButton error={error} onClick={() => void panel.useLightModel(stream)} />
      ) : null}
      <RewriteActions rewrite={rewrite} />
    </Card>
  );
}

/** The streamed (then cleaned) result and the proofread change list; the text is bound to its element, not read here. */
function RewriteResult({ rewrite }: { rewrite: RewriteController }) {
  const running = rewrite.stream.running.value;
  const changes = rewrite.stream.result.value?.changes;
  return (
    <>
      {rewrite.hasOutput.value || running ? (
        <>
          <p class="label">{i18n.t('rewrite.result')}</p>
          <div class="plain result" data-testid="rewrite-result" aria-live="polite" aria-busy={running}>
            {rewrite.output}
          </div>
        </>
      ) : null}
      {changes ? (
        <div data-testid="rewrite-changes">
          <p class="label">{i18n.t('rewrite.changes')}</p>
          {changes.length === 0 ? (
            <p>{i18n.t('rewrite.noChanges')}</p>
          ) : (
            <ul class="changes">
              {changes.map(({ from, to, reason }) => (
                <li>
                  {reason
                    ? i18n.t('rewrite.change', [shownChange(from), shownChange(to), reason])
                    : i18n.t('rewrite.changeWithoutReason', [shownChange(from), shownChange(to)])}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </>
  );
}

/** Stop while running; then Replace and Insert below (as the card's state allows) and Copy, with why they are off. */
function RewriteActions({ rewrite }: { rewrite: RewriteController }) {
  const { stream } = rewrite;
  const apply = rewrite.apply.value;
  const selection = stream.source.value?.selection;
  const outcome = rewrite.applyOutcome.value;
  if (!selection || (!rewrite.hasOutput.value && !stream.running.value)) return null;
  const usable = apply.kind === 'ready';
  return (
    <>
      {apply.kind === 'ready' && apply.partial ? (
        <Note tone="warning" icon={TriangleAlert} testId="rewrite-partial">
          {i18n.t('panel.partialRewrite')}
        </Note>
      ) : null}
      {apply.kind === 'gone' ? (
        <Note tone="warning" icon={TriangleAlert} testId="rewrite-gone" errorCode={apply.reason.code}>
          {i18n.t('panel.targetGone', [goneText(apply.reason)])}
        </Note>
      ) : null}
      <StreamActions stream={stream}>
        {selection.editable ? (
          <>
            <Button variant="primary" icon={Replace} disabled={!usable} onClick={() => void rewrite.applyTo('replace')}>
              {i18n.t('rewrite.replace')}
            </Button>
            <Button icon={ArrowDownToLine} disabled={!usable} onClick={() => void rewrite.applyTo('insert-below')}>
              {i18n.t('rewrite.insertBelow')}
            </Button>
          </>
        ) : null}
        <CopyButton
          label={i18n.t('rewrite.copy')}
          text={() => rewrite.output.peek()}
          disabled={!stream.copyable.value}
        />
      </StreamActions>
      {!selection.editable && !stream.running.value ? <p class="hint">{i18n.t('rewrite.readOnly')}</p> : null}
      {outcome ? (
        <Note
          tone={outcome.ok ? 'success' : 'error'}
          icon={outcome.ok ? CircleCheck : CircleAlert}
          testId="rewrite-applied"
        >
          {outcome.ok
            ? i18n.t(outcome.mode === 'replace' ? 'rewrite.replaced' : 'rewrite.inserted')
            : errorText(outcome.error)}
        </Note>
      ) : null}
      {outcome?.ok && outcome.undoSteps > 1 ? (
        <p class="note" data-testid="rewrite-undo-steps">
          {i18n.t('rewrite.undoInSteps', [String(outcome.undoSteps)])}
        </p>
      ) : null}
    </>
  );
}

/** Why the selection can no longer be written to, said for a rewrite (not for a summary, as errorText would). */
function goneText(reason: TacitError): string {
  if (reason.code === 'tab-closed') return i18n.t('rewrite.goneTabClosed');
  if (reason.code === 'page-navigated') return i18n.t('rewrite.gonePageChanged');
  return errorText(reason);
}

/** A changed line break shows as ↵ in the change list (spaces stay visible: the list keeps white space). */
function shownChange(text: string): string {
  return text.replace(/\r?\n/g, '↵');
}

function CustomInstructionForm({ initial, onSubmit }: { initial: string; onSubmit(instruction: string): void }) {
  const instruction = useSignal(initial);
  const length = instruction.value.trim().length;
  const tooLong = length > MAX_CUSTOM_INSTRUCTION_LENGTH;
  return (
    <form
      class="ask"
      onSubmit={(event) => {
        event.preventDefault();
        if (instruction.value.trim() !== '' && !tooLong) onSubmit(instruction.value.trim());
      }}
    >
      <label for="rewrite-instruction">{i18n.t('rewrite.instruction')}</label>
      <textarea
        id="rewrite-instruction"
        rows={2}
        placeholder={i18n.t('rewrite.instructionPlaceholder')}
        value={instruction.value}
        onInput={(event) => (instruction.value = (event.currentTarget as HTMLTextAreaElement).value)}
      />
      {tooLong ? (
        <p class="error" role="alert" data-testid="instruction-too-long">
          {i18n.t('error.instructionTooLong', [String(length), String(MAX_CUSTOM_INSTRUCTION_LENGTH)])}
        </p>
      ) : null}
      <div class="card-actions">
        <Button type="submit" variant="primary" disabled={tooLong}>
          {i18n.t('rewrite.run')}
        </Button>
      </div>
    </form>
  );
}
