/** Replaces a Range in a contenteditable host: editor first, then the undoable command, then raw DOM as a last resort. */

import { dispatchInputEvent, execInsertText, offerReplacementToEditor, waitForTextChange } from './editing-commands';
import type { EditMethod } from './types';
import { isPlainTextOnly } from './editing-host';
import { selectRange } from './focus-context';
import { plainTextOf } from './range-text';

/** How long an editor that cancelled our beforeinput gets to show its change before we edit ourselves. */
const EDITOR_GRACE_MS = 150;

function textWithLineBreaks(doc: Document, host: HTMLElement, text: string): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  if (isPlainTextOnly(host)) {
    fragment.append(doc.createTextNode(text));
    return fragment;
  }
  text.split(/\r?\n/).forEach((line, index) => {
    if (index > 0) fragment.append(doc.createElement('br'));
    if (line) fragment.append(doc.createTextNode(line));
  });
  return fragment;
}

/** Last resort when execCommand is missing or ignored: no native undo, but the page and its framework see the text. */
function replaceRangeDirectly(host: HTMLElement, target: Range, text: string): void {
  const doc = host.ownerDocument;
  const fragment = textWithLineBreaks(doc, host, text);
  const last = fragment.lastChild;
  target.deleteContents();
  target.insertNode(fragment);
  if (last) {
    const caret = doc.createRange();
    caret.setStartAfter(last);
    caret.collapse(true);
    selectRange(doc, caret);
  }
  dispatchInputEvent(host, 'insertReplacementText', text);
}

/**
 * Puts `text` in place of `target` (collapsed to insert), keeping the change undoable where the browser allows.
 * Async because editors such as Lexical or Slate apply a cancelled beforeinput on their next render.
 */
export async function writeIntoRichText(host: HTMLElement, target: Range, text: string): Promise<EditMethod> {
  const doc = host.ownerDocument;
  const before = host.textContent ?? '';
  const targetText = target.toString();
  host.focus({ preventScroll: true });
  selectRange(doc, target);
  if (offerReplacementToEditor(host, target, text)) {
    if (await waitForTextChange(host, before, EDITOR_GRACE_MS)) return 'editor';
    selectRange(doc, target);
  }
  if (execInsertText(doc, text) && (host.textContent !== before || text === targetText)) return 'exec-command';
  replaceRangeDirectly(host, target, text);
  return 'direct';
}

/** Text to insert at the selection end so the result sits on line(s) of its own, before any text that followed. */
export function textBelowInRichText(host: HTMLElement, end: Range, text: string): string {
  const rest = end.cloneRange();
  rest.setEnd(host, host.childNodes.length);
  const restOfLine = plainTextOf(rest, { keepLeadingBreaks: true }).split('\n')[0] ?? '';
  return '\n' + text + (restOfLine.trim() ? '\n' : '');
}
