import { describe, expect, it } from 'vitest';
import { PageChrome } from '../excluded-elements';
import { buildClone, planVisibleClone } from '../visible-clone';
import { PageVisibility } from '../visibility';
import { documentFromHtml } from './fixture-document';

function copyOf(html: string): Document {
  const doc = documentFromHtml(html);
  return buildClone(doc, planVisibleClone(doc, new PageVisibility(doc), new PageChrome()));
}

describe('buildClone', () => {
  it('keeps only the link addresses Readability tells apart: within the page, and javascript:', () => {
    const copy = copyOf(
      '<html><body><main><p>See <a href="/wiki/Harbour">the harbour</a>, <a href="#cite-1">a note</a>, ' +
        '<a href="javascript:void(0)">a menu</a> and <a href="https://example.org/">a site</a>.</p></main></body></html>',
    );
    const links = Array.from(copy.querySelectorAll('a'));
    expect(links.map((link) => link.textContent)).toEqual(['the harbour', 'a note', 'a menu', 'a site']);
    expect(links.map((link) => link.getAttribute('href'))).toEqual([null, '#cite-1', 'javascript:void(0)', null]);
  });

  it('leaves out styles, style sheet links and scripts, but keeps the head and its JSON-LD', () => {
    const copy = copyOf(
      '<html><head><title>Harbour</title><link rel="stylesheet" href="/site.css"><style>p { color: navy }</style>' +
        '<meta name="author" content="Ada"><script type="application/ld+json">{"@type":"Article"}</script></head>' +
        '<body><main><p>The harbour was dredged.</p><script>track()</script></main></body></html>',
    );
    expect(copy.querySelectorAll('style, link, script:not([type="application/ld+json"])')).toHaveLength(0);
    expect(copy.title).toBe('Harbour');
    expect(copy.querySelector('meta[name="author"]')?.getAttribute('content')).toBe('Ada');
    expect(copy.querySelector('script[type="application/ld+json"]')?.textContent).toBe('{"@type":"Article"}');
    expect(copy.querySelector('main')?.textContent).toBe('The harbour was dredged.');
  });
});
