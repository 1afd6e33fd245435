import { toMessageSafe } from '@/lib/page/extract/message-safe';
import { extractPageOrThread } from '@/lib/page/webmail/page-or-thread';

// Injected on demand with scripting.executeScript; its return value is the extraction result.
export default defineUnlistedScript(() => toMessageSafe(extractPageOrThread(document)));
