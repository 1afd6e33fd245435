import { insertReply } from '@/lib/page/webmail/insert-reply';
import { readSelectedMessage } from '@/lib/page/webmail/read-open-thread';
import { installAgent } from '@/lib/page/install-agent';

// Injected on demand into the webmail tab; the background then calls the agent's methods.
export default defineUnlistedScript(() => {
  installAgent('webmail', () => ({
    insert: (text, expected) => insertReply(document, text, { expected }),
    readSelection: () => readSelectedMessage(document),
  }));
  return true;
});
