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
 * Offers the replacement to a rich editor the way spell-check does (beforeinput insertReplacementText).
 * Returns true when a listener cancelled it, i.e. an editor took responsibility for the change.
 */
export function offerReplacementToEditor(host: HTMLElement, target: Range, text: string): boolean {
  const view = windowOf(host);
  const dataTransfer = plainTextTransfer(view, text);
  const init: InputEventInit = {
    inputType: 'insertReplacementText',
    // Per Input Events, rich hosts carry the text in dataTransfer and leave data null.
    data: dataTransfer ? null : text,
    bubbles: true,
    cancelable: true,
    composed: true,
  };
  if (dataTransfer) init.dataTransfer = dataTransfer;
  const targetRanges = staticRangeOf(view, target);
  if (targetRanges) init.targetRanges = targetRanges;
  return !host.dispatchEvent(new view.InputEvent('beforeinput', init));
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
