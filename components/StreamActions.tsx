import { i18n } from '#i18n';
import { CopyButton } from './CopyButton';

interface Props {
  running: boolean;
  /** The latest answer or summary, for Copy; absent where the view has its own Copy (the Reply view). */
  text?: string;
  onStop(): void;
}

/** Stop whatever is being written; Copy puts the latest answer's or summary's Markdown on the clipboard. */
export function StreamActions({ running, text, onStop }: Props) {
  return (
    <div class="actions">
      <button type="button" onClick={onStop} disabled={!running}>
        {i18n.t('panel.stop')}
      </button>
      {text === undefined ? null : <CopyButton label={i18n.t('panel.copy')} text={() => text} disabled={text === ''} />}
    </div>
  );
}
