import { captureSelection } from '@/lib/page/editing/capture-selection';
import { readSelection } from '@/lib/page/editing/read-selection';
import { insertBelow, replaceSelection } from '@/lib/page/editing/replace-selection';
import { installAgent } from '@/lib/page/install-agent';
import { insertReply } from '@/lib/page/webmail/insert-reply';
import { readPageOrThread } from '@/lib/page/webmail/page-or-thread';
import { readOpenThread, readSelectedMessage } from '@/lib/page/webmail/read-open-thread';

// Injected once per frame, on first use; the background then calls the agents it installs (lib/background/tab-scripts).
export default defineUnlistedScript(() => {
  installAgent('reader', () => ({
    readPage: () => readPageOrThread(document),
    readSelection: () => readSelection(document),
    readThread: () => readOpenThread(document),
  }));
  installAgent('editing', () => ({
    capture: () => captureSelection(document),
    replace: (anchorId, text) => replaceSelection(anchorId, text),
    insertBelow: (anchorId, text) => insertBelow(anchorId, text),
  }));
  installAgent('webmail', () => ({
    insert: (text, expected) => insertReply(document, text, { expected }),
    readSelection: () => readSelectedMessage(document),
  }));
  return true;
});
