import { describe, expect, it } from 'vitest';
import type { PanelIntent } from '../../protocol/messages';
import { DRAFT_REPLY_MENU_ID, rewriteMenuItemId, SUMMARIZE_SELECTION_MENU_ID, type MenuClickInfo } from '../menu-items';
import {
  COMMAND_DRAFT_REPLY,
  COMMAND_REWRITE_SELECTION,
  COMMAND_SUMMARIZE_PAGE,
  createTriggers,
  type TriggerTab,
} from '../triggers';

type Call = { call: 'openPanel'; windowId: number } | { call: 'deliver'; windowId: number; intent: PanelIntent };

/** Triggers wired to a log of what they asked for, in order. */
function setup() {
  const calls: Call[] = [];
  const triggers = createTriggers({
    openPanel: (windowId) => calls.push({ call: 'openPanel', windowId }),
    deliver: (windowId, intent) => calls.push({ call: 'deliver', windowId, intent }),
    lastRewriteStyle: async () => 'friendly',
  });
  return { triggers, calls };
}

/** Lets a trigger finish what it started asynchronously (reading the last rewrite style). */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const ARTICLE_TAB: TriggerTab = { id: 12, windowId: 3, url: 'https://example.com/article' };

function selectionClick(overrides: Partial<MenuClickInfo> = {}): MenuClickInfo {
  return {
    menuItemId: SUMMARIZE_SELECTION_MENU_ID,
    editable: false,
    selectionText: 'Tides rise twice a day.',
    frameId: 4,
    pageUrl: 'https://example.com/article',
    ...overrides,
  };
}

