/** Captures what the user selected (field, editor or page text) and remembers where it was for a later replace. */

import { rememberAnchor, type TextField } from './anchor-registry';
import { editingError } from './editing-error';
import { editingHostOfRange } from './editing-host';
import { editContextOf, editContextSelection } from './edit-context-edit';
import { deepestFocusContext, selectedRangeIn, type FocusContext } from './focus-context';
import { plainTextOf } from './range-text';
import { classifyTextField, fieldSelectionOffsets, isFieldEditable, refusalOf } from './text-field-kind';
import { sensitiveVerdictOf } from './sensitive-field';
import { containsCardNumber } from '../../core/sensitive-data';
import type { CapturedSelection, SelectionError } from './types';

/** Selected text holding a card number is refused before it leaves the page. */
const CARD_NUMBER_IN_TEXT: SelectionError = { ok: false, code: 'sensitive-field', sensitive: 'card-number-in-text' };

/** Offsets of the selection in fields (email inputs) that have no selection API, found by its unique text. */
function offsetsFromPageSelection(field: TextField, doc: Document): { start: number; end: number } | null {
  const selected = doc.getSelection()?.toString() ?? '';
  if (!selected) return null;
  const start = field.value.indexOf(selected);
  if (start < 0 || field.value.indexOf(selected, start + 1) >= 0) return null;
  return { start, end: start + selected.length };
}

function captureTextField(field: TextField, doc: Document): CapturedSelection | SelectionError {
  const offsets = fieldSelectionOffsets(field) ?? offsetsFromPageSelection(field, doc);
  if (!offsets) return editingError('empty-selection');
  const original = field.value.slice(offsets.start, offsets.end);
  if (!original.trim()) return editingError('empty-selection');
  if (containsCardNumber(original)) return CARD_NUMBER_IN_TEXT;
  const anchorId = rememberAnchor({ kind: 'text-field', field, ...offsets, original });
  return { ok: true, anchorId, text: original, editable: isFieldEditable(field), kind: 'text-field' };
}

function captureRange(context: FocusContext): CapturedSelection | SelectionError {
  const range = selectedRangeIn(context);
  if (!range || range.collapsed) return editingError('empty-selection');
  const host = editingHostOfRange(range);
  // A rich editor labelled as a card number or code is refused like a field, before its text is looked at.
  const verdict = host ? sensitiveVerdictOf(host) : null;
  if (verdict) return refusalOf(verdict);
  const text = plainTextOf(range);
  if (!text.trim()) return editingError('empty-selection');
  if (containsCardNumber(text)) return CARD_NUMBER_IN_TEXT;
  const original = range.toString();
  if (host) {
    const anchorId = rememberAnchor({ kind: 'rich-text', host, range, original });
    return { ok: true, anchorId, text, editable: true, kind: 'rich-text' };
  }
  const anchorId = rememberAnchor({ kind: 'read-only', range, original });
  return { ok: true, anchorId, text, editable: false, kind: 'read-only' };
}

/** A selection in an EditContext host (Monaco), which the page selection does not show. */
function captureEditContext(element: HTMLElement): CapturedSelection | SelectionError {
  const selection = editContextSelection(element);
  if (!selection) return editingError('empty-selection');
  const anchorId = rememberAnchor({ kind: 'edit-context', ...selection });
  return { ok: true, anchorId, text: selection.original, editable: true, kind: 'edit-context' };
}

/**
 * Reads the current selection of `doc`, following focus into same-origin iframes and open shadow roots.
 * Password, payment and code fields are refused before their value is read; selected card numbers never leave the page.
 */
export function captureSelection(doc: Document): CapturedSelection | SelectionError {
  const context = deepestFocusContext(doc);
  if (context.active) {
    const field = classifyTextField(context.active);
    if (field.kind === 'refused') return field.error;
    if (field.kind === 'text-field') return captureTextField(field.field, context.doc);
    if (editContextOf(context.active)) return captureEditContext(context.active as HTMLElement);
  }
  return captureRange(context);
}
