import { describe, expect, it } from 'vitest';
import { classifySender, senderTab } from '../sender';

const OUR_ID = 'ourextensionid';
const OUR_ORIGIN = `chrome-extension://${OUR_ID}/`;

describe('classifySender', () => {
  it('treats a message from another extension as foreign, even from its own extension pages', () => {
    const sender = { id: 'someotherextension', url: 'chrome-extension://someotherextension/popup.html' };
    expect(classifySender(sender, OUR_ID, OUR_ORIGIN)).toBe('foreign');
  });

  it('treats another extension pretending to be in a tab of ours as foreign', () => {
    const sender = { id: 'someotherextension', url: `${OUR_ORIGIN}sidepanel.html`, tab: { id: 4 } };
    expect(classifySender(sender, OUR_ID, OUR_ORIGIN)).toBe('foreign');
  });

  it('treats a web page (no extension id) as foreign', () => {
    const sender = { url: 'https://evil.example/page', tab: { id: 3, url: 'https://evil.example/page' } };
    expect(classifySender(sender, OUR_ID, OUR_ORIGIN)).toBe('foreign');
  });

  it('treats a missing sender as foreign', () => {
    expect(classifySender(undefined, OUR_ID, OUR_ORIGIN)).toBe('foreign');
  });

  it('accepts our side panel, options page and service worker as extension pages', () => {
    expect(classifySender({ id: OUR_ID, url: `${OUR_ORIGIN}sidepanel.html` }, OUR_ID, OUR_ORIGIN)).toBe(
      'extension-page',
    );
    expect(classifySender({ id: OUR_ID, url: `${OUR_ORIGIN}options.html` }, OUR_ID, OUR_ORIGIN)).toBe('extension-page');
    expect(classifySender({ id: OUR_ID, url: `${OUR_ORIGIN}background.js` }, OUR_ID, OUR_ORIGIN)).toBe(
      'extension-page',
    );
  });

  it('accepts our extension page opened in a tab as an extension page, not a content script', () => {
    const sender = { id: OUR_ID, url: `${OUR_ORIGIN}options.html`, tab: { id: 9, url: `${OUR_ORIGIN}options.html` } };
    expect(classifySender(sender, OUR_ID, OUR_ORIGIN)).toBe('extension-page');
  });

  it('classifies our content script in a web page as a content script', () => {
    const sender = {
      id: OUR_ID,
      url: 'https://mail.example/inbox',
      tab: { id: 12, url: 'https://mail.example/inbox' },
      frameId: 0,
    };
    expect(classifySender(sender, OUR_ID, OUR_ORIGIN)).toBe('content-script');
  });

  it('treats a sender with our id but neither our origin nor a tab as foreign', () => {
    expect(classifySender({ id: OUR_ID, url: 'https://example.com/' }, OUR_ID, OUR_ORIGIN)).toBe('foreign');
  });
});

describe('senderTab', () => {
  it('returns the tab and frame our content script spoke from', () => {
    const sender = { id: OUR_ID, url: 'https://mail.example/inbox', tab: { id: 12 }, frameId: 3 };
    expect(senderTab(sender, OUR_ID, OUR_ORIGIN)).toEqual({ tabId: 12, frameId: 3 });
  });

  it('defaults to the top frame when the sender names no frame', () => {
    const sender = { id: OUR_ID, url: 'https://mail.example/inbox', tab: { id: 12 } };
    expect(senderTab(sender, OUR_ID, OUR_ORIGIN)).toEqual({ tabId: 12, frameId: 0 });
  });

  it('gives no tab for a web page, another extension or our own extension page in a tab', () => {
    expect(senderTab({ url: 'https://evil.example/', tab: { id: 1 } }, OUR_ID, OUR_ORIGIN)).toBeUndefined();
    expect(
      senderTab({ id: 'other', url: 'https://evil.example/', tab: { id: 1 } }, OUR_ID, OUR_ORIGIN),
    ).toBeUndefined();
    expect(
      senderTab({ id: OUR_ID, url: `${OUR_ORIGIN}options.html`, tab: { id: 1 } }, OUR_ID, OUR_ORIGIN),
    ).toBeUndefined();
  });

  it('gives no tab when the tab has no id', () => {
    expect(senderTab({ id: OUR_ID, url: 'https://mail.example/', tab: {} }, OUR_ID, OUR_ORIGIN)).toBeUndefined();
  });
});
