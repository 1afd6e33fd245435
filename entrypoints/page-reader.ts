import { readSelection } from '@/lib/page/editing/read-selection';
import { extractPage } from '@/lib/page/extract/extract-page';
import { installAgent } from '@/lib/page/install-agent';
import { readPageUnlessMail, readThreadUnlessMail } from '@/lib/page/webmail/page-or-thread';

// Injected once per frame, on first read; the background then calls the agent it installs (lib/background/tab-scripts).
// Reading comes without the editing code and the mail clients' adapters (entrypoints/page-editor.ts), so a first read
// parses and compiles less. It carries no V8 compile hint (`//# allFunctionsCalledOnLoad`): an injected script is not
// streamed, so the hint only makes the page's main thread compile every function, used or not, before the read starts.
export default defineUnlistedScript(() => {
  installAgent('reader', () => ({
    readPage: () => readPageUnlessMail(document),
    readText: () => extractPage(document),
    readSelection: () => readSelection(document),
    readThread: () => readThreadUnlessMail(document),
  }));
  return true;
});
