import { captureSelection, insertBelow, replaceSelection } from '@/lib/editing';

// Injected on demand into the frame with the selection. Each injection re-runs this file, so the first copy is kept
// on the isolated world's global: it holds the remembered selections that Replace needs later.
export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as { tacitEditing?: unknown };
  scope.tacitEditing ??= {
    capture: () => captureSelection(document),
    replace: (anchorId: string, text: string) => replaceSelection(anchorId, text),
    insertBelow: (anchorId: string, text: string) => insertBelow(anchorId, text),
  };
  return true;
});
