import { i18n } from '#i18n';
import { parseMirrorBaseUrl, type MirrorUrlProblem } from '@/lib/models/sources';
import { modelMirrorUrl } from '@/lib/settings/settings';
import { SavedTextSetting, type SaveOutcome } from './SavedTextSetting';

function mirrorProblemText(reason: MirrorUrlProblem): string {
  if (reason === 'too-long') return i18n.t('options.mirrorTooLong');
  if (reason === 'host-name') return i18n.t('options.mirrorHostName');
  return i18n.t('options.mirrorInvalid');
}

/** The mirror that replaces the default model hosts, validated before it is saved. */
export function ModelSourceSection() {
  const save = async (text: string): Promise<SaveOutcome> => {
    if (text.trim() === '') {
      await modelMirrorUrl.setValue(null);
      return { ok: true, saved: '' };
    }
    const parsed = parseMirrorBaseUrl(text);
    if (!parsed.ok) return { ok: false, message: mirrorProblemText(parsed.reason) };
    await modelMirrorUrl.setValue(parsed.url);
    return { ok: true, saved: parsed.url };
  };
  return (
    <section>
      <h2>{i18n.t('options.sourceHeading')}</h2>
      <p class="help">{i18n.t('options.sourceHelp')}</p>
      <SavedTextSetting
        label={i18n.t('options.mirrorLabel')}
        load={async () => (await modelMirrorUrl.getValue()) ?? ''}
        save={save}
        testId="mirror-message"
      />
    </section>
  );
}
