import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';

interface Props {
  label: string;
  text: () => string;
  disabled?: boolean;
}

/** Copies text to the clipboard and says so for a moment. */
export function CopyButton({ label, text, disabled }: Props) {
  const copied = useSignal(false);
  const copy = async () => {
    await navigator.clipboard.writeText(text());
    copied.value = true;
    setTimeout(() => (copied.value = false), 1500);
  };
  return (
    <button type="button" onClick={() => void copy()} disabled={disabled}>
      {copied.value ? i18n.t('panel.copied') : label}
    </button>
  );
}
