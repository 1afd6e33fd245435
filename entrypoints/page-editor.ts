import { captureSelection } from '@/lib/page/editing/capture-selection';
import { insertBelow, replaceSelection } from '@/lib/page/editing/replace-selection';
import { installAgent } from '@/lib/page/install-agent';
import { insertReply } from '@/lib/page/webmail/insert-reply';
import { readConversation, readOpenThread } from '@/lib/page/webmail/read-open-thread';
import { readSelectedMessage } from '@/lib/page/webmail/read-selected-message';

// Injected once per frame, on first edit or reply, or to read a known mail client's conversation; the background then
// calls its agents (lib/background/tab-scripts).
export default defineUnlistedScript(() => {
  installAgent('editing', () => ({
    capture: () => captureSelection(document),
    replace: (anchorId, text) => replaceSelection(anchorId, text),
    insertBelow: (anchorId, text) => insertBelow(anchorId, text),
  }));
  installAgent('webmail', () => ({
    insert: (text, expected) => insertReply(document, text, { expected }),
    readSelection: () => readSelectedMessage(document),
    readThread: () => readOpenThread(document),
    readConversation: () => readConversation(document),
  }));
  return true;
});
