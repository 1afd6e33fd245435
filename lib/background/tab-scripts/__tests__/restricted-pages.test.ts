import { describe, expect, it } from 'vitest';
import { isInheritingFrameUrl, restrictedPageReason } from '../restricted-pages';

describe('restrictedPageReason', () => {
  it.each([
    ['chrome://settings', 'browser-page'],
    ['chrome://newtab/', 'browser-page'],
    ['edge://extensions', 'browser-page'],
    ['about:blank', 'browser-page'],
    ['devtools://devtools/bundled/inspector.html', 'browser-page'],
    ['chrome-search://local-ntp/local-ntp.html', 'browser-page'],
    ['chrome-error://chromewebdata/', 'browser-page'],
    ['view-source:https://example.com/', 'view-source'],
    ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html', 'extension-page'],
    ['moz-extension://1234/page.html', 'extension-page'],
    ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', 'pdf-viewer'],
    ['https://example.com/papers/report.PDF', 'pdf-viewer'],
    ['file:///home/me/doc.pdf', 'pdf-viewer'],
    ['https://chromewebstore.google.com/detail/some/abc', 'web-store'],
    ['https://chrome.google.com/webstore/detail/abc', 'web-store'],
    ['https://chrome.google.com/webstore', 'web-store'],
    ['https://microsoftedge.microsoft.com/addons/detail/x', 'web-store'],
    ['https://addons.mozilla.org/en-US/firefox/', 'web-store'],
  ])('%s → %s', (url, reason) => {
    expect(restrictedPageReason(url)).toBe(reason);
  });

  it.each([
    'https://example.com/',
    'https://chrome.google.com/search',
    'https://chrome.google.com/webstorefront',
    'https://example.com/pdf-guide.html',
    'https://example.com/report.pdf.html',
    'http://localhost:3000/',
    'file:///home/me/notes.html',
    'not a url',
    '',
    undefined,
  ])('%s is not restricted', (url) => {
    expect(restrictedPageReason(url)).toBeNull();
  });
});

describe('isInheritingFrameUrl', () => {
  it('treats about:blank and srcdoc frames as their parent', () => {
    expect(isInheritingFrameUrl('about:blank')).toBe(true);
    expect(isInheritingFrameUrl('about:srcdoc')).toBe(true);
    expect(isInheritingFrameUrl(undefined)).toBe(true);
    expect(isInheritingFrameUrl('about:settings')).toBe(false);
    expect(isInheritingFrameUrl('https://example.com/')).toBe(false);
  });
});
