import { readSelection } from '@/lib/page/editing/read-selection';
import { installAgent } from '@/lib/page/install-agent';
import { readPageOrThread } from '@/lib/page/webmail/page-or-thread';
import { readOpenThread } from '@/lib/page/webmail/read-open-thread';

// Injected once per frame, on first read; the background then calls the agent it installs (lib/background/tab-scripts).
// Reading comes without the editing code (entrypoints/page-editor.ts), so a first read parses and compiles less.
export default defineUnlistedScript(() => {
  installAgent('reader', () => ({
    readPage: () => readPageOrThread(document),
    readSelection: () => readSelection(document),
    readThread: () => readOpenThread(document),
  }));
  return true;
});
