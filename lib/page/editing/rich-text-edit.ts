/**
 * Writes into a contenteditable host the way its editor expects: after the editor has taken the selection, one line
 * as a beforeinput it can handle (else the undoable command, else raw DOM), several paragraphs as one paste it parses
 * into its own blocks (else paragraph by paragraph with insertParagraph between).
 */

import {
  dispatchInputEvent,
  execEditingCommand,
  execInsertText,
  offerInputToEditor,
  offerPasteInputToEditor,
  offerPasteToEditor,
  pressUndoShortcut,
  waitForDomChange,
  waitForTextChange,
} from './editing-commands';
import type { EditMethod } from './types';
import { isPlainTextOnly } from './editing-host';
import { editorSettled, selectForEditor } from './editor-sync';
import { selectRange } from './focus-context';
import { paragraphsAsHtml, paragraphsOf } from './paragraphs';
import { plainTextOf } from './range-text';

/**
 * How long an editor that cancelled our event gets to show its change before we edit ourselves. Generous: an editor
 * that cancelled took responsibility, and some (Trix) render on a later frame; editing ourselves too would double it.
 */
const EDITOR_GRACE_MS = 600;

/** Editing hosts of code editors, where every line of the text is a line of the document, blank ones too. */
const CODE_EDITOR_HOSTS = '.cm-content';

/** How long an editor that did not cancel a beforeinput may take to apply it anyway (Trix renders on a frame). */
const LATE_EDITOR_MS = 250;

function idle(view: Window, ms: number): Promise<false> {
  return new Promise((resolve) => view.setTimeout(() => resolve(false), ms));
}

/** Editors whose history keeps each paragraph of a paste as its own undo step (Slate). */
const STEPWISE_UNDO_HOSTS = '[data-slate-editor]';

/** How an edit reached the page, and how many separate changes it took (each may be its own undo step). */
export interface RichTextWrite {
  method: EditMethod;
  undoSteps: number;
}

const METHOD_RANK: Record<EditMethod, number> = { editor: 0, 'exec-command': 1, direct: 2 };

function isCodeHost(host: HTMLElement): boolean {
  return isPlainTextOnly(host) || host.matches(CODE_EDITOR_HOSTS);
}

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

/** Where the editor's caret is now (it moves it itself after each edit), or the end of the host. */
function caretRange(host: HTMLElement): Range {
  const selection = host.ownerDocument.getSelection();
  if (selection && selection.rangeCount > 0 && host.contains(selection.getRangeAt(0).startContainer)) {
    return selection.getRangeAt(0).cloneRange();
  }
  const end = host.ownerDocument.createRange();
  end.selectNodeContents(host);
  end.collapse(false);
  return end;
}

/** Offers one line to the editor as a beforeinput; true once the editor has shown it. */
async function editorTookLine(
  host: HTMLElement,
  target: Range,
  text: string,
  inputType: 'insertReplacementText' | 'insertText',
): Promise<boolean> {
  const before = host.textContent ?? '';
  return offerInputToEditor(host, inputType, target, text) && (await waitForTextChange(host, before, EDITOR_GRACE_MS));
}

/**
 * Text in place of `target` without the editor: the undoable command, then raw DOM. Called in the same task as an
 * uncancelled beforeinput, as the browser would: editors such as Trix pair it with the input that follows.
 */
function writeWithoutEditor(host: HTMLElement, target: Range, text: string): EditMethod {
  const doc = host.ownerDocument;
  const before = host.textContent ?? '';
  if (execInsertText(doc, text) && (host.textContent !== before || text === target.toString())) return 'exec-command';
  replaceRangeDirectly(host, target, text);
  return 'direct';
}

/** One line in place of `target`: the editor first, then the undoable command, then raw DOM. */
async function writeLine(
  host: HTMLElement,
  target: Range,
  text: string,
  inputType: 'insertReplacementText' | 'insertText',
): Promise<EditMethod> {
  const before = host.textContent ?? '';
  if (offerInputToEditor(host, inputType, target, text)) {
    if (await waitForTextChange(host, before, EDITOR_GRACE_MS)) return 'editor';
    await selectForEditor(host.ownerDocument, target);
  }
  return writeWithoutEditor(host, target, text);
}

/**
 * Offers a paragraph break to the editor as its Enter would come. Some editors cancel and apply it, some (Trix) apply
 * an uncancelled one on their next render, others ignore it (Draft.js): it counts as taken when the DOM changed.
 */
async function editorTookBreak(host: HTMLElement, caret: Range): Promise<boolean> {
  const changed = waitForDomChange(host, EDITOR_GRACE_MS);
  const cancelled = offerInputToEditor(host, 'insertParagraph', caret, null);
  const view = host.ownerDocument.defaultView;
  const applied = await Promise.race([
    changed,
    view ? idle(view, cancelled ? EDITOR_GRACE_MS : LATE_EDITOR_MS) : false,
  ]);
  return applied;
}

/**
 * Offers the paste as a beforeinput insertFromPaste; taken when the editor changed the DOM (Trix does, later). Plain
 * text only: Trix, which pastes this way, reads clipboard <p>s as blank lines and line breaks as its paragraphs.
 */
async function editorTookPasteInput(host: HTMLElement, at: Range, plain: string): Promise<boolean> {
  const changed = waitForDomChange(host, EDITOR_GRACE_MS);
  const cancelled = offerPasteInputToEditor(host, at, plain, null);
  const view = host.ownerDocument.defaultView;
  return Promise.race([changed, view ? idle(view, cancelled ? EDITOR_GRACE_MS : LATE_EDITOR_MS) : false]);
}

