/**
 * What happens when the user invokes Tacit outside the panel — toolbar button, keyboard shortcut, context menu:
 * open the panel (synchronously, while the click still counts as a user gesture) and hand it the intent.
 */
import { tacitError } from '../messaging/errors';
import type { PanelIntent } from '../messaging/protocol';
import { decideFromMenuClick, SUMMARIZE_SELECTION_MENU_ID, type MenuClickInfo } from './rewrite/menu';

export const COMMAND_SUMMARIZE_PAGE = 'summarize-page';

export interface TriggerTab {
  id?: number;
  windowId?: number;
  url?: string;
}

export interface TriggerDeps {
  /** Must not await before calling sidePanel.open: the gesture would be lost. */
  openPanel(windowId: number): void;
  deliver(windowId: number, intent: PanelIntent): void;
}

export interface Triggers {
  onActionClicked(tab: TriggerTab): void;
  onCommand(command: string, tab?: TriggerTab): void;
  onMenuClicked(info: MenuClickInfo, tab?: TriggerTab): void;
}

/** The context menu items registered today; the rewrite items join when that journey lands. */
export const ACTIVE_MENU_ITEM_IDS = [SUMMARIZE_SELECTION_MENU_ID] as const;

export function createTriggers(deps: TriggerDeps): Triggers {
  const summarizeTab = (tab: TriggerTab | undefined) => {
    if (tab?.windowId === undefined) return;
    deps.openPanel(tab.windowId);
    if (tab.id !== undefined && tab.id >= 0) deps.deliver(tab.windowId, { kind: 'summarize-page', tabId: tab.id });
  };
  return {
    onActionClicked: summarizeTab,
    onCommand(command, tab) {
      if (command === COMMAND_SUMMARIZE_PAGE) summarizeTab(tab);
    },
    onMenuClicked(info, tab) {
      if (tab?.windowId === undefined) return;
      const decision = decideFromMenuClick(info, tab);
      if (decision.kind === 'rewrite') return;
      deps.openPanel(tab.windowId);
      if (decision.kind === 'summarize-selection') {
        deps.deliver(tab.windowId, { kind: 'summarize-selection', tabId: decision.tabId, frameId: decision.frameId });
      } else if (decision.reason === 'restricted-page') {
        deps.deliver(tab.windowId, { kind: 'show-error', error: tacitError('restricted-page', decision.page) });
      } else if (decision.reason === 'empty-selection') {
        deps.deliver(tab.windowId, { kind: 'show-error', error: tacitError('empty-selection') });
      }
    },
  };
}
