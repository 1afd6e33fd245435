import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { parseMirrorBaseUrl } from '@/lib/models/sources';
import { modelMirrorUrl } from '@/lib/settings/settings';

/** The mirror that replaces the default model hosts, validated before it is saved. */
export function ModelSourceSection() {
  const draft = useSignal('');
  const message = useSignal<{ ok: boolean; text: string } | null>(null);
  useEffect(() => void modelMirrorUrl.getValue().then((value) => (draft.value = value ?? '')), []);

  const save = async () => {
    if (draft.value.trim() === '') {
      await modelMirrorUrl.setValue(null);
      message.value = { ok: true, text: i18n.t('options.saved') };
      return;
    }
    const parsed = parseMirrorBaseUrl(draft.value);
    if (!parsed.ok) {
      message.value = { ok: false, text: i18n.t('options.mirrorInvalid') };
      return;
    }
    await modelMirrorUrl.setValue(parsed.url);
    draft.value = parsed.url;
    message.value = { ok: true, text: i18n.t('options.saved') };
  };

  return (
    <section>
      <h2>{i18n.t('options.sourceHeading')}</h2>
      <p class="help">{i18n.t('options.sourceHelp')}</p>
      <form
        class="inline"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label class="field">
          {i18n.t('options.mirrorLabel')}
          <input type="url" value={draft.value} onInput={(event) => (draft.value = (event.currentTarget as HTMLInputElement).value)} />
        </label>
        <button type="submit">{i18n.t('options.save')}</button>
      </form>
      {message.value ? (
        <p role={message.value.ok ? 'status' : 'alert'} class={message.value.ok ? 'note' : 'error'} data-testid="mirror-message">
          {message.value.text}
        </p>
      ) : null}
    </section>
  );
}
