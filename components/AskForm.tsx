import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';

interface Props {
  running: boolean;
  onAsk(prompt: string): void;
}

/** A question box: Enter sends, Shift+Enter adds a line. The text stays until a reply starts, so nothing typed is lost. */
export function AskForm({ running, onAsk }: Props) {
  const prompt = useSignal('');
  const submit = () => {
    if (running || prompt.value.trim() === '') return;
    onAsk(prompt.value);
  };
  return (
    <form
      class="ask"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label for="ask-input">{i18n.t('panel.askLabel')}</label>
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
      <button type="submit" disabled={running}>
        {i18n.t('panel.send')}
      </button>
    </form>
  );
}
