import { i18n } from '#i18n';
import { useMemo } from 'preact/hooks';
import type { TacitError } from '@/lib/messaging/errors';
import type { ReplyState } from '@/lib/panel/reply-session';
import { renderMarkdownSafely } from '@/lib/render/markdown';
import { errorText } from './error-text';

interface Props {
  text: string;
  state: ReplyState;
  error: TacitError | null;
}

/** The streamed reply, rendered from Markdown through the sanitiser; never the model's raw HTML. */
export function ReplyView({ text, state, error }: Props) {
  const html = useMemo(() => renderMarkdownSafely(text), [text]);
  return (
    <section class="reply" aria-label={i18n.t('panel.outputLabel')} aria-busy={state === 'running'}>
      {text === '' && state === 'empty' ? <p class="reply-empty">{i18n.t('panel.empty')}</p> : null}
      <div class="reply-text" data-testid="reply" dangerouslySetInnerHTML={{ __html: html }} />
      {state === 'stopped' ? (
        <p class="reply-note" role="status" data-testid="reply-stopped">
          {i18n.t('panel.stopped')}
        </p>
      ) : null}
      {state === 'error' && error ? (
        <p class="reply-error" role="alert" data-testid="reply-error" data-error-code={error.code}>
          {errorText(error)}
        </p>
      ) : null}
    </section>
  );
}
