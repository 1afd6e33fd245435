/** The browser's editing primitives (execCommand, input events) wrapped so each reports whether it worked. */

type EditingWindow = Window & typeof globalThis;

function windowOf(node: Node): EditingWindow {
  return (node.ownerDocument?.defaultView ?? window) as EditingWindow;
}

/** Runs execCommand('insertText') on the current selection; false when the browser lacks or refuses it. */
export function execInsertText(doc: Document, text: string): boolean {
  if (typeof doc.execCommand !== 'function') return false;
  try {
    // execCommand is deprecated but remains the only way to edit that joins the native undo stack.
    return doc.execCommand('insertText', false, text);
  } catch {
    // Some editors throw from execCommand: the caller falls back to a direct edit.
    return false;
  }
}

/** Tells frameworks (React, Vue, editors) that the value changed when we had to edit the DOM directly. */
export function dispatchInputEvent(target: Element, inputType: string, data: string | null): void {
  const view = windowOf(target);
  target.dispatchEvent(new view.InputEvent('input', { inputType, data, bubbles: true, composed: true }));
}

function plainTextTransfer(view: EditingWindow, text: string): DataTransfer | null {
  try {
    const transfer = new view.DataTransfer();
    transfer.setData('text/plain', text);
    return transfer;
  } catch {
    // No DataTransfer constructor in this window: the text then travels in the event's data.
    return null;
  }
}

function staticRangeOf(view: EditingWindow, range: Range): StaticRange[] | undefined {
  try {
    return [new view.StaticRange(range)];
  } catch {
    // No StaticRange constructor in this window: the event goes without target ranges.
    return undefined;
  }
}

/**
 * Offers an edit to a rich editor as a cancelable beforeinput, the way spell-check (insertReplacementText), typing
 * (insertText) or Enter (insertParagraph) reach it. Returns true when a listener cancelled it, i.e. an editor took
 * responsibility for the change.
 */
export function offerInputToEditor(
  host: HTMLElement,
  inputType: 'insertReplacementText' | 'insertText' | 'insertParagraph' | 'historyUndo',
  target: Range | null,
  text: string | null,
): boolean {
  const view = windowOf(host);
  const dataTransfer = text !== null && inputType === 'insertReplacementText' ? plainTextTransfer(view, text) : null;
  const init: InputEventInit = {
    inputType,
    // Per Input Events, rich hosts carry replacement text in dataTransfer and leave data null.
    data: dataTransfer ? null : text,
    bubbles: true,
    cancelable: true,
    composed: true,
  };
  if (dataTransfer) init.dataTransfer = dataTransfer;
  const targetRanges = target ? staticRangeOf(view, target) : undefined;
  if (targetRanges) init.targetRanges = targetRanges;
  return !host.dispatchEvent(new view.InputEvent('beforeinput', init));
}

/** Offers the replacement to a rich editor the way spell-check does; true when an editor took it. */
export function offerReplacementToEditor(host: HTMLElement, target: Range, text: string): boolean {
  return offerInputToEditor(host, 'insertReplacementText', target, text);
}

/**
 * Offers text as a paste at the editor's selection: every rich editor parses a paste into its own paragraphs and
 * list items as one undoable step. True when a listener cancelled it (an unhandled synthetic paste does nothing).
 */
