/**
 * Offscreen hooks that exist only in test builds (mode "e2e"), reached only behind `import.meta.env.MODE === 'e2e'`,
 * so none of it ships to users (tests/unit/build-output checks).
 */
import { browser } from 'wxt/browser';
import type { ScriptedLogEntry } from '../protocol/messages';
import { trustedSender } from '../protocol/requests';

/** Lets e2e tests read what the scripted engine was asked, and which models were loaded and evicted. */
export function answerScriptedLogRequests(
  readLog: () => Promise<ScriptedLogEntry[]>,
  readResidency: () => Promise<Array<{ event: 'load' | 'unload'; modelId: string }>>,
): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const request = message as { tacit?: number; to?: string; type?: string };
    if (request?.tacit !== 1 || request.to !== 'offscreen' || trustedSender(sender) !== 'extension-page')
      return undefined;
    if (request.type === 'test/scripted-log') return readLog();
    if (request.type === 'test/residency-log') return readResidency();
    return undefined;
  });
}
