import { readOpenThread } from '@/lib/webmail';

// Injected on demand with scripting.executeScript; its return value is the open conversation (plain JSON).
export default defineUnlistedScript(() => readOpenThread(document));
