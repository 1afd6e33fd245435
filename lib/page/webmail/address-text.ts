/** Parses sender names and addresses out of the header text and labels webmail clients show. Pure. */
import { withoutFieldName, withoutPrefix } from './ui-labels';

const EMAIL_ADDRESS = /[^\s<>()"',;:]+@[^\s<>()"',;:]+\.[^\s<>()"',;:]+/;

/** The first address in a piece of text ("Name <a@b.c>", "a@b.c", "From: a@b.c"). */
export function emailAddressIn(text: string | null | undefined): string | undefined {
  return EMAIL_ADDRESS.exec(text ?? '')?.[0];
}

/** "Name <a@b.c>" → "Name"; an address alone stays as it is. */
export function displayNameIn(text: string): string {
  const name = text
    .replace(/<[^>]*>/g, '')
    .replace(/[()"]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return name || text.trim();
}

/**
 * The signed-in account's name from a label like "Google Account: Jane Doe (jane@example.com)" or "Konto-Manager für
 * Jane Doe": `prefixes` are removed when one fits, else everything up to the label's first colon.
 */
export function nameFromAccountLabel(
  label: string | null | undefined,
  prefixes: readonly string[],
): string | undefined {
  if (!label) return undefined;
  const unprefixed = withoutPrefix(label, prefixes);
  const rest = unprefixed === label.trim() ? withoutFieldName(label) : unprefixed;
  const name = rest
    .replace(/\([^)]*@[^)]*\)/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return name || emailAddressIn(rest);
}
