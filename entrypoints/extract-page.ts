import { toMessageSafe } from '@/lib/extract/message-safe';
import { extractPageOrThread } from '@/lib/webmail/page-or-thread';

// Injected on demand with scripting.executeScript; its return value is the extraction result.
export default defineUnlistedScript(() => toMessageSafe(extractPageOrThread(document)));
