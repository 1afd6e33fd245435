/** The selection context menu: item ids, titles (i18n keys) and the pure decision what a click should do. */

import type { RestrictedPageReason } from '../core/errors';
import { isInheritingFrameUrl, restrictedPageReason } from './tab-scripts/restricted-pages';
import { REWRITE_MENU_TITLE_KEYS, REWRITE_STYLES, type MenuTitleKey, type RewriteStyle } from '../tasks/rewrite/types';
import { WEBMAIL_ORIGIN_PATTERNS } from '../core/webmail-hosts';

export const REWRITE_MENU_ID = 'tacit-rewrite';
export const SUMMARIZE_SELECTION_MENU_ID = 'tacit-summarize-selection';
export const DRAFT_REPLY_MENU_ID = 'tacit-draft-reply';

export type RewriteMenuItemId = `tacit-rewrite-${RewriteStyle}`;

export function rewriteMenuItemId(style: RewriteStyle): RewriteMenuItemId {
  return `tacit-rewrite-${style}`;
}

export type MenuContext = 'selection' | 'editable' | 'page';

export interface MenuItemDefinition {
  id: string;
  parentId?: string;
  titleKey: MenuTitleKey;
  contexts: readonly MenuContext[];
  /** Only on pages matching these patterns (the menu stays uncluttered elsewhere). */
  documentUrlPatterns?: readonly string[];
}

/** Every menu item, parents first, in display order: the one place menus are registered from. */
export const MENU_ITEMS: readonly MenuItemDefinition[] = [
  { id: REWRITE_MENU_ID, titleKey: 'menuRewrite', contexts: ['selection', 'editable'] }, // "Rewrite with Tacit"
  ...REWRITE_STYLES.map((style) => ({
    id: rewriteMenuItemId(style),
    parentId: REWRITE_MENU_ID,
    titleKey: REWRITE_MENU_TITLE_KEYS[style],
    contexts: ['selection', 'editable'] as const,
  })),
  { id: SUMMARIZE_SELECTION_MENU_ID, titleKey: 'menuSummarizeSelection', contexts: ['selection'] }, // "Summarize selection"
  // "Reply with Tacit", on the known webmail clients only
  {
    id: DRAFT_REPLY_MENU_ID,
    titleKey: 'menuDraftReply',
    contexts: ['page', 'editable', 'selection'],
    documentUrlPatterns: WEBMAIL_ORIGIN_PATTERNS,
  },
];

export interface MenuClickInfo {
  menuItemId: string | number;
  editable: boolean;
  selectionText?: string;
  frameId?: number;
  pageUrl?: string;
  frameUrl?: string;
}

export interface MenuClickTab {
  id?: number;
  url?: string;
}

export type MenuRefusalReason = 'no-tab' | 'restricted-page' | 'empty-selection' | 'unknown-item';

/** What a menu click asks for. selectionText is Chrome's flattened copy (line breaks lost): re-read the selection in the frame. */
export type MenuDecision =
  | { kind: 'rewrite'; style: RewriteStyle; tabId: number; frameId: number; editable: boolean; selectionText: string }
  | { kind: 'summarize-selection'; tabId: number; frameId: number; selectionText: string }
  | { kind: 'open-reply'; tabId: number }
  | { kind: 'refuse'; reason: Exclude<MenuRefusalReason, 'restricted-page'> }
  | { kind: 'refuse'; reason: 'restricted-page'; page: RestrictedPageReason };

const STYLE_BY_MENU_ID = new Map<string, RewriteStyle>(
  REWRITE_STYLES.map((style) => [rewriteMenuItemId(style), style]),
);

/** chrome.tabs.TAB_ID_NONE: clicks outside a tab (e.g. in devtools) carry this id. */
const TAB_ID_NONE = -1;

/** The first reason the clicked frame, its page or its tab cannot be scripted. */
function restrictionOf(info: MenuClickInfo, tab: MenuClickTab): RestrictedPageReason | null {
  const urls = [isInheritingFrameUrl(info.frameUrl) ? undefined : info.frameUrl, info.pageUrl, tab.url];
  for (const url of urls) {
    const reason = restrictedPageReason(url);
    if (reason) return reason;
  }
  return null;
}

/** Decides what a context-menu click should do; pure, so the background only wires it to the browser. */
export function decideFromMenuClick(info: MenuClickInfo, tab?: MenuClickTab): MenuDecision {
  const id = String(info.menuItemId);
  const style = STYLE_BY_MENU_ID.get(id);
  if (!style && id !== SUMMARIZE_SELECTION_MENU_ID && id !== DRAFT_REPLY_MENU_ID)
    return { kind: 'refuse', reason: 'unknown-item' };
  if (!tab || tab.id === undefined || tab.id === TAB_ID_NONE || tab.id < 0) return { kind: 'refuse', reason: 'no-tab' };

  const restriction = restrictionOf(info, tab);
  if (restriction) return { kind: 'refuse', reason: 'restricted-page', page: restriction };
  // The Reply view reads the whole conversation: no selection needed.
  if (id === DRAFT_REPLY_MENU_ID) return { kind: 'open-reply', tabId: tab.id };

  const selectionText = info.selectionText?.trim() ?? '';
  // Chrome reports no selection text for password fields: an editable field goes on to the frame, which refuses
  // password fields by name without reading them, and says "nothing selected" only when that is the case.
  if (!selectionText && !(style && info.editable)) return { kind: 'refuse', reason: 'empty-selection' };

  const frameId = info.frameId ?? 0;
  if (style) return { kind: 'rewrite', style, tabId: tab.id, frameId, editable: info.editable, selectionText };
  return { kind: 'summarize-selection', tabId: tab.id, frameId, selectionText };
}
