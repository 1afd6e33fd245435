/**
 * Recognises secret and payment fields the way a password manager does: autocomplete tokens, then the field's name,
 * id, labels, placeholder and ARIA names, then short numeric fields beside words like "code" or "PIN". Reads
 * attributes and label text only, never the field's value.
 */
import { autocompleteVerdict, hintVerdict, speaksOfCode, type AutocompleteVerdict } from '../../core/sensitive-data';

/** How far up from a short numeric field its describing text is looked for, and how much of it. */
const NEARBY_LEVELS = 3;
const NEARBY_CHARS = 300;
/** The longest value a "short code" field takes (PINs, TANs and one-time codes are 4–8 characters). */
const SHORT_CODE_MAX_LENGTH = 8;

function textOfIds(element: Element, attribute: string): string[] {
  const ids = (element.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '');
}

function labelTexts(element: Element): string[] {
  const labels = (element as Partial<HTMLInputElement>).labels;
  return labels ? Array.from(labels, (label) => label.textContent ?? '') : [];
}

/** Everything a page says about a field apart from its value. */
function hintsOf(element: Element): string[] {
  const attributes = ['name', 'id', 'placeholder', 'aria-label', 'title', 'data-testid'];
  return [
    ...attributes.map((name) => element.getAttribute(name) ?? ''),
    ...textOfIds(element, 'aria-labelledby'),
    ...textOfIds(element, 'aria-describedby'),
    ...labelTexts(element),
  ];
}

/** A field that takes a few digits: numeric input mode, a digits-only pattern, or a maximum length of up to 8. */
function isShortNumericField(element: Element): boolean {
  const inputMode = (element.getAttribute('inputmode') ?? '').toLowerCase();
  const pattern = element.getAttribute('pattern') ?? '';
  const maxLength = Number(element.getAttribute('maxlength') ?? 'NaN');
  const numeric = inputMode === 'numeric' || inputMode === 'decimal' || /^\^?(\\d|\[0-9\])/.test(pattern);
  const short = Number.isInteger(maxLength) && maxLength > 0 && maxLength <= SHORT_CODE_MAX_LENGTH;
  return numeric || (short && element.getAttribute('type') === 'tel');
}

/** Text around the field (its parents' text, which never includes input values), capped. */
function nearbyText(element: Element): string {
  let node: Element | null = element.parentElement;
  for (let level = 0; node && level < NEARBY_LEVELS; level += 1) {
    const text = (node.textContent ?? '').trim();
    if (text) return text.slice(0, NEARBY_CHARS);
    node = node.parentElement;
  }
  return '';
}

/** Why a field must not be read ('password' for password-like fields), or null when it is an ordinary field. */
export function sensitiveVerdictOf(element: Element): AutocompleteVerdict | null {
  const byAutocomplete = autocompleteVerdict(element.getAttribute('autocomplete') ?? '');
  if (byAutocomplete) return byAutocomplete;
  const hints = hintsOf(element);
  const byHints = hintVerdict(hints);
  if (byHints) return byHints;
  if (isShortNumericField(element) && (hints.some(speaksOfCode) || speaksOfCode(nearbyText(element))))
    return 'one-time-code';
  return null;
}
