import { extractPage } from '@/lib/extract';
import { toMessageSafe } from '@/lib/extract/message-safe';

// Injected on demand with scripting.executeScript; its return value is the extraction result.
export default defineUnlistedScript(() => toMessageSafe(extractPage(document)));
