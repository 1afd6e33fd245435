import { captureSelection } from '@/lib/page/editing/capture-selection';
import { insertBelow, replaceSelection } from '@/lib/page/editing/replace-selection';
import { installAgent } from '@/lib/page/install-agent';

// Injected on demand into the frame with the selection; the agent keeps the remembered selections Replace needs later.
export default defineUnlistedScript(() => {
  installAgent('editing', () => ({
    capture: () => captureSelection(document),
    replace: (anchorId, text) => replaceSelection(anchorId, text),
    insertBelow: (anchorId, text) => insertBelow(anchorId, text),
  }));
  return true;
});
