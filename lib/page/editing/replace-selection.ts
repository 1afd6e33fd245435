/** Puts a result back where a captured selection was: in place of it, or on new lines below it. */

import {
  lookUpAnchor,
  updateAnchor,
  type RichTextAnchor,
  type SelectionAnchor,
  type TextFieldAnchor,
} from './anchor-registry';
import type { EditMethod, EditingError, ReplaceResult } from './types';
import { editingError } from './editing-error';
import { editingHostOfRange } from './editing-host';
import { rangeAtTextOffsets, textOffsetIn } from './range-text';
import { textBelowInRichText, writeIntoRichText } from './rich-text-edit';
import { fitToField, locateOriginal, textBelowInField, writeIntoField } from './text-field-edit';
import { isFieldEditable } from './text-field-kind';

type Placement = 'replace' | 'below';

function isConnected(node: Node): boolean {
  return node.isConnected && node.ownerDocument?.defaultView != null;
}

/** The anchor if it still points into a live page, else the error that explains why not. */
function liveAnchor(anchorId: string): SelectionAnchor | EditingError {
  const anchor = lookUpAnchor(anchorId);
  if (!anchor) return editingError('anchor-lost');
  if (anchor.kind === 'text-field') return isConnected(anchor.field) ? anchor : editingError('anchor-lost');
  const { startContainer, endContainer } = anchor.range;
  if (!isConnected(startContainer) || !isConnected(endContainer)) return editingError('anchor-lost');
  if (anchor.kind === 'rich-text' && !isConnected(anchor.host)) return editingError('anchor-lost');
  return anchor;
}

function placeInField(anchorId: string, anchor: TextFieldAnchor, text: string, placement: Placement): ReplaceResult {
  const { field } = anchor;
  if (!isFieldEditable(field)) return editingError('not-editable');
  const located = locateOriginal(anchor);
  if (!located) return editingError('original-changed');
  const { start, end } = located;
  const lengthBefore = field.value.length;
  const method =
    placement === 'replace'
      ? writeIntoField(field, start, end, fitToField(field, text))
      : writeIntoField(field, end, end, textBelowInField(field, end, text));
  if (typeof method !== 'string') return method;
  if (placement === 'replace') {
    const newEnd = end + field.value.length - lengthBefore;
    updateAnchor(anchorId, { ...anchor, start, end: newEnd, original: field.value.slice(start, newEnd) });
  } else {
    updateAnchor(anchorId, { ...anchor, start, end });
  }
  return { ok: true, anchorId, method };
}

async function placeInRichText(
  anchorId: string,
  anchor: RichTextAnchor,
  text: string,
  placement: Placement,
): Promise<ReplaceResult> {
  const host = editingHostOfRange(anchor.range);
  if (!host) return editingError('not-editable');
  if (anchor.range.toString() !== anchor.original) return editingError('original-changed');
  const start = textOffsetIn(host, anchor.range.startContainer, anchor.range.startOffset);
  const lengthBefore = host.textContent?.length ?? 0;
  let method: EditMethod;
  if (placement === 'replace') {
    method = await writeIntoRichText(host, anchor.range, text);
  } else {
    const end = anchor.range.cloneRange();
    end.collapse(false);
    method = await writeIntoRichText(host, end, textBelowInRichText(host, end, text));
  }
  // Re-derive the anchor from text offsets: live ranges drift unpredictably when editors rebuild nodes.
  const grown = (host.textContent?.length ?? 0) - lengthBefore;
  const length = anchor.original.length + (placement === 'replace' ? grown : 0);
  const range = rangeAtTextOffsets(host, start, start + length);
  updateAnchor(anchorId, { kind: 'rich-text', host, range, original: range.toString() });
  return { ok: true, anchorId, method };
}

async function placeText(anchorId: string, text: string, placement: Placement): Promise<ReplaceResult> {
  const anchor = liveAnchor(anchorId);
  if ('code' in anchor) return anchor;
  switch (anchor.kind) {
    case 'text-field':
      return placeInField(anchorId, anchor, text, placement);
    case 'rich-text':
      return placeInRichText(anchorId, anchor, text, placement);
    case 'read-only':
      return editingError('not-editable');
  }
}

/** Replaces the captured selection with `replacement`; refuses if the original text was edited meanwhile. */
export function replaceSelection(anchorId: string, replacement: string): Promise<ReplaceResult> {
  return placeText(anchorId, replacement, 'replace');
}

/** Inserts `text` on new line(s) after the captured selection, leaving the selection itself untouched. */
export function insertBelow(anchorId: string, text: string): Promise<ReplaceResult> {
  return placeText(anchorId, text, 'below');
}
