import { callInstalledAgent } from '@/lib/page/install-agent';

// Injected with page-editor.js on a frame's first read of a mail conversation to summarize, in the same injection: the read comes
// back without a second round trip (lib/background/tab-scripts/call-agent.ts).
export default defineUnlistedScript(() => callInstalledAgent('webmail', 'readConversation'));
