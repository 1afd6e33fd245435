import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';

interface Props {
  running: boolean;
  text: string;
  onStop(): void;
}

/** Stop while a reply streams; Copy puts the reply's Markdown on the clipboard. */
export function ReplyActions({ running, text, onStop }: Props) {
  const copied = useSignal(false);
  const copy = async () => {
    await navigator.clipboard.writeText(text);
    copied.value = true;
    setTimeout(() => (copied.value = false), 1500);
  };
  return (
    <div class="reply-actions">
      <button type="button" onClick={onStop} disabled={!running}>
        {i18n.t('panel.stop')}
      </button>
      <button type="button" onClick={() => void copy()} disabled={text === ''}>
        {copied.value ? i18n.t('panel.copied') : i18n.t('panel.copy')}
      </button>
    </div>
  );
}
