// @vitest-environment happy-dom
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { adapterFor } from '../detect';
import { closeMailWindows, mailDocument, mailFixture } from './mail-fixture';

// node:url's URL, because the happy-dom environment replaces the global one.
const PAGES_DIR = fileURLToPath(new NodeURL('../../../../tests/fixtures/pages/', import.meta.url));
const ORDINARY_PAGES = readdirSync(PAGES_DIR).filter((name) => name.endsWith('.html'));

afterEach(closeMailWindows);

const BLOG =
  '<html lang="en"><head><title>Notes</title></head><body><main><h1>Notes</h1><p>Nothing about mail here.</p></main></body></html>';

describe('adapterFor', () => {
  it.each([
    ['gmail-thread.html', 'gmail'],
    ['gmail-inbox.html', 'gmail'],
    ['gmail-split-pane.html', 'gmail'],
    ['outlook-thread.html', 'outlook'],
    ['outlook-pane-bottom.html', 'outlook'],
    ['outlook-single-message.html', 'outlook'],
    ['outlook-pane-off.html', 'outlook'],
    ['outlook-popout.html', 'outlook'],
    ['proton-thread.html', 'proton'],
    ['proton-message-mode.html', 'proton'],
  ])('recognises %s off its host (self-hosted, proxied or saved) by its page structure', (name, client) => {
    expect(adapterFor(mailFixture(name)).client).toBe(client);
  });

  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', 'gmail'],
    ['https://outlook.office.com/mail/inbox', 'outlook'],
    ['https://outlook.office365.com/mail/', 'outlook'],
    ['https://outlook.live.com/mail/0/', 'outlook'],
    ['https://outlook.cloud.microsoft/mail/', 'outlook'],
    ['https://mail.proton.me/u/0/inbox', 'proton'],
    ['https://mail.protonmail.com/inbox', 'proton'],
  ])('recognises %s by its host, before the app has rendered anything', (url, client) => {
    expect(adapterFor(mailDocument(BLOG, url)).client).toBe(client);
  });

  it('falls back to the generic adapter on other pages', () => {
    expect(adapterFor(mailDocument(BLOG)).client).toBe('generic');
    expect(adapterFor(mailDocument(BLOG, 'https://mail.example.org/')).client).toBe('generic');
  });

  it('does not take a page quoting two of a client’s class names for that client', () => {
    const quoting =
      '<body><div class="ii gt"><div class="a3s aiL">Forwarded Gmail markup</div></div><h2 class="hP">Subject</h2></body>';
    expect(adapterFor(mailDocument(quoting)).client).toBe('generic');
  });

  it.each(ORDINARY_PAGES)('takes no ordinary page for a mail client: %s', (name) => {
    expect(adapterFor(mailDocument(readFileSync(`${PAGES_DIR}${name}`, 'utf8'))).client).toBe('generic');
  });

  it('recognises a real client page with only its app shell left (no conversation, English labels gone)', () => {
    const shell = (markers: string, title = 'Inbox') =>
      mailDocument(`<html><head><title>${title}</title></head><body>${markers}<main>Inbox</main></body></html>`);
    expect(adapterFor(shell('<div gh="tl"></div><table><tr class="zA"><td>Row</td></tr></table>')).client).toBe(
      'gmail',
    );
    expect(adapterFor(shell('<div gh="tm"></div>', 'Inbox (3) - jane@example.com - Gmail')).client).toBe('gmail');
    expect(adapterFor(shell('<div gh="tm"></div>', 'Inbox - jane@acme.example - Acme Mail')).client).toBe('gmail');
    expect(
      adapterFor(shell('<div data-app-section="MessageList"><div role="option" data-convid="A1"></div></div>')).client,
    ).toBe('outlook');
    expect(
      adapterFor(shell('<div data-testid="sidebar:compose"></div><a data-testid="navigation-link:inbox"></a>')).client,
    ).toBe('proton');
  });

  it('does not take a page for a client on one of its markers or its title alone', () => {
    expect(adapterFor(mailDocument('<body><div gh="tl">Rows</div></body>')).client).toBe('generic');
    expect(
      adapterFor(mailDocument('<head><title>Tips and tricks - Gmail</title></head><body><p>Text</p></body>')).client,
    ).toBe('generic');
    expect(adapterFor(mailDocument('<body><div data-testid="conversation-header:subject">A</div></body>')).client).toBe(
      'generic',
    );
    // A forwarded mail keeps the sender client's own classes; they are not the client's app.
    const forwarded =
      '<body><div class="gmail_quote"><div class="gmail_attr">On Mon wrote:</div><blockquote class="gmail_quote">Hi</blockquote></div><div id="x_divRplyFwdMsg">From: A</div><div class="protonmail_signature_block">B</div></body>';
    expect(adapterFor(mailDocument(forwarded)).client).toBe('generic');
  });
});
