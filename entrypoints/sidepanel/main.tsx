import { render } from 'preact';
import { SidePanelApp } from '@/components/SidePanelApp';
import { PanelController } from '@/lib/panel/panel-controller';
import type { PanelDeps } from '@/lib/panel/panel-deps';
import { PORT_PANEL, PORT_TASK } from '@/lib/protocol/messages';
import { connectPort } from '@/lib/protocol/ports';
import { sendRequest } from '@/lib/protocol/requests';
import { watchTab } from '@/lib/platform/watch-tab';
import {
  draftOptions,
  lastCustomInstruction,
  lastRewriteStyle,
  summaryOptions,
  taskModels,
} from '@/lib/settings/settings';

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
  requestSiteAccess: (origin) => browser.permissions.request({ origins: [origin] }).catch(() => false),
  watchTab,
  settings: { summaryOptions, draftOptions, lastRewriteStyle, lastCustomInstruction, taskModels },
};

document.documentElement.lang = browser.i18n.getUILanguage();
render(<SidePanelApp panel={new PanelController(deps)} />, document.getElementById('app')!);
