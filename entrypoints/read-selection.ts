import { captureSelection } from '@/lib/page/editing/capture-selection';
import { forgetAnchor } from '@/lib/page/editing/anchor-registry';

// Injected on demand into the frame the user right-clicked; returns the selected text with its line breaks.
export default defineUnlistedScript(() => {
  const captured = captureSelection(document);
  if (!captured.ok) return captured;
  forgetAnchor(captured.anchorId);
  // The language of the text: the nearest lang attribute around the selection, else the page's.
  const node = getSelection()?.anchorNode;
  const element = node instanceof Element ? node : node?.parentElement;
  const lang = element?.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || undefined;
  return { ok: true as const, text: captured.text, lang };
});
