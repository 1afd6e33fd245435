import { readSelection } from '@/lib/page/editing/read-selection';
import { extractPage } from '@/lib/page/extract/extract-page';
import { installAgent } from '@/lib/page/install-agent';
import { readPageUnlessMail, readThreadUnlessMail } from '@/lib/page/webmail/page-or-thread';

// Injected once per frame, on first read; the background then calls the agent it installs (lib/background/tab-scripts).
// Reading comes without the editing code and the mail clients' adapters (entrypoints/page-editor.ts), so a first read
// parses and compiles less. It carries no V8 compile hint (`//# allFunctionsCalledOnLoad`): an injected script is not
// streamed, so the hint only makes the page's main thread compile every function, used or not, before the read starts.
// Also measured and not taken (fresh tabs, 50 pages): a page-only script without the selection and thread readers
// (11 KB less) read 1 ms faster, within noise; the reader as a module loaded by import() from a web-accessible file
// reads 12 ms faster (Chrome's code cache spares compiling it), but the import takes 26-31 ms (15 for a tiny module),
// so a first read is no faster.
export default defineUnlistedScript(() => {
  installAgent('reader', () => ({
    readPage: () => readPageUnlessMail(document),
    readText: () => extractPage(document),
    readSelection: () => readSelection(document),
    readThread: () => readThreadUnlessMail(document),
  }));
  return true;
});
