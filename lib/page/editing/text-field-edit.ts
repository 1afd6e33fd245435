/** Replaces or inserts text in an input or textarea, through the undoable editing command when the browser has it. */

import type { TextField, TextFieldAnchor } from './anchor-registry';
import { dispatchInputEvent, execInsertText } from './editing-commands';
import type { EditMethod, EditingError } from './types';
import { editingError } from './editing-error';
import { isInput } from './text-field-kind';

/** Where the original text is now: its remembered offsets, or its only occurrence if text was typed before it. */
export function locateOriginal(anchor: TextFieldAnchor): { start: number; end: number } | null {
  const value = anchor.field.value;
  if (value.slice(anchor.start, anchor.end) === anchor.original) return { start: anchor.start, end: anchor.end };
  const at = value.indexOf(anchor.original);
  if (at < 0 || value.indexOf(anchor.original, at + 1) >= 0) return null;
  return { start: at, end: at + anchor.original.length };
}

/** Single-line inputs drop line breaks, so they are turned into spaces first. */
export function fitToField(field: TextField, text: string): string {
  return isInput(field) ? text.replace(/[ \t]*\r?\n\s*/g, ' ') : text;
}

function trySetSelection(field: TextField, start: number, end: number): boolean {
  try {
    field.setSelectionRange(start, end);
    return true;
  } catch {
    // Email inputs throw: the caller then selects the whole value instead.
    return false;
  }
}

/** Sets the value through the prototype's setter, which React-style value trackers do not intercept. */
function setValueLikeUser(field: TextField, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set;
  if (setter) setter.call(field, value);
  else field.value = value;
}

function editDirectly(field: TextField, start: number, end: number, text: string): void {
  try {
    field.setRangeText(text, start, end, 'end');
  } catch {
    // Email inputs reject setRangeText; rebuild the whole value instead.
    const value = field.value;
    setValueLikeUser(field, value.slice(0, start) + text + value.slice(end));
  }
  dispatchInputEvent(field, 'insertReplacementText', text);
}

/** Puts `text` in place of [start, end); returns how it got there. */
export function writeIntoField(field: TextField, start: number, end: number, text: string): EditMethod | EditingError {
  const before = field.value;
  if (before.slice(start, end) === text) return 'exec-command';
  field.focus({ preventScroll: true });
  let commandText = text;
  if (!trySetSelection(field, start, end)) {
    // No selection API (email inputs): select everything and type the whole new value.
    field.select();
    commandText = before.slice(0, start) + text + before.slice(end);
  }
  if (execInsertText(field.ownerDocument, commandText) && field.value !== before) return 'exec-command';
  try {
    editDirectly(field, start, end, text);
  } catch {
    return editingError('replace-failed');
  }
  return field.value === before ? editingError('replace-failed') : 'direct';
}

/** Text to insert after the selection so the result starts on a line of its own (a space in single-line inputs). */
export function textBelowInField(field: TextField, end: number, text: string): string {
  if (isInput(field)) return ' ' + fitToField(field, text);
  const value = field.value;
  const before = value[end - 1] === '\n' ? '' : '\n';
  const after = end < value.length && value[end] !== '\n' ? '\n' : '';
  return before + text + after;
}