export function offerPasteToEditor(target: Element, plain: string, html: string | null): boolean {
  const view = windowOf(target);
  const transfer = plainTextTransfer(view, plain);
  if (!transfer) return false;
  if (html !== null) transfer.setData('text/html', html);
  const paste = new view.ClipboardEvent('paste', {
    clipboardData: transfer,
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  return !target.dispatchEvent(paste);
}

/**
 * Offers text as the beforeinput of a paste (insertFromPaste), for editors that take pastes only that way (Trix).
 * Returns whether a listener cancelled it; some editors apply it without cancelling, so callers also watch the DOM.
 */
export function offerPasteInputToEditor(host: HTMLElement, target: Range, plain: string, html: string | null): boolean {
  const view = windowOf(host);
  const dataTransfer = plainTextTransfer(view, plain);
  if (!dataTransfer) return false;
  if (html !== null) dataTransfer.setData('text/html', html);
  const init: InputEventInit = {
    inputType: 'insertFromPaste',
    data: null,
    dataTransfer,
    bubbles: true,
    cancelable: true,
    composed: true,
  };
  const targetRanges = staticRangeOf(view, target);
  if (targetRanges) init.targetRanges = targetRanges;
  return !host.dispatchEvent(new view.InputEvent('beforeinput', init));
}

/** Runs an editing command (insertParagraph, undo) on the current selection; false when the browser refuses it. */
export function execEditingCommand(doc: Document, command: 'insertParagraph' | 'undo'): boolean {
  if (typeof doc.execCommand !== 'function') return false;
  try {
    return doc.execCommand(command, false);
  } catch {
    // Some editors throw from execCommand: the caller treats it as refused.
    return false;
  }
}

/** Presses the platform's undo shortcut in the editor (Ctrl+Z, ⌘Z on a Mac); true when a listener handled it. */
export function pressUndoShortcut(host: HTMLElement): boolean {
  const view = windowOf(host);
  const mac = /Mac|iPhone|iPad/.test(view.navigator.platform);
  const init = { key: 'z', code: 'KeyZ', keyCode: 90, which: 90, ctrlKey: !mac, metaKey: mac };
  const down = new view.KeyboardEvent('keydown', { ...init, bubbles: true, cancelable: true, composed: true });
  const handled = !host.dispatchEvent(down);
  host.dispatchEvent(new view.KeyboardEvent('keyup', { ...init, bubbles: true, composed: true }));
  return handled;
}

/** Resolves true once the host's text differs from `before`, or false after `timeoutMs` without a change. */
export function waitForTextChange(host: HTMLElement, before: string, timeoutMs: number): Promise<boolean> {
  if (host.textContent !== before) return Promise.resolve(true);
  const view = windowOf(host);
  return new Promise((resolve) => {
    const observer = new view.MutationObserver(() => {
      if (host.textContent === before) return;
      finish(true);
    });
    const timer = view.setTimeout(() => finish(host.textContent !== before), timeoutMs);
    function finish(changed: boolean): void {
      observer.disconnect();
      view.clearTimeout(timer);
      resolve(changed);
    }
    observer.observe(host, { childList: true, characterData: true, subtree: true });
  });
}

/** Resolves once the host has had no DOM changes for `quietMs` (editors that render in several passes), or after `maxMs`. */
export function waitForQuiet(host: HTMLElement, quietMs: number, maxMs: number): Promise<void> {
  const view = windowOf(host);
  return new Promise((resolve) => {
    let quiet = view.setTimeout(finish, quietMs);
    const limit = view.setTimeout(finish, maxMs);
    const observer = new view.MutationObserver(() => {
      view.clearTimeout(quiet);
      quiet = view.setTimeout(finish, quietMs);
    });
    function finish(): void {
      observer.disconnect();
      view.clearTimeout(quiet);
      view.clearTimeout(limit);
      resolve();
    }
    observer.observe(host, { childList: true, characterData: true, subtree: true });
  });
}

/** Resolves true on the host's next DOM change (a paragraph break changes no text), or false after `timeoutMs`. */
export function waitForDomChange(host: HTMLElement, timeoutMs: number): Promise<boolean> {
  const view = windowOf(host);
  return new Promise((resolve) => {
    const observer = new view.MutationObserver(() => finish(true));
    const timer = view.setTimeout(() => finish(false), timeoutMs);
    function finish(changed: boolean): void {
      observer.disconnect();
      view.clearTimeout(timer);
      resolve(changed);
    }
    observer.observe(host, { childList: true, characterData: true, subtree: true });
  });
}
