import { captureSelection, forgetAnchor } from '@/lib/editing';

// Injected on demand into the frame the user right-clicked; returns the selected text with its line breaks.
export default defineUnlistedScript(() => {
  const captured = captureSelection(document);
  if (!captured.ok) return { ok: false as const, code: captured.code };
  forgetAnchor(captured.anchorId);
  return { ok: true as const, text: captured.text };
});
