// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { adapterFor } from '../detect';
import { closeMailWindows, mailDocument, mailFixture } from './mail-fixture';

afterEach(closeMailWindows);

const BLOG =
  '<html lang="en"><head><title>Notes</title></head><body><main><h1>Notes</h1><p>Nothing about mail here.</p></main></body></html>';

describe('adapterFor', () => {
  it.each([
    ['gmail-thread.html', 'gmail'],
    ['gmail-inbox.html', 'gmail'],
    ['outlook-thread.html', 'outlook'],
    ['proton-thread.html', 'proton'],
  ])('recognises %s on 127.0.0.1 by its page structure', (name, client) => {
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
});
