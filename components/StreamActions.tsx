import { i18n } from '#i18n';
import type { TaskStream } from '@/lib/panel/task-stream';
import { CopyButton } from './CopyButton';

interface Props {
  running: boolean;
  /** The latest answer or summary, for Copy; absent where the view has its own Copy (the Reply view). */
  latest?: Pick<TaskStream, 'text' | 'hasText'>;
  onStop(): void;
}

/** Stop whatever is being written; Copy puts the latest answer's or summary's Markdown on the clipboard. */
export function StreamActions({ running, latest, onStop }: Props) {
  return (
    <div class="actions">
      <button type="button" onClick={onStop} disabled={!running}>
        {i18n.t('panel.stop')}
      </button>
      {latest === undefined ? null : (
        <CopyButton label={i18n.t('panel.copy')} text={() => latest.text.value} disabled={!latest.hasText.value} />
      )}
    </div>
  );
}
