/** Languages offered besides "the source's own": BCP-47 codes, named in the user's own language by Intl. */
const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'ja', 'zh', 'ko'];

function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([navigator.language], { type: 'language' }).of(code) ?? code;
  } catch {
    // An engine without Intl.DisplayNames for this locale: the code itself is a readable name.
    return code;
  }
}

interface Props {
  label: string;
  /** The first option, value "page": the language of the page or the email. */
  sameAsSource: string;
  value: string;
  onChange(value: string): void;
}

/** Output language: the source's own, or one of the common languages. */
export function LanguageSelect({ label, sameAsSource, value, onChange }: Props) {
  return (
    <label>
      {label}
      <select value={value} onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}>
        <option value="page">{sameAsSource}</option>
        {LANGUAGES.map((code) => (
          <option value={code}>{languageName(code)}</option>
        ))}
      </select>
    </label>
  );
}
