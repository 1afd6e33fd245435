import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  HUGE_PAGE_BOILERPLATE,
  HUGE_PAGE_CLOSING,
  HUGE_PAGE_OPENING,
  hugePageHtml,
} from '../../../../tests/fixtures/pages/huge-page';
import { extractPage } from '../extract-page';
import type { ExtractedPage } from '../types';
import { documentFromHtml } from './fixture-document';

const CORPUS = fileURLToPath(new URL('../../../../tests/fixtures/extraction/', import.meta.url));

function corpusDocument(name: string): Document {
  return documentFromHtml(readFileSync(`${CORPUS}${name}`, 'utf8'), name);
}

function read(doc: Document, options?: Parameters<typeof extractPage>[1]): ExtractedPage {
  const before = doc.documentElement.outerHTML;
  const result = extractPage(doc, options);
  expect(doc.documentElement.outerHTML).toBe(before);
  if (!result.ok) throw new Error(`expected a page, got ${result.error.code}`);
  return result.page;
}

describe('choosing by quality, not length', () => {
  it('keeps a short paywalled teaser instead of the page’s menus and video list', () => {
    const page = read(corpusDocument('news-paywall-teaser.html'));
    expect(page.source).toBe('readability');
    expect(page.text).toContain('the parish of Carrow Moor voted to buy a single turbine');
    for (const menu of [
      'Subscribe / Sign In',
      'Offshore wind, explained',
      'Why restoring peat bogs',
      'Community wind',
    ]) {
      expect(page.text).not.toContain(menu);
    }
    expect(page).toMatchObject({ title: 'The quiet rise of community-owned wind farms', byline: 'Oskar Lindqvist' });
  });

  it('keeps a two-paragraph brief instead of login and section menus', () => {
    const page = read(corpusDocument('news-wire-brief.html'));
    expect(page.source).toBe('readability');
    expect(page.text).toContain('About 30 vessels were waiting at anchor');
    for (const menu of ['Register for free', 'Asia Pacific', 'Healthcare and pharmaceuticals', 'Freight rates ease']) {
      expect(page.text).not.toContain(menu);
    }
  });

  it('reads the visible text when the article is missing, keeping the title', () => {
    const doc = documentFromHtml(
      '<html lang="en"><head><title>Notes</title></head><body><nav><a href="/">Home</a></nav>' +
        '<x-post id="post"></x-post></body></html>',
    );
    doc.getElementById('post')!.attachShadow({ mode: 'open' }).innerHTML =
      '<p>This story is rendered by a web component, so only the visible text can see its words at all.</p>';
    const page = read(doc);
    expect(page.source).toBe('visible-text');
    expect(page.text).toBe(
      'This story is rendered by a web component, so only the visible text can see its words at all.',
    );
    expect(page.title).toBe('Notes');
  });
});

