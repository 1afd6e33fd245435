import { render } from 'preact';
import { SidePanelApp } from '@/components/SidePanelApp';
import { PanelController } from '@/lib/panel/panel-controller';
import type { PanelDeps } from '@/lib/panel/panel-deps';
import { PORT_PANEL, PORT_TASK } from '@/lib/protocol/messages';
import { connectPort } from '@/lib/protocol/ports';
import { sendRequest } from '@/lib/protocol/requests';
import { watchTab } from '@/lib/platform/watch-tab';
import { observeNetwork } from '@/lib/platform/network-observer';
import { diagnosticsReporter } from '@/lib/protocol/diagnostics';
import { errorName } from '@/lib/core/diagnostics';
import { renderMarkdownSafely, safeMarkdown } from '@/lib/render/markdown';
import { MarkdownStream } from '@/lib/render/markdown-stream';
import { RenderedBlocks } from '@/lib/render/rendered-blocks';
import {
  draftOptions,
  lastCustomInstruction,
  lastRewriteStyle,
  summaryOptions,
  taskModels,
} from '@/lib/settings/settings';

const recordDiagnostic = diagnosticsReporter('panel');
// The privacy ledger: every request this page makes (host, path, bytes, time) goes to the background's record.
observeNetwork('panel', (entries) => void sendRequest('ledger/record', { entries }).catch(() => undefined));

/** The panel's controllers over the real browser: runtime ports and messages, storage, permissions. */
const deps: PanelDeps = {
  openTaskPort: () => connectPort(PORT_TASK),
  openHubPort: () => connectPort(PORT_PANEL),
  sendRequest,
  // Docked in the browser's side panel (no tab of its own), or opened as a page in a tab or window.
  placement: async () => {
    const [window, tab] = await Promise.all([browser.windows.getCurrent(), browser.tabs.getCurrent()]);
    return { windowId: window.id ?? -1, docked: tab === undefined };
  },
  requestSiteAccess: (origin) =>
    browser.permissions.request({ origins: [origin] }).catch((error: unknown) => {
      recordDiagnostic('permission-request-failed', { error: errorName(error) });
      return false;
    }),
  watchTab,
  settings: { summaryOptions, draftOptions, lastRewriteStyle, lastCustomInstruction, taskModels },
  recordDiagnostic,
};

document.documentElement.lang = browser.i18n.getUILanguage();
// Test builds let e2e tests render Markdown the one-shot way in this page, to compare with what streamed.
if (import.meta.env.MODE === 'e2e') {
  Object.assign(globalThis, { tacitRender: { renderMarkdownSafely, safeMarkdown, MarkdownStream, RenderedBlocks } });
}
render(<SidePanelApp panel={new PanelController(deps)} />, document.getElementById('app')!);
