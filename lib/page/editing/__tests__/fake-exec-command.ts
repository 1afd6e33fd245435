/** Stands in for Chromium's execCommand('insertText') in happy-dom, which has none, to exercise the browser path. */

import { vi } from 'vitest';

function insertIntoFocusedField(doc: Document, text: string): boolean {
  const field = doc.activeElement as HTMLInputElement | HTMLTextAreaElement | null;
  if (!field || (field.nodeName !== 'INPUT' && field.nodeName !== 'TEXTAREA')) return false;
  field.setRangeText(text, field.selectionStart ?? 0, field.selectionEnd ?? 0, 'end');
  field.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: text, bubbles: true }));
  return true;
}

function insertIntoSelection(doc: Document, text: string): boolean {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0) return false;
  const range = selection.getRangeAt(0);
  range.deleteContents();
  const node = doc.createTextNode(text);
  range.insertNode(node);
  return true;
}

/** Installs a fake execCommand on `doc` and returns its spy. */
export function installFakeExecCommand(doc: Document = document) {
  const execCommand = vi.fn((command: string, _showUi?: boolean, text?: string): boolean => {
    if (command !== 'insertText' || text === undefined) return false;
    return insertIntoFocusedField(doc, text) || insertIntoSelection(doc, text);
  });
  Object.defineProperty(doc, 'execCommand', { value: execCommand, configurable: true, writable: true });
  return execCommand;
}

export function removeFakeExecCommand(doc: Document = document): void {
  Reflect.deleteProperty(doc, 'execCommand');
}
