import { describe, expect, it } from 'vitest';
import {
  MENU_ITEMS,
  REWRITE_MENU_ID,
  SUMMARIZE_SELECTION_MENU_ID,
  DRAFT_REPLY_MENU_ID,
  type MenuClickInfo,
  decideFromMenuClick,
  rewriteMenuItemId,
} from '../menu-items';
import { REWRITE_STYLES } from '../../tasks/rewrite/types';

const TAB = { id: 7, url: 'https://mail.example/compose' };

function click(menuItemId: string | number, overrides: Partial<MenuClickInfo> = {}): MenuClickInfo {
  return {
    menuItemId,
    editable: false,
    selectionText: 'some selected words',
    frameId: 0,
    pageUrl: TAB.url,
    ...overrides,
  };
}

describe('MENU_ITEMS', () => {
  it('registers the parent, one child per style in order, summarize-selection, and reply on webmail only', () => {
    expect(MENU_ITEMS.map((item) => item.id)).toEqual([
      'tacit-rewrite',
      'tacit-rewrite-proofread',
      'tacit-rewrite-formal',
      'tacit-rewrite-friendly',
      'tacit-rewrite-shorter',
      'tacit-rewrite-longer',
      'tacit-rewrite-simpler',
      'tacit-rewrite-custom',
      'tacit-summarize-selection',
      'tacit-draft-reply',
    ]);
    expect(MENU_ITEMS.filter((item) => item.parentId === REWRITE_MENU_ID)).toHaveLength(REWRITE_STYLES.length);
    expect(MENU_ITEMS.find((item) => item.id === 'tacit-rewrite-proofread')?.titleKey).toBe('menuRewriteProofread');
    expect(MENU_ITEMS.find((item) => item.id === SUMMARIZE_SELECTION_MENU_ID)?.contexts).toEqual(['selection']);
    expect(MENU_ITEMS.find((item) => item.id === DRAFT_REPLY_MENU_ID)?.documentUrlPatterns).toContain(
      'https://mail.google.com/*',
    );
  });
});

describe('"Reply with Tacit"', () => {
  it('opens the Reply view for the tab, with or without a selection, and refuses where it cannot read', () => {
    const gmail = { id: 9, url: 'https://mail.google.com/mail/u/0/#inbox/abc' };
    expect(
      decideFromMenuClick({ menuItemId: DRAFT_REPLY_MENU_ID, editable: false, pageUrl: gmail.url }, gmail),
    ).toEqual({ kind: 'open-reply', tabId: 9 });
    expect(decideFromMenuClick({ menuItemId: DRAFT_REPLY_MENU_ID, editable: true, pageUrl: gmail.url }, gmail)).toEqual(
      { kind: 'open-reply', tabId: 9 },
    );
    expect(decideFromMenuClick({ menuItemId: DRAFT_REPLY_MENU_ID, editable: false }, { id: -1 })).toEqual({
      kind: 'refuse',
      reason: 'no-tab',
    });
  });
});

