import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import { SendHorizontal } from 'lucide';
import { Button } from './ui/Button';
import type { TaskStreamState } from '@/lib/panel/task-stream';

interface Props {
  running: boolean;
  label: string;
  /** onSettled reports how the answer ended; the box is cleared only once it was answered. */
  onAsk(prompt: string, onSettled: (state: TaskStreamState) => void): void;
}

/** A question box: Enter sends, Shift+Enter adds a line. The text stays until it was answered, so nothing typed is lost. */
export function AskForm({ running, label, onAsk }: Props) {
  const prompt = useSignal('');
  const submit = () => {
    if (running || prompt.value.trim() === '') return;
    const asked = prompt.value;
    onAsk(asked, (state) => {
      if (state === 'done' && prompt.value === asked) prompt.value = '';
    });
  };
  return (
    <form
      class="ask composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label for="ask-input">{label}</label>
      <textarea
        id="ask-input"
        rows={3}
        placeholder={i18n.t('panel.askPlaceholder')}
        value={prompt.value}
        onInput={(event) => (prompt.value = (event.currentTarget as HTMLTextAreaElement).value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            submit();
          }
        }}
      />
      <div class="ask-actions">
        <Button type="submit" variant="primary" icon={SendHorizontal} disabled={running}>
          {i18n.t('panel.send')}
        </Button>
      </div>
    </form>
  );
}
