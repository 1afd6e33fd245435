/** Decides whether a focused element is a text field Tacit may read, without ever touching a password's value. */

import type { EditingError } from './types';
import type { TextField } from './anchor-registry';
import { sensitiveVerdictOf } from './sensitive-field';
import type { AutocompleteVerdict } from '../../core/sensitive-data';

/** Input types whose value is free text a user might want rewritten. */
const TEXT_LIKE_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email']);

export type TextFieldKind =
  { kind: 'text-field'; field: TextField } | { kind: 'refused'; error: EditingError } | { kind: 'not-a-text-field' };

// Compared by tag name, not instanceof, because fields in same-origin iframes come from another realm.
export function isInput(element: Element): element is HTMLInputElement {
  return element.nodeName === 'INPUT';
}

export function isTextArea(element: Element): element is HTMLTextAreaElement {
  return element.nodeName === 'TEXTAREA';
}

/** The refusal for a sensitive verdict: passwords by their own code, everything else with its kind. */
export function refusalOf(verdict: AutocompleteVerdict): EditingError {
  return verdict === 'password'
    ? { ok: false, code: 'password-field' }
    : { ok: false, code: 'sensitive-field', sensitive: verdict };
}

/** Text inputs styled to mask their characters are passwords in all but name. */
function isMaskedByStyle(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(element) as CSSStyleDeclaration & { webkitTextSecurity?: string };
  const security = style.webkitTextSecurity ?? style.getPropertyValue('-webkit-text-security');
  return Boolean(security) && security !== 'none';
}

export function classifyTextField(element: Element): TextFieldKind {
  let field: TextField;
  if (isInput(element)) {
    const type = element.type.toLowerCase();
    if (type === 'password' || isMaskedByStyle(element)) return { kind: 'refused', error: refusalOf('password') };
    if (!TEXT_LIKE_INPUT_TYPES.has(type)) return { kind: 'not-a-text-field' };
    field = element;
  } else if (isTextArea(element)) {
    if (isMaskedByStyle(element)) return { kind: 'refused', error: refusalOf('password') };
    field = element;
  } else {
    return { kind: 'not-a-text-field' };
  }
  const verdict = sensitiveVerdictOf(field);
  if (verdict) return { kind: 'refused', error: refusalOf(verdict) };
  return { kind: 'text-field', field };
}

export function isFieldEditable(field: TextField): boolean {
  return !field.readOnly && !field.disabled;
}

/** Selection offsets, or null for input types (email) that expose no selection API. */
export function fieldSelectionOffsets(field: TextField): { start: number; end: number } | null {
  try {
    const { selectionStart, selectionEnd } = field;
    if (selectionStart === null || selectionEnd === null) return null;
    return { start: selectionStart, end: selectionEnd };
  } catch {
    // Email and number inputs throw on selectionStart: no offsets is the answer.
    return null;
  }
}