describe('createTriggers', () => {
  it("toolbar click opens the panel of the tab's window, then asks it to summarize that tab", () => {
    const { triggers, calls } = setup();

    triggers.onActionClicked(ARTICLE_TAB);

    expect(calls).toEqual([
      { call: 'openPanel', windowId: 3 },
      { call: 'deliver', windowId: 3, intent: { kind: 'summarize-page', tabId: 12 } },
    ]);
  });

  it('toolbar click on a webmail client opens the Reply view for that tab instead of summarizing', () => {
    const { triggers, calls } = setup();

    triggers.onActionClicked({ id: 21, windowId: 3, url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQ' });
    triggers.onActionClicked({ id: 22, windowId: 4, url: 'https://outlook.office.com/mail/inbox/id/AAQk' });
    triggers.onActionClicked({ id: 23, windowId: 5, url: 'http://mail.google.com/' });

    expect(calls).toEqual([
      { call: 'openPanel', windowId: 3 },
      { call: 'deliver', windowId: 3, intent: { kind: 'open-reply', tabId: 21 } },
      { call: 'openPanel', windowId: 4 },
      { call: 'deliver', windowId: 4, intent: { kind: 'open-reply', tabId: 22 } },
      // Not the real client (plain http): an ordinary page.
      { call: 'openPanel', windowId: 5 },
      { call: 'deliver', windowId: 5, intent: { kind: 'summarize-page', tabId: 23 } },
    ]);
  });

  it('"Reply with Tacit" in the context menu opens the Reply view for that tab', () => {
    const { triggers, calls } = setup();

    triggers.onMenuClicked(
      { menuItemId: DRAFT_REPLY_MENU_ID, editable: true, pageUrl: 'https://mail.google.com/mail/u/0/' },
      { id: 21, windowId: 3, url: 'https://mail.google.com/mail/u/0/' },
    );

    expect(calls).toEqual([
      { call: 'openPanel', windowId: 3 },
      { call: 'deliver', windowId: 3, intent: { kind: 'open-reply', tabId: 21 } },
    ]);
  });

  it('the reply shortcut opens the Reply view for the tab it was pressed on, on any site', () => {
    const { triggers, calls } = setup();

    triggers.onCommand(COMMAND_DRAFT_REPLY, ARTICLE_TAB);

    expect(calls).toEqual([
      { call: 'openPanel', windowId: 3 },
      { call: 'deliver', windowId: 3, intent: { kind: 'open-reply', tabId: 12 } },
    ]);
  });

  it('the summarize-page shortcut does the same as the toolbar button', () => {
    const { triggers, calls } = setup();

    triggers.onCommand(COMMAND_SUMMARIZE_PAGE, ARTICLE_TAB);

    expect(COMMAND_SUMMARIZE_PAGE).toBe('summarize-page');
    expect(calls).toEqual([
      { call: 'openPanel', windowId: 3 },
      { call: 'deliver', windowId: 3, intent: { kind: 'summarize-page', tabId: 12 } },
    ]);
  });

  it('other shortcuts do nothing', async () => {
    const { triggers, calls } = setup();

    triggers.onCommand('_execute_action', ARTICLE_TAB);
    triggers.onCommand('translate-page', ARTICLE_TAB);
    await settle();

    expect(calls).toEqual([]);
  });

  it('the rewrite shortcut opens the panel at once, then asks for a rewrite in the last used style', async () => {
    const { triggers, calls } = setup();

    triggers.onCommand(COMMAND_REWRITE_SELECTION, ARTICLE_TAB);
    expect(calls).toEqual([{ call: 'openPanel', windowId: 3 }]); // before waiting for the stored style
    await settle();

    expect(calls).toEqual([
      { call: 'openPanel', windowId: 3 },
      { call: 'deliver', windowId: 3, intent: { kind: 'rewrite', tabId: 12, frameId: 0, style: 'friendly' } },
    ]);
  });

  it('without a window there is nothing to open', () => {
    const { triggers, calls } = setup();

    triggers.onActionClicked({ id: 12 });
    triggers.onCommand(COMMAND_SUMMARIZE_PAGE, undefined);

    expect(calls).toEqual([]);
  });

  it('a tab without a usable id still opens the panel but asks for no summary', () => {
    const { triggers, calls } = setup();

    triggers.onActionClicked({ id: -1, windowId: 3 });

    expect(calls).toEqual([{ call: 'openPanel', windowId: 3 }]);
  });

  it('"Summarize selection" opens the panel and hands it the tab and frame of the selection', () => {
    const { triggers, calls } = setup();

    triggers.onMenuClicked(selectionClick({ frameId: 4 }), ARTICLE_TAB);

    expect(calls).toEqual([
      { call: 'openPanel', windowId: 3 },
      { call: 'deliver', windowId: 3, intent: { kind: 'summarize-selection', tabId: 12, frameId: 4 } },
    ]);
  });

  it.each([
    ['a browser page', 'chrome://settings/', 'browser-page'],
    ['the Chrome Web Store', 'https://chromewebstore.google.com/detail/some-extension/abc', 'web-store'],
  ])('on %s the panel opens with a restricted-page error naming the reason', (_name, url, reason) => {
    const { triggers, calls } = setup();

    triggers.onMenuClicked(selectionClick({ pageUrl: url }), { id: 12, windowId: 3, url });

    expect(calls).toEqual([
      { call: 'openPanel', windowId: 3 },
      {
        call: 'deliver',
        windowId: 3,
        intent: { kind: 'show-error', error: { code: 'restricted-page', page: reason } },
      },
    ]);
  });

  it('an empty selection opens the panel with an empty-selection error', () => {
    const { triggers, calls } = setup();

    triggers.onMenuClicked(selectionClick({ selectionText: '   ' }), ARTICLE_TAB);

    expect(calls).toEqual([
      { call: 'openPanel', windowId: 3 },
      { call: 'deliver', windowId: 3, intent: { kind: 'show-error', error: { code: 'empty-selection' } } },
    ]);
  });

  it('a rewrite menu item opens the panel and hands it the style, tab and frame of the selection', () => {
    const { triggers, calls } = setup();

    triggers.onMenuClicked(
      selectionClick({ menuItemId: rewriteMenuItemId('shorter'), editable: true, frameId: 2 }),
      ARTICLE_TAB,
    );

    expect(calls).toEqual([
      { call: 'openPanel', windowId: 3 },
      { call: 'deliver', windowId: 3, intent: { kind: 'rewrite', tabId: 12, frameId: 2, style: 'shorter' } },
    ]);
  });

  it('a menu item Tacit does not know opens nothing', () => {
    const { triggers, calls } = setup();

    triggers.onMenuClicked(selectionClick({ menuItemId: 'someone-elses-item' }), ARTICLE_TAB);

    expect(calls).toEqual([]);
  });

  it('a menu click without a window does nothing', () => {
    const { triggers, calls } = setup();

    triggers.onMenuClicked(selectionClick(), { id: 12, url: 'https://example.com/article' });
    triggers.onMenuClicked(selectionClick(), undefined);

    expect(calls).toEqual([]);
  });
});
