/**
 * What happens when the user invokes Tacit outside the panel — toolbar button, keyboard shortcut, context menu:
 * open the panel (synchronously, while the click still counts as a user gesture) and hand it the intent.
 */
import { tacitError } from '../core/errors';
import type { PanelIntent } from '../protocol/messages';
import { decideFromMenuClick, type MenuClickInfo } from './menu-items';
import type { RewriteStyle } from '../tasks/rewrite/types';
import { webmailClientOfUrl } from '../core/webmail-hosts';
import type { CommandName } from '../platform/shortcuts';
import { errorName } from '../core/diagnostics';
import { recordDiagnostic } from './diagnostics-log';

export const COMMAND_SUMMARIZE_PAGE: CommandName = 'summarize-page';
export const COMMAND_REWRITE_SELECTION: CommandName = 'rewrite-selection';
export const COMMAND_DRAFT_REPLY: CommandName = 'draft-reply';

export interface TriggerTab {
  id?: number;
  windowId?: number;
  url?: string;
}

export interface TriggerDeps {
  /** Must not await before calling sidePanel.open: the gesture would be lost. */
  openPanel(windowId: number): void;
  deliver(windowId: number, intent: PanelIntent): void;
  /** The style the shortcut rewrites with: the one used last. */
  lastRewriteStyle(): Promise<RewriteStyle>;
}

export interface Triggers {
  onActionClicked(tab: TriggerTab): void;
  onCommand(command: string, tab?: TriggerTab): void;
  onMenuClicked(info: MenuClickInfo, tab?: TriggerTab): void;
}

export function createTriggers(deps: TriggerDeps): Triggers {
  const summarizeTab = (tab: TriggerTab | undefined) => {
    if (tab?.windowId === undefined) return;
    deps.openPanel(tab.windowId);
    if (tab.id !== undefined && tab.id >= 0) deps.deliver(tab.windowId, { kind: 'summarize-page', tabId: tab.id });
  };
  const replyInTab = (tab: TriggerTab | undefined) => {
    if (tab?.windowId === undefined || tab.id === undefined || tab.id < 0) return;
    deps.openPanel(tab.windowId);
    deps.deliver(tab.windowId, { kind: 'open-reply', tabId: tab.id });
  };
  return {
    // On a webmail client the toolbar means "help me reply"; the Reply view waits for the user's intent.
    onActionClicked: (tab) => (webmailClientOfUrl(tab.url) ? replyInTab(tab) : summarizeTab(tab)),
    onCommand(command, tab) {
      if (command === COMMAND_SUMMARIZE_PAGE) summarizeTab(tab);
      if (command === COMMAND_DRAFT_REPLY) replyInTab(tab);
      if (command !== COMMAND_REWRITE_SELECTION || tab?.windowId === undefined || tab.id === undefined || tab.id < 0)
        return;
      const { windowId, id: tabId } = tab;
      deps.openPanel(windowId);
      // The focused frame is not known here; the editing agent follows focus into same-origin frames from the top.
      void deps
        .lastRewriteStyle()
        .catch((error: unknown): RewriteStyle => {
          recordDiagnostic('storage-read-failed', { item: 'lastRewriteStyle', error: errorName(error) });
          return 'proofread';
        })
        .then((style) => deps.deliver(windowId, { kind: 'rewrite', tabId, frameId: 0, style }));
    },
    onMenuClicked(info, tab) {
      if (tab?.windowId === undefined) return;
      const decision = decideFromMenuClick(info, tab);
      if (decision.kind === 'refuse' && decision.reason === 'unknown-item') return;
      deps.openPanel(tab.windowId);
      if (decision.kind === 'rewrite') {
        deps.deliver(tab.windowId, {
          kind: 'rewrite',
          tabId: decision.tabId,
          frameId: decision.frameId,
          style: decision.style,
        });
      } else if (decision.kind === 'open-reply') {
        deps.deliver(tab.windowId, { kind: 'open-reply', tabId: decision.tabId });
      } else if (decision.kind === 'summarize-selection') {
        deps.deliver(tab.windowId, { kind: 'summarize-selection', tabId: decision.tabId, frameId: decision.frameId });
      } else if (decision.reason === 'restricted-page') {
        deps.deliver(tab.windowId, {
          kind: 'show-error',
          error: tacitError('restricted-page', { page: decision.page }),
        });
      } else if (decision.reason === 'empty-selection') {
        deps.deliver(tab.windowId, { kind: 'show-error', error: tacitError('empty-selection') });
      }
    },
  };
}
