/** Reads the user's selection in a document for summarizing: the text with its line breaks, and its language. */
import { forgetAnchor } from './anchor-registry';
import { captureSelection } from './capture-selection';
import type { SelectionRead } from './types';

export function readSelection(doc: Document): SelectionRead {
  const captured = captureSelection(doc);
  // A refused field or a selected card number keeps its kind, so the panel can say why.
  if (!captured.ok) return captured;
  // Summarizing never writes back: the place of the selection is not kept.
  forgetAnchor(captured.anchorId);
  // The language of the text: the nearest lang attribute around the selection, else the page's.
  const node = doc.getSelection()?.anchorNode;
  const element = node instanceof Element ? node : node?.parentElement;
  const lang = element?.closest('[lang]')?.getAttribute('lang') || doc.documentElement.lang || undefined;
  return lang ? { ok: true, text: captured.text, lang } : { ok: true, text: captured.text };
}
