import { readOpenThread } from '@/lib/page/webmail/read-open-thread';

// Injected on demand with scripting.executeScript; its return value is the open conversation (plain JSON).
export default defineUnlistedScript(() => readOpenThread(document));
