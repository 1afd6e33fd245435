import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import type { PanelController } from '@/lib/panel/panel-controller';
import { REWRITE_MENU_TITLE_KEYS } from '@/lib/tasks/rewrite/types';
import { CopyButton } from './CopyButton';
import { errorText } from './error-text';
import { UseLightModelButton } from './UseLightModelButton';

/**
 * A rewrite beside the original. The result is shown as plain text, exactly what Replace will put into the page;
 * Replace and Insert below exist only for editable selections, Copy always.
 */
export function RewriteView({ panel }: { panel: PanelController }) {
  const { rewrite } = panel;
  const pending = panel.pendingCustom.value;
  const selection = rewrite.source.value?.selection;
  // Only whether there is text: the text itself is bound to its element below, so this view does not follow it.
  const hasText = rewrite.hasText.value;
  const state = rewrite.state.value;
  const changes = rewrite.result.value?.changes;
  const outcome = panel.applyOutcome.value;
  if (!pending && state === 'empty') return null;
  const settled = state === 'done';

  return (
    <section class="rewrite" aria-label={i18n.t('rewrite.label')}>
      {pending ? (
        <CustomInstructionForm
          initial={pending.instruction}
          onSubmit={(instruction) => panel.submitCustomRewrite(instruction)}
        />
      ) : null}
      {selection ? (
        <>
          <h2>{i18n.t(REWRITE_MENU_TITLE_KEYS[selection.style])}</h2>
          <p class="label">{i18n.t('rewrite.original')}</p>
          <blockquote class="plain" data-testid="rewrite-original">
            {selection.original}
          </blockquote>
        </>
      ) : null}
      {hasText || state === 'running' ? (
        <>
          <p class="label">{i18n.t('rewrite.result')}</p>
          <div class="plain" data-testid="rewrite-result" aria-live="polite" aria-busy={state === 'running'}>
            {rewrite.text}
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
      {state === 'error' && rewrite.error.value ? (
        <p class="error-note" role="alert" data-testid="rewrite-error" data-error-code={rewrite.error.value.code}>
          {errorText(rewrite.error.value)}
        </p>
      ) : null}
      {state === 'error' && rewrite.error.value?.suggestion?.kind === 'rewrite-in-parts' ? (
        <button type="button" onClick={() => panel.rewriteInParts()}>
          {i18n.t('rewrite.inParts')}
        </button>
      ) : null}
      {state === 'error' ? (
        <UseLightModelButton error={rewrite.error.value} onClick={() => void panel.useLightModel(rewrite)} />
      ) : null}
      {selection && hasText ? (
        <div class="actions">
          {selection.editable ? (
            <>
              <button type="button" disabled={!settled} onClick={() => void panel.applyRewrite('replace')}>
                {i18n.t('rewrite.replace')}
              </button>
              <button type="button" disabled={!settled} onClick={() => void panel.applyRewrite('insert-below')}>
                {i18n.t('rewrite.insertBelow')}
              </button>
            </>
          ) : null}
          <CopyButton label={i18n.t('rewrite.copy')} text={() => rewrite.text.value} disabled={!settled} />
        </div>
      ) : null}
      {selection && !selection.editable && settled ? <p class="note">{i18n.t('rewrite.readOnly')}</p> : null}
      {outcome ? (
        <p
          class={outcome.ok ? 'note' : 'error-note'}
          role={outcome.ok ? 'status' : 'alert'}
          data-testid="rewrite-applied"
        >
          {outcome.ok
            ? i18n.t(outcome.mode === 'replace' ? 'rewrite.replaced' : 'rewrite.inserted')
            : errorText(outcome.error)}
        </p>
      ) : null}
      {outcome?.ok && outcome.undoSteps > 1 ? (
        <p class="note" data-testid="rewrite-undo-steps">
          {i18n.t('rewrite.undoInSteps', [String(outcome.undoSteps)])}
        </p>
      ) : null}
    </section>
  );
}

/** A changed line break shows as ↵ in the change list (spaces stay visible: the list keeps white space). */
function shownChange(text: string): string {
  return text.replace(/\r?\n/g, '↵');
}

function CustomInstructionForm({ initial, onSubmit }: { initial: string; onSubmit(instruction: string): void }) {
  const instruction = useSignal(initial);
  return (
    <form
      class="ask"
      onSubmit={(event) => {
        event.preventDefault();
        if (instruction.value.trim() !== '') onSubmit(instruction.value.trim());
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
      <button type="submit">{i18n.t('rewrite.run')}</button>
    </form>
  );
}
