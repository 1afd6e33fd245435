import { i18n } from '#i18n';
import { useMemo } from 'preact/hooks';
import type { TacitError } from '@/lib/core/errors';
import type { TaskStreamState } from '@/lib/panel/task-stream';
import { renderMarkdownSafely } from '@/lib/render/markdown';
import { errorText } from './error-text';
import { UseLightModelButton } from './UseLightModelButton';

interface Props {
  text: string;
  state: TaskStreamState;
  error: TacitError | null;
  /** Names the text for tests: "ask-answer", "summary", "answer"; its notes add "-stopped" and "-error". */
  testId: string;
  label?: string;
  /** Placeholder shown before anything was asked. */
  emptyText?: string;
  /** Switches to the lighter model and tries again, when the error suggests it. */
  onUseLightModel?: () => void;
}

/** A task's streamed text, rendered from Markdown through the sanitiser; never the model's raw HTML. */
export function StreamView({ text, state, error, testId, label, emptyText, onUseLightModel }: Props) {
  const html = useMemo(() => renderMarkdownSafely(text), [text]);
  return (
    <section class="stream" aria-label={label ?? i18n.t('panel.outputLabel')} aria-busy={state === 'running'}>
      {text === '' && state === 'empty' && emptyText ? <p class="empty-note">{emptyText}</p> : null}
      <div class="stream-text" data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />
      {state === 'stopped' ? (
        <p class="note" role="status" data-testid={`${testId}-stopped`}>
          {i18n.t('panel.stopped')}
        </p>
      ) : null}
      {state === 'error' && error ? (
        <p class="error-note" role="alert" data-testid={`${testId}-error`} data-error-code={error.code}>
          {errorText(error)}
        </p>
      ) : null}
      {state === 'error' && onUseLightModel ? <UseLightModelButton error={error} onClick={onUseLightModel} /> : null}
    </section>
  );
}