describe('decideFromMenuClick', () => {
  it.each(REWRITE_STYLES.map((style) => [style]))('rewrites with style %s', (style) => {
    expect(decideFromMenuClick(click(rewriteMenuItemId(style), { editable: true, frameId: 3 }), TAB)).toEqual({
      kind: 'rewrite',
      style,
      tabId: 7,
      frameId: 3,
      editable: true,
      selectionText: 'some selected words',
    });
  });

  it('rewrites a non-editable selection with editable false, in the top frame by default', () => {
    const decision = decideFromMenuClick(click('tacit-rewrite-formal', { frameId: undefined }), TAB);
    expect(decision).toMatchObject({ kind: 'rewrite', editable: false, frameId: 0 });
  });

  it('summarizes a selection in its frame', () => {
    const decision = decideFromMenuClick(
      click(SUMMARIZE_SELECTION_MENU_ID, { frameId: 12, frameUrl: 'https://embed.example/frame' }),
      TAB,
    );
    expect(decision).toEqual({
      kind: 'summarize-selection',
      tabId: 7,
      frameId: 12,
      selectionText: 'some selected words',
    });
  });

  it('refuses unknown items, including the parent and numeric ids', () => {
    expect(decideFromMenuClick(click('tacit-rewrite'), TAB)).toEqual({ kind: 'refuse', reason: 'unknown-item' });
    expect(decideFromMenuClick(click('tacit-rewrite-pirate'), TAB)).toEqual({ kind: 'refuse', reason: 'unknown-item' });
    expect(decideFromMenuClick(click(42), TAB)).toEqual({ kind: 'refuse', reason: 'unknown-item' });
  });

  it('refuses without a usable tab', () => {
    expect(decideFromMenuClick(click('tacit-rewrite-shorter'))).toEqual({ kind: 'refuse', reason: 'no-tab' });
    expect(decideFromMenuClick(click('tacit-rewrite-shorter'), {})).toEqual({ kind: 'refuse', reason: 'no-tab' });
    expect(decideFromMenuClick(click('tacit-rewrite-shorter'), { id: -1 })).toEqual({
      kind: 'refuse',
      reason: 'no-tab',
    });
  });

  it('refuses empty or whitespace-only selections outside editable fields', () => {
    expect(
      decideFromMenuClick(click('tacit-rewrite-simpler', { selectionText: undefined, editable: false }), TAB),
    ).toEqual({
      kind: 'refuse',
      reason: 'empty-selection',
    });
    expect(decideFromMenuClick(click('tacit-rewrite-simpler', { selectionText: ' \n ' }), TAB)).toEqual({
      kind: 'refuse',
      reason: 'empty-selection',
    });
    expect(decideFromMenuClick(click(SUMMARIZE_SELECTION_MENU_ID, { selectionText: ' \n ' }), TAB)).toEqual({
      kind: 'refuse',
      reason: 'empty-selection',
    });
  });

  it('hands a rewrite in an editable field with no selection text (a password field) to the frame to decide', () => {
    expect(
      decideFromMenuClick(
        click('tacit-rewrite-simpler', { selectionText: undefined, editable: true, frameId: 4 }),
        TAB,
      ),
    ).toEqual({
      kind: 'rewrite',
      style: 'simpler',
      tabId: 7,
      frameId: 4,
      editable: true,
      selectionText: '',
    });
    expect(
      decideFromMenuClick(click('tacit-rewrite-proofread', { selectionText: '  ', editable: true }), TAB),
    ).toMatchObject({
      kind: 'rewrite',
      style: 'proofread',
      selectionText: '',
    });
  });

  it('still refuses summarizing an empty selection in an editable field', () => {
    expect(
      decideFromMenuClick(click(SUMMARIZE_SELECTION_MENU_ID, { selectionText: undefined, editable: true }), TAB),
    ).toEqual({
      kind: 'refuse',
      reason: 'empty-selection',
    });
  });

  it('still refuses a restricted page when an editable field gives no selection text', () => {
    const decision = decideFromMenuClick(
      click('tacit-rewrite-formal', { selectionText: undefined, editable: true, pageUrl: 'chrome://settings/' }),
      { id: 2, url: 'chrome://settings/' },
    );
    expect(decision).toEqual({ kind: 'refuse', reason: 'restricted-page', page: 'browser-page' });
  });

  it.each([
    [{ pageUrl: 'chrome://settings/' }, { id: 1, url: 'chrome://settings/' }, 'browser-page'],
    [{ pageUrl: 'https://chromewebstore.google.com/detail/x' }, { id: 1 }, 'web-store'],
    [
      {
        pageUrl: 'https://example.com/a.pdf',
        frameUrl: 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html',
      },
      { id: 1, url: 'https://example.com/a.pdf' },
      'pdf-viewer',
    ],
    [{ pageUrl: undefined }, { id: 1, url: 'view-source:https://example.com/' }, 'view-source'],
    [{ frameUrl: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/frame.html' }, TAB, 'extension-page'],
  ])('refuses restricted pages %#', (overrides, tab, page) => {
    expect(decideFromMenuClick(click('tacit-rewrite-proofread', overrides), tab)).toEqual({
      kind: 'refuse',
      reason: 'restricted-page',
      page,
    });
  });

  it('checks restrictions before the selection', () => {
    const decision = decideFromMenuClick(
      click('tacit-rewrite-formal', { selectionText: '', pageUrl: 'edge://flags' }),
      {
        id: 2,
      },
    );
    expect(decision).toMatchObject({ kind: 'refuse', reason: 'restricted-page' });
  });

  it('lets about:blank editor frames inherit the page', () => {
    const decision = decideFromMenuClick(
      click('tacit-rewrite-formal', { frameId: 5, frameUrl: 'about:blank', editable: true }),
      TAB,
    );
    expect(decision).toMatchObject({ kind: 'rewrite', frameId: 5, editable: true });
  });
});
