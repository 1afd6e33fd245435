/** Decides whether a focused element is a text field Tacit may read, without ever touching a password's value. */

import type { EditingErrorCode } from './types';
import type { TextField } from './anchor-registry';

/** Input types whose value is free text a user might want rewritten. */
const TEXT_LIKE_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email']);

/** Autocomplete tokens that mark secrets or payment data: refused even when the field is a plain text input. */
const SENSITIVE_AUTOCOMPLETE = new Set([
  'current-password',
  'new-password',
  'one-time-code',
  'cc-number',
  'cc-csc',
  'cc-exp',
]);

export type TextFieldKind =
  | { kind: 'text-field'; field: TextField }
  | { kind: 'refused'; code: Extract<EditingErrorCode, 'password-field' | 'sensitive-field'> }
  | { kind: 'not-a-text-field' };

// Compared by tag name, not instanceof, because fields in same-origin iframes come from another realm.
export function isInput(element: Element): element is HTMLInputElement {
  return element.nodeName === 'INPUT';
}

export function isTextArea(element: Element): element is HTMLTextAreaElement {
  return element.nodeName === 'TEXTAREA';
}

function hasSensitiveAutocomplete(element: Element): boolean {
  const tokens = (element.getAttribute('autocomplete') ?? '').toLowerCase().split(/\s+/);
  return tokens.some((token) => SENSITIVE_AUTOCOMPLETE.has(token));
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
  if (isInput(element)) {
    const type = element.type.toLowerCase();
    if (type === 'password' || isMaskedByStyle(element)) return { kind: 'refused', code: 'password-field' };
    if (!TEXT_LIKE_INPUT_TYPES.has(type)) return { kind: 'not-a-text-field' };
    if (hasSensitiveAutocomplete(element)) return { kind: 'refused', code: 'sensitive-field' };
    return { kind: 'text-field', field: element };
  }
  if (isTextArea(element)) {
    if (isMaskedByStyle(element)) return { kind: 'refused', code: 'password-field' };
    if (hasSensitiveAutocomplete(element)) return { kind: 'refused', code: 'sensitive-field' };
    return { kind: 'text-field', field: element };
  }
  return { kind: 'not-a-text-field' };
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
