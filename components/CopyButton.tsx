import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import { Check, Copy } from 'lucide';
import { Button } from './ui/Button';

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
    <Button variant="quiet" icon={copied.value ? Check : Copy} onClick={() => void copy()} disabled={disabled}>
      {copied.value ? i18n.t('panel.copied') : label}
    </Button>
  );
}
