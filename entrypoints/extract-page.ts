import { extractPageOrThread } from '@/lib/page/webmail/page-or-thread';

// Injected on demand with scripting.executeScript; its return value is the extraction result.
export default defineUnlistedScript(() => extractPageOrThread(document));
