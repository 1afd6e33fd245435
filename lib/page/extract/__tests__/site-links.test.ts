import { describe, expect, it } from 'vitest';
import { isSiteLink, siteOf } from '../site-links';
import { documentFromHtml } from './fixture-document';

describe('links to other pages of the site', () => {
  const live = siteOf(documentFromHtml('<html><body><p>Story</p></body></html>', 'story.html'));

  it('counts paths and addresses on the page\'s own host, with or without "www."', () => {
    expect(isSiteLink('/news/ferry', live)).toBe(true);
    expect(isSiteLink('ferry.html', live)).toBe(true);
    expect(isSiteLink('http://127.0.0.1/news/ferry', live)).toBe(true);
    expect(isSiteLink('//127.0.0.1/news/ferry', live)).toBe(true);
  });

  it('does not count other sites, the page itself, anchors or other schemes', () => {
    expect(isSiteLink('https://council.example/report.pdf', live)).toBe(false);
    expect(isSiteLink('http://127.0.0.1/pages/story.html', live)).toBe(false);
    expect(isSiteLink('#comments', live)).toBe(false);
    expect(isSiteLink('mailto:desk@news.example', live)).toBe(false);
    expect(isSiteLink('javascript:void(0)', live)).toBe(false);
  });

  it('takes a saved page as part of the site it declares as canonical', () => {
    const saved = siteOf(
      documentFromHtml(
        '<html><head><link rel="canonical" href="https://www.news.example/2026/bridge"></head><body></body></html>',
      ),
    );
    expect(isSiteLink('https://news.example/2026/ferry', saved)).toBe(true);
    expect(isSiteLink('https://www.news.example/2026/ferry', saved)).toBe(true);
    expect(isSiteLink('https://other.example/2026/ferry', saved)).toBe(false);
  });
});
