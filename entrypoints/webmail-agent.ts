import { insertReply } from '@/lib/page/webmail/insert-reply';
import { installAgent } from '@/lib/page/install-agent';

// Injected on demand into the webmail tab; the background then calls the agent's insert with the draft.
export default defineUnlistedScript(() => {
  installAgent('webmail', () => ({
    insert: (text, expectedSubject) => insertReply(document, text, { expectedSubject }),
  }));
  return true;
});
