/** The user's setting: follow the page, or a fixed BCP-47 language tag. */
export type OutputLanguageChoice = 'page' | (string & {});

/** The language the summary is written in: a normalised BCP-47 code and its English name for the prompt. */
export interface OutputLanguage {
  code: string;
  name: string;
}
