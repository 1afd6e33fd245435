import { i18n } from '#i18n';
import { useMemo } from 'preact/hooks';
import type { TacitError } from '@/lib/core/errors';
import type { ReplyState } from '@/lib/panel/reply-session';
import { renderMarkdownSafely } from '@/lib/render/markdown';
import { errorText } from './error-text';
import { UseLightModelButton } from './UseLightModelButton';

interface Props {
  text: string;
  state: ReplyState;
  error: TacitError | null;
  /** Names the region for screen readers and tests: "reply", "summary", "answer". */
  testId?: string;
  label?: string;
  /** Placeholder shown before anything was asked. */
  emptyText?: string;
  /** Switches to the lighter model and tries again, when the error suggests it. */
  onUseLightModel?: () => void;
}

/** The streamed reply, rendered from Markdown through the sanitiser; never the model's raw HTML. */
export function ReplyView({ text, state, error, testId = 'reply', label, emptyText, onUseLightModel }: Props) {
  const html = useMemo(() => renderMarkdownSafely(text), [text]);
  return (
    <section class="reply" aria-label={label ?? i18n.t('panel.outputLabel')} aria-busy={state === 'running'}>
      {text === '' && state === 'empty' && emptyText ? <p class="reply-empty">{emptyText}</p> : null}
      <div class="reply-text" data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />
      {state === 'stopped' ? (
        <p class="reply-note" role="status" data-testid={`${testId}-stopped`}>
          {i18n.t('panel.stopped')}
        </p>
      ) : null}
      {state === 'error' && error ? (
        <p class="reply-error" role="alert" data-testid={`${testId}-error`} data-error-code={error.code}>
          {errorText(error)}
        </p>
      ) : null}
      {state === 'error' && onUseLightModel ? <UseLightModelButton error={error} onClick={onUseLightModel} /> : null}
    </section>
  );
}