/** A paragraph break at the caret: the editor's insertParagraph, else the browser's. */
function breakParagraph(host: HTMLElement): EditMethod {
  const doc = host.ownerDocument;
  if (offerInputToEditor(host, 'insertParagraph', caretRange(host), null)) return 'editor';
  if (isPlainTextOnly(host) ? execInsertText(doc, '\n') : execEditingCommand(doc, 'insertParagraph')) {
    return 'exec-command';
  }
  replaceRangeDirectly(host, caretRange(host), '\n');
  return 'direct';
}

/**
 * For editors that take beforeinput but no paste: each paragraph as a line, with insertParagraph between. Null when
 * the editor took no beforeinput at all (nothing changed then): the caller writes the text in one go instead.
 */
async function writeParagraphByParagraph(
  host: HTMLElement,
  target: Range,
  paragraphs: string[],
): Promise<RichTextWrite | null> {
  const view = host.ownerDocument.defaultView;
  const [first = '', ...rest] = paragraphs;
  let method: EditMethod = 'editor';
  let undoSteps = 0;
  const worst = (next: EditMethod) => (METHOD_RANK[next] > METHOD_RANK[method] ? next : method);
  if (first !== '' || !target.collapsed) {
    if (!(await editorTookLine(host, target, first, 'insertReplacementText'))) return null;
    undoSteps += 1;
  }
  for (const paragraph of rest) {
    if (view) await editorSettled(view);
    if (undoSteps > 0) method = worst(breakParagraph(host));
    else if (!offerInputToEditor(host, 'insertParagraph', caretRange(host), null)) return null;
    undoSteps += 1;
    if (paragraph === '') continue;
    if (view) await editorSettled(view);
    method = worst(await writeLine(host, caretRange(host), paragraph, 'insertText'));
    undoSteps += 1;
  }
  if (view) await editorSettled(view);
  return { method, undoSteps };
}

/**
 * Puts `text` in place of `target` (collapsed to insert), keeping the change undoable in the editor's own history
 * where it has one. Async because editors take the selection and apply cancelled events on their next render.
 */
export async function writeIntoRichText(host: HTMLElement, target: Range, text: string): Promise<RichTextWrite> {
  const doc = host.ownerDocument;
  host.focus({ preventScroll: true });
  await selectForEditor(doc, target);
  const code = isCodeHost(host);
  const paragraphs = paragraphsOf(text, code);
  if (paragraphs.length === 1) {
    return { method: await writeLine(host, target, text, 'insertReplacementText'), undoSteps: 1 };
  }
  // Several paragraphs: a leading break as the editor's own Enter, then one paste the editor parses into its blocks,
  // else paragraph by paragraph, else at once as before.
  let rest = paragraphs;
  let undoSteps = 0;
  if (rest[0] === '' && target.collapsed && (await editorTookBreak(host, target))) {
    rest = rest.slice(1);
    undoSteps += 1;
    if (doc.defaultView) await editorSettled(doc.defaultView);
    if (rest.length === 1) {
      const line = await writeLine(host, caretRange(host), rest[0] ?? '', 'insertText');
      return { method: METHOD_RANK[line] > 0 ? line : 'editor', undoSteps: undoSteps + 1 };
    }
  }
  const at = undoSteps > 0 ? caretRange(host) : target;
  const before = host.textContent ?? '';
  const plain = rest.join('\n');
  // Clipboard HTML parsers drop or double an empty first paragraph: a paste that starts with a break goes as plain text.
  const html = code || rest[0] === '' ? null : paragraphsAsHtml(rest);
  if (offerPasteToEditor(host, plain, html)) {
    if (await waitForTextChange(host, before, EDITOR_GRACE_MS)) {
      const stepwise = host.matches(STEPWISE_UNDO_HOSTS) ? rest.length : 1;
      return { method: 'editor', undoSteps: undoSteps + stepwise };
    }
    await selectForEditor(doc, at);
  } else if (await editorTookPasteInput(host, at, plain)) {
    return { method: 'editor', undoSteps: undoSteps + 1 };
  }
  const stepwise = await writeParagraphByParagraph(host, at, rest);
  if (stepwise) return { ...stepwise, undoSteps: undoSteps + stepwise.undoSteps };
  // At once: the text as written, so blank lines stay paragraph breaks and single ones line breaks.
  const remaining = undoSteps > 0 ? text.replace(/^[ \t]*\r?\n/, '') : text;
  return { method: writeWithoutEditor(host, at, remaining), undoSteps: undoSteps + 1 };
}

/**
 * Takes back Tacit's own change, step by step: the editor's undo (beforeinput historyUndo, then its shortcut),
 * else the browser's. Used when the editor's text afterwards is not what was intended.
 */
export async function undoRichTextWrite(host: HTMLElement, undoSteps: number): Promise<void> {
  const doc = host.ownerDocument;
  const view = doc.defaultView;
  host.focus({ preventScroll: true });
  for (let step = 0; step < undoSteps; step += 1) {
    if (!offerInputToEditor(host, 'historyUndo', null, null) && !pressUndoShortcut(host)) {
      execEditingCommand(doc, 'undo');
    }
    if (view) await editorSettled(view);
  }
}

/** Text to insert at the selection end so the result sits on line(s) of its own, before any text that followed. */
export function textBelowInRichText(host: HTMLElement, end: Range, text: string): string {
  const rest = end.cloneRange();
  rest.setEnd(host, host.childNodes.length);
  const restOfLine = plainTextOf(rest, { keepLeadingBreaks: true }).split('\n')[0] ?? '';
  return '\n' + text + (restOfLine.trim() ? '\n' : '');
}
