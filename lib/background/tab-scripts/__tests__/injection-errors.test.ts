import { describe, expect, it } from 'vitest';
import { describeInjectionFailure } from '../injection-errors';

const ORDINARY_PAGE = 'https://example.com/article';

describe('describeInjectionFailure', () => {
  it.each([
    ['Cannot access a chrome:// URL', { code: 'restricted-page', page: 'browser-page' }],
    ['The extensions gallery cannot be scripted.', { code: 'restricted-page', page: 'web-store' }],
    [
      'Cannot access contents of url "chrome-extension://abc/page.html". Extension manifest must request permission to access this host.',
      { code: 'restricted-page', page: 'extension-page' },
    ],
    [
      'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
      { code: 'no-page-access' },
    ],
    [
      'Cannot access contents of url "https://example.com/article". Extension manifest must request permission to access this host.',
      { code: 'no-page-access' },
    ],
    ['No tab with id: 5.', { code: 'tab-closed' }],
    ['Frame with ID 0 was removed.', { code: 'tab-closed' }],
  ])('Chrome\'s "%s" becomes %o', (message, expected) => {
    expect(describeInjectionFailure(new Error(message), ORDINARY_PAGE)).toEqual(expected);
  });

  it('reads the message of a plain string thrown instead of an Error', () => {
    expect(describeInjectionFailure('No tab with id: 5.', ORDINARY_PAGE)).toEqual({ code: 'tab-closed' });
  });

  it('an unknown message is an extraction failure that leaves the message out (it can quote the page URL)', () => {
    const message = `Script threw on "https://example.com/private?token=1": ${'x'.repeat(400)}`;

    expect(describeInjectionFailure(new Error(message), ORDINARY_PAGE)).toEqual({ code: 'extraction-failed' });
    expect(describeInjectionFailure(new Error('Something odd happened'), undefined)).toEqual({
      code: 'extraction-failed',
    });
  });

  it("a restricted tab URL decides the reason, whatever Chrome's message says", () => {
    expect(
      describeInjectionFailure(new Error('No tab with id: 5.'), 'https://chromewebstore.google.com/detail/x/abc'),
    ).toEqual({
      code: 'restricted-page',
      page: 'web-store',
    });
    expect(
      describeInjectionFailure(new Error('Cannot access a chrome:// URL'), 'view-source:https://example.com/'),
    ).toEqual({
      code: 'restricted-page',
      page: 'view-source',
    });
  });

  it('a file on this computer without file access is told apart from a page Tacit was not invoked on', () => {
    const url = 'file:///home/ada/notes/minutes.txt';
    const message = `Cannot access contents of url "${url}". Extension manifest must request permission to access this host.`;
    expect(describeInjectionFailure(new Error(message), url)).toEqual({ code: 'no-file-access' });
    expect(describeInjectionFailure(new Error('Missing host permission for the tab'), url)).toEqual({
      code: 'no-file-access',
    });
    // The tab's address unknown (no grant to see it): Chrome's message names the file.
    expect(describeInjectionFailure(new Error(message), undefined)).toEqual({ code: 'no-file-access' });
  });

  it('an ordinary page whose URL merely mentions the web store is a missing grant, not the store', () => {
    const url = 'https://developer.chrome.com/docs/webstore/publish';
    const message = `Cannot access contents of url "${url}". Extension manifest must request permission to access this host.`;

    expect(describeInjectionFailure(new Error(message), url)).toEqual({ code: 'no-page-access' });
  });
});
