import { insertReply } from '@/lib/webmail';

// Injected on demand into the webmail tab; the background then calls tacitWebmail.insert with the draft.
export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as { tacitWebmail?: unknown };
  scope.tacitWebmail ??= {
    insert: (text: string, expectedSubject: string) => insertReply(document, text, { expectedSubject }),
  };
  return true;
});