describe('robust to the page’s state', () => {
  it('reads a page whose body an anti-flicker style still hides', () => {
    const page = read(corpusDocument('state-anti-flicker.html'));
    expect(page.text).toContain('a target of 20,000 new street trees by the end of the decade');
    expect(page.text).toContain('## Choosing the species');
  });

  it('reads a page hidden by display:none on <body>, or by a hidden wrapper around everything', () => {
    const article =
      '<article><h1>Ferry times</h1><p>The winter timetable starts on Monday, with the first boat at seven in the morning and the last at nine.</p></article>';
    for (const style of ['body{display:none}', '#app{visibility:hidden}']) {
      const doc = documentFromHtml(
        `<html><head><style>${style}</style></head><body><div id="app">${article}</div></body></html>`,
      );
      expect(read(doc).text).toContain('the first boat at seven in the morning');
    }
  });

  it('reads a page whose main region a style hides until its stylesheets load, while a strip above it shows', () => {
    const article =
      '<article><h1>Ferry times</h1><p>The winter timetable starts on Monday, with the first boat at seven in the ' +
      'morning and the last at nine. Season tickets stay valid, and bikes travel free on every sailing.</p></article>';
    for (const style of ['main{visibility:hidden}', '.content{opacity:0}', 'article{visibility:hidden}']) {
      const doc = documentFromHtml(
        `<html><head><style>${style}</style></head><body><div class="promo-strip"><p>Island Link ferries: ` +
          `timetables, fares and travel updates for every route.</p></div><main class="content">${article}</main>` +
          '</body></html>',
      );
      expect(read(doc).text, style).toContain('the first boat at seven in the morning');
    }
  });

  it("reads an article's collapsed answers, also those its markup hides (hidden, aria-hidden, an inline style)", () => {
    const answer = (id: string, hiding: string, words: string) =>
      `<h3><button aria-expanded="false" aria-controls="${id}">Question ${id}?</button></h3>` +
      `<div id="${id}" ${hiding}><p>${words}</p></div>`;
    const doc = documentFromHtml(
      '<html><head><title>Ferry questions</title></head><body><main><article><h1>Ferry questions</h1>' +
        '<p>The winter timetable starts on Monday, with the first boat at seven in the morning and the last at nine. ' +
        'Season tickets stay valid, and bikes travel free on every sailing of the island route.</p>' +
        answer('a1', 'hidden', 'Dogs travel free on the car deck and in the outside seating, on a lead.') +
        answer('a2', 'aria-hidden="true"', 'Cars longer than six metres pay the van fare, booked a day ahead.') +
        answer('a3', 'style="display: none"', 'Foot passengers board ten minutes before each sailing leaves.') +
        '</article></main></body></html>',
    );
    const text = read(doc).text;
    expect(text).toContain('Dogs travel free on the car deck');
    expect(text).toContain('Cars longer than six metres pay the van fare');
    expect(text).toContain('Foot passengers board ten minutes before');
  });

  it('reads closed <details> and until-found sections', () => {
    expect(read(corpusDocument('state-details-faq.html')).text).toContain(
      'typically around seventy per cent of their original capacity',
    );
    expect(read(corpusDocument('state-lazy-sections.html')).text).toContain('the wood pigeon with its five-note coo');
  });

  it('leaves out what the page hides: closed tabs and duplicates for other screen sizes', () => {
    const text = read(corpusDocument('state-responsive-duplicates.html')).text;
    expect(text.split('Passengers with season tickets do not need to rebook.')).toHaveLength(2);
    expect(text).not.toContain('At weekends there are six return sailings');
    expect(text).not.toContain('Swipe the table sideways');
    expect(text).not.toContain('My bookings');
  });

  it('says when the text comes from a feed that loads more as it is scrolled', () => {
    const feed = read(corpusDocument('state-infinite-feed.html'));
    expect(feed.loadsMore).toBe(true);
    expect(feed.text).toContain('The puddles on the ridge path were frozen solid');
    // Comments and "most read" lists under an article are not a feed.
    expect(read(corpusDocument('news-council-vote.html')).loadsMore).toBeUndefined();
  });
});

describe('bounded work on huge pages', () => {
  it('past the element limit, reads the shown content of the copy without Readability', () => {
    const page = read(documentFromHtml(hugePageHtml(12, 10), 'huge-page.html'), { maxReadabilityElements: 150 });
    expect(page.source).toBe('visible-text');
    expect(page.text).toContain(HUGE_PAGE_OPENING);
    expect(page.text).toContain(HUGE_PAGE_CLOSING);
    expect(page.text).not.toContain(HUGE_PAGE_BOILERPLATE);
    expect(page.text).not.toContain('Topic 12');
    expect(page.title).toBe('Nightly orbit planner builds fail after the linker upgrade · Orbitforge');
  });

  it('holds highlighted code as its text: a highlighter’s token elements count for nothing', () => {
    const lines = Array.from(
      { length: 300 },
      (_, line) =>
        `<span class="k">const</span> <span class="v">step${line}</span> <span class="o">=</span> <span class="n">${line}</span>;`,
    );
    const prose = Array.from(
      { length: 4 },
      (_, index) =>
        `<p>Paragraph ${index + 1} explains why the planner retries a failed step before it gives up on the build.</p>`,
    ).join('');
    const html = `<html><head><title>Retries</title></head><body><article><h1>Retries</h1>${prose}<pre><code class="language-js">${lines.join('\n')}</code></pre></article></body></html>`;
    // 1,500 token elements, but the copy holds the code as text: well within a limit of 100 elements for Readability.
    const page = read(documentFromHtml(html, 'retries.html'), { maxReadabilityElements: 100 });
    expect(page.source).toBe('readability');
    expect(page.text).toContain('```js\nconst step0 = 0;\nconst step1 = 1;');
    expect(page.text).toContain('const step299 = 299;\n```');
    expect(page.text).toContain('Paragraph 4 explains why the planner retries');
  });
});
