import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { Button } from '../ui/Button';
import { storageErrorText } from './storage-error-text';

export type SaveOutcome = { ok: true; saved: string } | { ok: false; message: string };

interface Props {
  label: string;
  /** The stored value as text ('' when unset). */
  load(): Promise<string>;
  /** Validates and stores the typed text; says what was saved, or why it was refused. */
  save(text: string): Promise<SaveOutcome>;
  testId: string;
}

/** One text setting with a Save button: the typed text is kept on a refusal, and the outcome is announced. */
export function SavedTextSetting({ label, load, save, testId }: Props) {
  const draft = useSignal('');
  const outcome = useSignal<SaveOutcome | null>(null);
  useEffect(() => void load().then((value) => (draft.value = value)), []);
  return (
    <>
      <form
        class="inline"
        onSubmit={(event) => {
          event.preventDefault();
          void save(draft.value)
            .catch((error: unknown): SaveOutcome => ({ ok: false, message: storageErrorText(error) }))
            .then((result) => {
              outcome.value = result;
              if (result.ok) draft.value = result.saved;
            });
        }}
      >
        <label class="field">
          <span class="field-label">{label}</span>
          <input
            value={draft.value}
            onInput={(event) => (draft.value = (event.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <Button type="submit">{i18n.t('options.save')}</Button>
      </form>
      {outcome.value ? (
        <p
          role={outcome.value.ok ? 'status' : 'alert'}
          class={outcome.value.ok ? 'note note-success' : 'note note-error'}
          data-testid={testId}
        >
          {outcome.value.ok ? i18n.t('options.saved') : outcome.value.message}
        </p>
      ) : null}
    </>
  );
}
