import { extractPageOrThread } from '@/lib/page/webmail/page-or-thread';

// Injected on demand with scripting.executeScript; its return value (plain data) is the extraction result.
export default defineUnlistedScript(() => extractPageOrThread(document));
