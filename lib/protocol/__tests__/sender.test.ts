import { describe, expect, it } from 'vitest';
import { isOwnExtensionPage } from '../sender';

const OUR_ID = 'ourextensionid';
const OUR_ORIGIN = `chrome-extension://${OUR_ID}/`;
const trusted = (sender: Parameters<typeof isOwnExtensionPage>[0]) => isOwnExtensionPage(sender, OUR_ID, OUR_ORIGIN);

describe('isOwnExtensionPage', () => {
  it('refuses another extension, even from its own extension pages', () => {
    expect(trusted({ id: 'someotherextension', url: 'chrome-extension://someotherextension/popup.html' })).toBe(false);
  });

  it('refuses another extension claiming an URL under our origin', () => {
    expect(trusted({ id: 'someotherextension', url: `${OUR_ORIGIN}sidepanel.html`, tab: { id: 4 } })).toBe(false);
  });

  it('refuses a web page and a missing sender', () => {
    expect(trusted({ url: 'https://evil.example/page', tab: { id: 3, url: 'https://evil.example/page' } })).toBe(false);
    expect(trusted(undefined)).toBe(false);
  });

  it('refuses a script of ours running inside a web page', () => {
    expect(trusted({ id: OUR_ID, url: 'https://mail.example/inbox', tab: { id: 12 }, frameId: 0 })).toBe(false);
    expect(trusted({ id: OUR_ID, url: 'https://example.com/' })).toBe(false);
  });

  it('accepts our side panel, options page and service worker, also when a page is opened in a tab', () => {
    expect(trusted({ id: OUR_ID, url: `${OUR_ORIGIN}sidepanel.html` })).toBe(true);
    expect(trusted({ id: OUR_ID, url: `${OUR_ORIGIN}options.html` })).toBe(true);
    expect(trusted({ id: OUR_ID, url: `${OUR_ORIGIN}background.js` })).toBe(true);
    expect(
      trusted({ id: OUR_ID, url: `${OUR_ORIGIN}options.html`, tab: { id: 9, url: `${OUR_ORIGIN}options.html` } }),
    ).toBe(true);
  });
});
