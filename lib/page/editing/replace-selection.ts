/** Puts a result back where a captured selection was: in place of it, or on new lines below it. */

import {
  lookUpAnchor,
  updateAnchor,
  type EditContextAnchor,
  type RichTextAnchor,
  type SelectionAnchor,
  type TextFieldAnchor,
} from './anchor-registry';
import type { EditingError, ReplaceResult } from './types';
import { writeIntoEditContext } from './edit-context-edit';
import { waitForQuiet } from './editing-commands';
import { editingError } from './editing-error';
import { editingHostOfRange } from './editing-host';
import { editLandedAsIntended, textSignature } from './paragraphs';
import { plainTextOf, rangeAtTextOffsets, textOffsetIn } from './range-text';
import { textBelowInRichText, undoRichTextWrite, writeIntoRichText } from './rich-text-edit';
import { fitToField, locateOriginal, textBelowInField, writeIntoField } from './text-field-edit';
import { isFieldEditable } from './text-field-kind';

type Placement = 'replace' | 'below';

/** An edit is checked once the editor's DOM has been still this long (some render in passes), or after the maximum. */
const QUIET_MS = 50;
const MAX_SETTLE_MS = 600;

function isConnected(node: Node): boolean {
  return node.isConnected && node.ownerDocument?.defaultView != null;
}

/** The anchor if it still points into a live page, else the error that explains why not. */
function liveAnchor(anchorId: string): SelectionAnchor | EditingError {
  const anchor = lookUpAnchor(anchorId);
  if (!anchor) return editingError('anchor-lost');
  if (anchor.kind === 'text-field') return isConnected(anchor.field) ? anchor : editingError('anchor-lost');
  if (anchor.kind === 'edit-context') return isConnected(anchor.element) ? anchor : editingError('anchor-lost');
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
  return { ok: true, anchorId, method, undoSteps: 1 };
}

/** The host's text before and after `range`, as the user sees it, to check an edit there afterwards. */
function textAround(host: HTMLElement, range: Range): { prefix: string; suffix: string } {
  const prefix = host.ownerDocument.createRange();
  prefix.setStart(host, 0);
  prefix.setEnd(range.startContainer, range.startOffset);
  const suffix = host.ownerDocument.createRange();
  suffix.setStart(range.endContainer, range.endOffset);
  suffix.setEnd(host, host.childNodes.length);
  return { prefix: plainTextOf(prefix), suffix: plainTextOf(suffix, { keepLeadingBreaks: true }) };
}

function hostText(host: HTMLElement): string {
  const all = host.ownerDocument.createRange();
  all.selectNodeContents(host);
  return plainTextOf(all);
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
  const target = anchor.range.cloneRange();
  if (placement === 'below') target.collapse(false);
  const written = placement === 'replace' ? text : textBelowInRichText(host, target, text);
  const intended = textAround(host, target);
  const before = textSignature(hostText(host));
  const { method, undoSteps } = await writeIntoRichText(host, target, written);
  await waitForQuiet(host, QUIET_MS, MAX_SETTLE_MS);
  if (!editLandedAsIntended(hostText(host), intended, written)) {
    // The editor made something else of it (a lost sentence, a doubled paragraph): take Tacit's change back.
    await undoRichTextWrite(host, undoSteps);
    return editingError(textSignature(hostText(host)) === before ? 'edit-undone' : 'edit-unverified');
  }
  // Re-derive the anchor from text offsets: live ranges drift unpredictably when editors rebuild nodes.
  const grown = (host.textContent?.length ?? 0) - lengthBefore;
  const length = anchor.original.length + (placement === 'replace' ? grown : 0);
  const range = rangeAtTextOffsets(host, start, start + length);
  updateAnchor(anchorId, { kind: 'rich-text', host, range, original: range.toString() });
  return { ok: true, anchorId, method, undoSteps };
}

async function placeInEditContext(
  anchorId: string,
  anchor: EditContextAnchor,
  text: string,
  placement: Placement,
): Promise<ReplaceResult> {
  const written = await writeIntoEditContext(anchor, text, placement);
  if (!written.ok) return written;
  if (placement === 'replace') updateAnchor(anchorId, { ...anchor, end: written.end, original: text });
  return { ok: true, anchorId, method: 'editor', undoSteps: written.undoSteps };
}

async function placeText(anchorId: string, text: string, placement: Placement): Promise<ReplaceResult> {
  const anchor = liveAnchor(anchorId);
  if ('code' in anchor) return anchor;
  switch (anchor.kind) {
    case 'text-field':
      return placeInField(anchorId, anchor, text, placement);
    case 'rich-text':
      return placeInRichText(anchorId, anchor, text, placement);
    case 'edit-context':
      return placeInEditContext(anchorId, anchor, text, placement);
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
