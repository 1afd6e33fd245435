/**
 * Selections in EditContext hosts (Monaco's default input): the editor keeps its text and selection in an EditContext,
 * not in the DOM, so the page selection is empty. Tacit reads the EditContext and writes as the browser's text input
 * does, with a textupdate event the editor applies to its model (and its undo).
 */

import type { EditContextAnchor } from './anchor-registry';
import { execEditingCommand, offerPasteToEditor, pressUndoShortcut } from './editing-commands';
import { editingError } from './editing-error';
import { editorSettled } from './editor-sync';
import { textSignature } from './paragraphs';
import type { EditingError } from './types';

/** The part of the EditContext API Tacit uses (not yet in TypeScript's DOM types). */
interface EditContextLike extends EventTarget {
  readonly text: string;
  readonly selectionStart: number;
  readonly selectionEnd: number;
}

type TextUpdateEventConstructor = new (
  type: 'textupdate',
  init: {
    text: string;
    updateRangeStart: number;
    updateRangeEnd: number;
    selectionStart: number;
    selectionEnd: number;
  },
) => Event;

/** How long the editor gets to show an edit in its EditContext (it updates it on its next render). */
const EDITOR_GRACE_MS = 300;

/** Types `text` in place of [start, end) as the browser's text input would: the editor applies it as typing. */
function typeAsTextUpdate(
  element: HTMLElement,
  context: EditContextLike,
  start: number,
  end: number,
  text: string,
): boolean {
  const view = element.ownerDocument.defaultView as (Window & { TextUpdateEvent?: TextUpdateEventConstructor }) | null;
  if (!view?.TextUpdateEvent) return false;
  const caret = start + text.length;
  const init = { text, updateRangeStart: start, updateRangeEnd: end, selectionStart: caret, selectionEnd: caret };
  context.dispatchEvent(new view.TextUpdateEvent('textupdate', init));
  return true;
}

/** The element's EditContext, when it is an EditContext host. */
export function editContextOf(element: Element): EditContextLike | null {
  const context = (element as Element & { editContext?: unknown }).editContext;
  if (!context || typeof context !== 'object' || !('text' in context) || !('selectionStart' in context)) return null;
  return context as EditContextLike;
}

/** The selection in an EditContext host as offsets into its text, or null when nothing is selected. */
export function editContextSelection(element: HTMLElement): Omit<EditContextAnchor, 'kind'> | null {
  const context = editContextOf(element);
  if (!context) return null;
  const start = Math.min(context.selectionStart, context.selectionEnd);
  const end = Math.max(context.selectionStart, context.selectionEnd);
  const original = context.text.slice(start, end);
  return original.trim() ? { element, start, end, original } : null;
}

async function textChanged(element: HTMLElement, context: EditContextLike, before: string): Promise<boolean> {
  const view = element.ownerDocument.defaultView;
  if (!view) return context.text !== before;
  const deadline = Date.now() + EDITOR_GRACE_MS;
  while (context.text === before && Date.now() < deadline) await editorSettled(view);
  return context.text !== before;
}

/**
 * Replaces the anchored selection with `text`, or inserts `text` on a new line after it, through the editor's
 * EditContext. The editor must still have that selection: it cannot be moved from outside.
 */
export async function writeIntoEditContext(
  anchor: EditContextAnchor,
  text: string,
  placement: 'replace' | 'below',
): Promise<{ ok: true; end: number; undoSteps: number } | EditingError> {
  const { element, start, end, original } = anchor;
  const context = editContextOf(element);
  if (!context) return editingError('not-editable');
  const selection = editContextSelection(element);
  if (!selection || selection.start !== start || selection.end !== end || selection.original !== original) {
    return editingError('original-changed');
  }
  const before = context.text;
  // Insert below replaces the selection with itself and the result on a new line: one edit, one undo step.
  const insert = placement === 'replace' ? text : `${original}\n${text}`;
  element.focus({ preventScroll: true });
  let undoSteps = 1;
  const pasted = offerPasteToEditor(element, insert, null) && (await textChanged(element, context, before));
  if (!pasted) {
    if (!typeAsTextUpdate(element, context, start, end, insert)) return editingError('replace-failed');
    if (!(await textChanged(element, context, before))) return editingError('replace-failed');
    // Typed text is undone the way the editor undoes typing: Monaco goes word by word.
    undoSteps = Math.max(1, insert.split(/\s+/).filter(Boolean).length);
  }
  // The EditContext holds only the lines around the caret: check the result's last line is there.
  const lastLine = text.trimEnd().split('\n').at(-1) ?? text;
  if (textSignature(context.text).includes(textSignature(lastLine))) {
    return { ok: true, end: start + insert.length, undoSteps };
  }
  for (let step = 0; step < undoSteps; step += 1) {
    if (!pressUndoShortcut(element)) execEditingCommand(element.ownerDocument, 'undo');
  }
  await textChanged(element, context, context.text);
  return editingError(textSignature(context.text) === textSignature(before) ? 'edit-undone' : 'edit-unverified');
}
