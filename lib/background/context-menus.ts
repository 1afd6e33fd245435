/** Registers Tacit's context menu items from the one list in rewrite/menu, replacing any left from a previous run. */
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { MENU_ITEMS, type MenuContext } from './menu-items';

export async function registerContextMenus(): Promise<void> {
  // Items survive service-worker restarts; removing first avoids duplicate-id errors on update and reinstall.
  await browser.contextMenus.removeAll();
  for (const item of MENU_ITEMS) {
    browser.contextMenus.create({
      id: item.id,
      ...(item.parentId ? { parentId: item.parentId } : {}),
      title: i18n.t(item.titleKey),
      contexts: [...item.contexts] as [MenuContext, ...MenuContext[]],
      ...(item.documentUrlPatterns ? { documentUrlPatterns: [...item.documentUrlPatterns] } : {}),
    });
  }
}
