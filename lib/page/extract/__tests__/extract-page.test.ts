import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../extract-page';
import { fileNameOf } from '../plain-text-document';
import type { ExtractedPage } from '../types';
import { longArticleHtml, longArticleText } from '../../../../tests/fixtures/pages/long-article';
import { documentFromHtml, fixtureDocument, iframeFixtureDocument, renderShadowStory } from './fixture-document';

interface FixtureExpectation {
  file: string;
  load?: () => Document;
  title: string;
  lang: string;
  source?: ExtractedPage['source'];
  present: string[];
  absent: string[];
}

const shadowDocument = () => {
  const doc = fixtureDocument('shadow-article.html');
  renderShadowStory(doc);
  return doc;
};

const FIXTURES: FixtureExpectation[] = [
  {
    file: 'news-article.html',
    title: 'Harbour authority approves Zephyrine dredging plan',
    lang: 'en-GB',
    source: 'readability',
    present: [
      'Zephyrine dredging contract',
      'sediment plume monitoring buoys',
      'Councillor Amara Okonkwo',
      '## Monitoring and costs',
      '- The monitoring buoys go live in September.',
      '> “We are not against dredging',
    ],
    absent: [
      '143 partners',
      'Subscribe for £1',
      'Pier Road for thirty years',
      'Lighthouse keeper retires',
      'Coastal Ledger Media Group',
      'Harbour Pass',
      'anchor divider ornament',
      'check the tonnage figure',
      'trackingPixelFired',
      'enable JavaScript to see comments',
      'The Morning Tide',
    ],
  },
  {
    file: 'blog-code.html',
    title: 'Debouncing resize observers without losing the last frame',
    lang: 'en',
    present: [
      'requestAnimationFrame coalescing trick',
      '```ts\nfunction debounceFrame(',
      '```bash\n# install dependencies\nnpm install',
      '## Coalescing into animation frames',
      '- Coalesce observations into frames',
      'measure in frames, persist in milliseconds',
    ],
    absent: [
      'first-party analytics cookie',
      'Subscribe to the Frame Budget newsletter',
      'Priya writes about rendering performance',
      'Layout thrashing in the wild',
      'too much coffee',
    ],
  },
  {
    file: 'docs-page.html',
    title: 'Configuration reference',
    lang: 'en',
    present: [
      '`tessellate.config.json`',
      '| `maxTiles` | number | 4096 |',
      '```json\n{\n  "tileSize": 512,',
      '### Overriding from the command line',
      'later layers draw on top of earlier ones',
    ],
    absent: [
      'Migrating from Quilt 2.x',
      'Skip to main content',
      'cookies for search analytics',
      'Remote caching',
      'Apache 2.0 licence',
      'On this page',
      'Was this page helpful?',
      'Edit this page on GitHub',
    ],
  },
  {
    file: 'forum-thread.html',
    title: 'Sourdough starter smells like acetone after a week',
    lang: 'en',
    present: [
      'smells sharply of nail polish remover',
      'acetone smell means it is hungry',
      'Feed it at a 1:5:5 ratio',
      'rye flour fixed it for me',
      'back to doubling in six hours',
    ],
    absent: [
      'Cookies help us deliver our services',
      'Why is my crumb gummy?',
      'Forum statistics',
      'Forum rules',
      "What's new",
    ],
  },
  {
    file: 'product-page.html',
    title: 'Alder Trail 38L Hiking Backpack',
    lang: 'en-US',
    present: [
      'ventilated trampoline back panel',
      '- Hydration sleeve with two hose ports',
      '| Weight | 1.24 kg |',
      '### Specifications',
    ],
    absent: [
      'Free returns within 30 days',
      'cookies and similar technologies',
      'Birch Summit 55L',
      'Join the Ridgeway club',
      'Add to cart',
      'Cart (0)',
    ],
  },
  {
    file: 'shadow-article.html',
    load: shadowDocument,
    title: 'Reading the glacial erratics of the Cascades',
    lang: 'en',
    source: 'visible-text',
    present: [
      '# Reading the glacial erratics of the Cascades',
      'glacial erratics near Lake Wenatchee',
      '- Edges are rounded or faceted',
      '## Why they matter',
    ],
    absent: ['Upgrade to Field Notes Plus', 'Made in Seattle', 'Stories', ':host', 'attachShadow'],
  },
  {
    file: 'iframe-outer.html',
    load: iframeFixtureDocument,
    title: 'Quarterly aquifer recharge report',
    lang: 'en',
    source: 'visible-text',
    present: [
      '# Quarterly aquifer recharge report',
      'Piedra Basin ponds reached 3,480 acre-feet',
      'well MW-9 beside the eastern pond',
      '## Next quarter',
    ],
    absent: ['Pay your bill', '24-hour emergency line', 'Summary Wells'],
  },
  {
    file: 'german-article.html',
    title: 'Stadtrat beschließt neue Radwege entlang der Elbe',
    lang: 'de',
    present: [
      'Radschnellwegs zwischen Altstadt und Hafencity',
      '## Kritik aus der Opposition',
      '- Der erste Abschnitt zwischen Altstadt und Messegelände',
      '„wichtigen Schritt für eine Stadt, die am Fluss lebt“',
    ],
    absent: ['Wir verwenden Cookies', 'Meistgelesen', 'Deich bei Pieschen', 'Abo abschließen', 'Impressum'],
  },
];

function extractOk(doc: Document, options?: Parameters<typeof extractPage>[1]): ExtractedPage {
  const result = extractPage(doc, options);
  if (!result.ok) throw new Error(`expected a page, got ${result.error.code}`);
  return result.page;
}

/** A news article about the harbour bridge: `body` after its heading, read as a page. */
function readBridgeArticle(body: string, { articleClass = '', name = 'page.html' } = {}): ExtractedPage {
  const article = articleClass ? `<article class="${articleClass}">` : '<article>';
  return extractOk(
    documentFromHtml(
      `<html><head><title>Harbour bridge</title></head><body><main>${article}<h1>Harbour bridge</h1>` +
        `${body}</article></main></body></html>`,
      name,
    ),
  );
}

/** A page of the evaluation set (tests/fixtures/extraction), read. */
function evaluationPage(name: string): ExtractedPage {
  const html = readFileSync(new URL(`../../../../tests/fixtures/extraction/${name}`, import.meta.url), 'utf8');
  return extractOk(documentFromHtml(html, name));
}

/** A sentence-long paragraph of article prose about one `topic` of a harbour bridge. */
const bridgeProse = (topic: string) =>
  `<p>The ${topic} of the new harbour bridge were set out by the council in a report published this week, ` +
  'after two years of surveys, public meetings and studies of the river bed.</p>';

describe('extractPage on fixture pages', () => {
  for (const fixture of FIXTURES) {
    describe(fixture.file, () => {
      const load = () => (fixture.load ?? (() => fixtureDocument(fixture.file)))();

      it('keeps the main text and drops the boilerplate', () => {
        const page = extractOk(load());
        for (const marker of fixture.present) expect(page.text).toContain(marker);
        for (const marker of fixture.absent) expect(page.text).not.toContain(marker);
        if (fixture.source) expect(page.source).toBe(fixture.source);
      });

      it('reads title and language', () => {
        const page = extractOk(load());
        expect(page.title).toContain(fixture.title);
        expect(page.lang).toBe(fixture.lang);
      });

      it('leaves the live DOM untouched', () => {
        const doc = load();
        const before = doc.documentElement.outerHTML;
        const frames = Array.from(doc.querySelectorAll('iframe')).map(
          (frame) => frame.contentDocument?.documentElement.outerHTML,
        );
        const shadows = Array.from(doc.querySelectorAll('*')).map((el) => el.shadowRoot?.innerHTML);
        expect(extractPage(doc).ok).toBe(true);
        expect(doc.documentElement.outerHTML).toBe(before);
        expect(
          Array.from(doc.querySelectorAll('iframe')).map((frame) => frame.contentDocument?.documentElement.outerHTML),
        ).toEqual(frames);
        expect(Array.from(doc.querySelectorAll('*')).map((el) => el.shadowRoot?.innerHTML)).toEqual(shadows);
      });
    });
  }

  it('normalises whitespace: no blank-line runs, trailing spaces or doubled spaces', () => {
    for (const fixture of FIXTURES) {
      const text = extractOk((fixture.load ?? (() => fixtureDocument(fixture.file)))()).text;
      expect(text).toBe(text.trim());
      expect(text).not.toMatch(/\n{3,}/);
      expect(text).not.toMatch(/[ \t]+\n/);
      expect(text).not.toMatch(/\S {2,}\S/);
    }
  });

  it('reports metadata from Readability and the head', () => {
    const page = extractOk(fixtureDocument('news-article.html'));
    expect(page).toMatchObject({
      byline: expect.stringContaining('Helen Marsh'),
      siteName: 'The Coastal Ledger',
      publishedTime: '2025-03-11T07:45:00Z',
      url: 'http://127.0.0.1/pages/news-article.html',
    });
  });

  it('never reads form values or a rich editor labelled as a secret, only the prose around them', () => {
    const prose = '<p>The checkout page explains how orders are shipped and how refunds work for every customer.</p>';
    const page = extractOk(
      documentFromHtml(
        `<html><body><main><h1>Checkout</h1>${prose.repeat(6)}<form>` +
          '<input name="cardnumber" value="4111111111111111"><textarea>typed note</textarea>' +
          '<div contenteditable="true" aria-label="Verification code">918273</div></form></main></body></html>',
      ),
    );
    expect(page.text).toContain('how refunds work');
    expect(page.text).not.toMatch(/4111|typed note|918273/);
  });

  it("leaves out a filter's radio-button choices, read as a paragraph of text, and keeps a checklist's items", () => {
    const choices = ['English', 'German', 'French', 'Spanish', 'Portuguese', 'Italian', 'Polish', 'Turkish']
      .map(
        (language, index) =>
          `<input type="radio" name="review_language" id="language-${index}">` +
          `<label for="language-${index}">${language} Very Positive (${(index + 3) * 1187})</label><br>`,
      )
      .join('');
    const page = extractOk(
      documentFromHtml(
        `<html><body><main><h1>Harbour Builder</h1>${bridgeProse('rules').repeat(3)}` +
          '<div class="filter"><div>Languages with enough reviews to generate a score are split out below for ease of ' +
          `filtering.</div>${choices}<label><input type="radio" name="order"> Most helpful first</label></div>` +
          '<ul><li><input type="checkbox" id="step-1"><label for="step-1">Check the tide tables before the crossing</label>' +
          '</li></ul></main></body></html>',
      ),
    );
    expect(page.text).toContain('after two years of surveys');
    expect(page.text).toContain('Check the tide tables before the crossing');
    expect(page.text).not.toMatch(/Very Positive|Most helpful first/);
  });

  it('reads a page whose form has a control named "id" (the form\'s id property is then that control)', () => {
    const prose = '<p>The council approved the new cycle lanes on the harbour road after a year of consultation.</p>';
    const doc = documentFromHtml(
      '<html><body><form class="search-form" action="/search"><input type="hidden" name="id" value="5767">' +
        `<input name="q"></form><main><article>${prose.repeat(6)}</article></main>` +
        '<form class="newsletter"><input type="hidden" name="id" value="7611"></form></body></html>',
    );
    // What browsers do (happy-dom does not): a form's named controls shadow its own properties.
    for (const form of Array.from(doc.forms)) {
      Object.defineProperty(form, 'id', { get: () => form.querySelector('[name="id"]') });
    }
    expect(extractOk(doc).text).toContain('after a year of consultation');
  });

  it('reads a wiki article without its "[edit]" links, reference list, navigation boxes and categories', () => {
    const prose =
      '<p>The river rises in the northern fells and reaches the sea at the old harbour town.' +
      '<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup> Mills lined its banks.</p>';
    const heading = (id: string, title: string) =>
      `<div class="mw-heading mw-heading2"><h2 id="${id}">${title}</h2><span class="mw-editsection">` +
      `<span class="mw-editsection-bracket">[</span><a href="/w/index.php?action=edit&amp;section=1">edit</a>` +
      '<span class="mw-editsection-bracket">]</span></span></div>';
    const page = extractOk(
      documentFromHtml(
        '<html><head><title>River Aldermere - Wiki</title></head><body><main id="content"><h1>River Aldermere</h1>' +
          `<div id="bodyContent"><div class="mw-parser-output">${prose.repeat(3)}${heading('Course', 'Course')}` +
          `${prose.repeat(3)}<table class="wikitable"><caption>Mills by decade</caption><tbody>` +
          '<tr><th>Decade</th><th>Mills</th></tr><tr><td>1820s</td><td>14</td></tr></tbody></table>' +
          `${heading('References', 'References')}<div class="reflist"><div class="mw-references-wrap">` +
          '<ol class="references"><li id="cite_note-1"><span class="mw-cite-backlink"><a href="#cite_ref-1">^</a>' +
          '</span> <cite>"Mills of the north". Harbour Review Press. 1956. Retrieved 17 March 2021.</cite></li>' +
          '</ol></div></div><div role="navigation" class="navbox"><table><tbody><tr><th>Rivers of the north</th>' +
          '<td><ul><li><a href="/wiki/Tarn">Tarn Beck</a></li></ul></td></tr></tbody></table></div></div>' +
          '<div id="catlinks" class="catlinks"><a href="/wiki/Help:Category">Categories</a>: <ul>' +
          '<li><a href="/wiki/Category:Rivers">Rivers of the north</a></li></ul></div></div></main></body></html>',
      ),
    );
    expect(page.text).toContain('Mills lined its banks.');
    expect(page.text).toContain('## Course');
    expect(page.text).toContain('| 1820s | 14 |');
    expect(page.text).not.toMatch(/\[edit\]|\[1\]|Harbour Review Press|Tarn Beck|Categories|Rivers of the north/);
  });

  it("keeps a wiki's section headings, which Readability alone drops with their wrapping block", () => {
    const page = evaluationPage('wiki-article.html');
    expect(page.text).toContain('## Description\n\nAdults reach 14 to 18 centimetres');
    expect(page.text).toContain('## Habitat and range\n\n');
    expect(page.text).toContain('## Conservation\n\n');
  });

  it('leaves out ad slots, a paywall prompt, forum signatures, sign-ups and bios, but never a long block so named', () => {
    const page = readBridgeArticle(
      `${bridgeProse('plans')}<div class="adthrive-ad adthrive-content"><span>Advertisement</span></div>` +
        `${bridgeProse('costs')}<dl class="postprofile"><dt>gravelgrinder</dt><dd>Posts: 212</dd></dl>` +
        `${bridgeProse('dates')}<div class="signature">Wheels built to order.</div>` +
        `<div class="paywall">${bridgeProse('risks').repeat(12)}</div>` +
        '<div class="paywall-prompt"><h2>Subscribe to continue reading</h2><p>Unlimited access for £1 a week.</p>' +
        '<p>Already a subscriber? <a href="/signin">Sign in</a></p></div>' +
        '<div class="newsletter-signup"><p>Get the harbour briefing: the week\'s news from the port, the river and the ' +
        'council, every Friday in your inbox, free of charge.</p></div>' +
        '<div class="author-bio"><p>Mara Quist covers transport, planning and the harbour for the Gazette, where she ' +
        'has reported on the river crossings since 2015.</p></div>' +
        '<div class="article-body__tablet-newsletter"><h2>Breaking News Emails</h2><p>Alerts and reports, delivered ' +
        'weekday mornings.</p><a href="/newsletters">SUBSCRIBE</a></div>' +
        `${bridgeProse('tolls')}<div class="box"><div><h3>Never miss a story</h3><p>Our best reporting in your inbox, ` +
        'every morning.</p><form><input type="email" placeholder="Your address"><button>Sign me up</button></form>' +
        '</div></div>',
    );
    expect(page.text).toContain('The tolls of the new harbour bridge');
    expect(page.text).not.toMatch(/Breaking News Emails|weekday mornings|Never miss|Our best reporting/);
    expect(page.text).toContain('The costs of the new harbour bridge');
    // A site that wraps the paid article itself in "paywall": that is the content.
    expect(page.text).toContain('The risks of the new harbour bridge');
    expect(page.text).not.toMatch(
      /Advertisement|Posts: 212|gravelgrinder|Wheels built|Subscribe|subscriber|briefing|Mara Quist/,
    );
  });

  it('leaves out the lines a news site puts around an ad and its "Read more:" cross-links, whatever their markup', () => {
    const page = readBridgeArticle(
      `${bridgeProse('plans')}<p class="css-19a4b">ADVERTISEMENT</p><p><a href="#after-ad">SKIP ADVERTISEMENT</a></p>` +
        '<p>Story continues below advertisement</p><p>Anzeige</p><p>The council bought an advertisement.</p>' +
        '<p><strong>Read more:</strong> <a href="/news/ferry">Ferry fares to rise in spring</a></p>' +
        '<p>Related: <a href="/news/tolls">Bridge tolls</a></p>' +
        '<p><strong>SEE MORE:</strong> <a href="/news/quay">Quay closed for repairs</a></p>' +
        '<p>DON\'T MISS: <a href="/news/tram">Trams ran late all week</a></p>' +
        '<p><a href="/news/pier"><strong>PIER REOPENS AFTER TWO YEARS OF REPAIRS</strong></a></p>' +
        '<p>GET THE GAZETTE ON THE GO BY <a href="/app">CLICKING HERE</a></p>' +
        '<p>THE BRIDGE WILL OPEN IN 2030, THE COUNCIL SAID.</p>' +
        '<p><a href="https://council.example/votes.pdf">CLICK FOR THE FULL VOTE RESULTS</a></p>' +
        '<p>More: the <a href="/report">full report</a> runs to 400 pages, with maps of every pier and quay.</p>' +
        bridgeProse('costs'),
    );
    expect(page.text).toBe(
      [
        'The plans of the new harbour bridge were set out by the council in a report published this week, after two ' +
          'years of surveys, public meetings and studies of the river bed.',
        'The council bought an advertisement.',
        'THE BRIDGE WILL OPEN IN 2030, THE COUNCIL SAID.',
        'CLICK FOR THE FULL VOTE RESULTS',
        'More: the full report runs to 400 pages, with maps of every pier and quay.',
        'The costs of the new harbour bridge were set out by the council in a report published this week, after two ' +
          'years of surveys, public meetings and studies of the river bed.',
      ].join('\n\n'),
    );
  });

  it("leaves out a news site's lists of its other stories inside the article, with their label, but keeps sources", () => {
    const page = readBridgeArticle(
      `${bridgeProse('plans')}<h3>More from the harbour</h3><ul>` +
        '<li><a href="/news/ferry-fares">Ferry fares to rise in spring</a></li>' +
        '<li><a href="http://127.0.0.1/news/quay">Quay closed for repairs</a></li></ul>' +
        `${bridgeProse('costs')}<h4>More:</h4>` +
        // Some sites put each story in a list of its own.
        '<ul><li><h4><a href="/news/tolls">Bridge tolls frozen for another year</a></h4></li></ul>' +
        '<ul><li><h4><a href="/news/pier">Pier reopens after the winter storms</a></h4></li></ul>' +
        `${bridgeProse('dates')}<p>Sources:</p><ul>` +
        '<li><a href="https://council.example/report.pdf">Council report</a></li>' +
        '<li><a href="https://survey.example/river">River survey</a></li></ul>' +
        `<p><a href="/news/bridge-vote">How the council voted</a></p>${bridgeProse('risks')}` +
        // Linked names, as a wiki lists them, are content.
        '<p>Its builders:</p><ul><li><a href="/wiki/Harbour_Works">Harbour Works</a></li>' +
        '<li><a href="/wiki/River_Engineering">River Engineering Ltd</a></li></ul>' +
        bridgeProse('tests'),
      { name: 'bridge.html' },
    );
    expect(page.text).not.toMatch(/More from the harbour|Ferry fares|Quay closed|More:|Bridge tolls|Pier reopens/);
    // Links to other sites are sources; a single link in the text is part of it.
    expect(page.text).toContain('Sources:\n\n- Council report\n- River survey');
    expect(page.text).toContain('How the council voted');
    expect(page.text).toContain('Its builders:\n\n- Harbour Works\n- River Engineering Ltd');
    expect(page.text).toContain('The risks of the new harbour bridge');
  });

  it('leaves out a related-stories widget inside the article, known by a part of its class, when it is mostly links', () => {
    const page = readBridgeArticle(
      `${bridgeProse('plans')}<div class="sdc-article-related-stories"><h3>Related stories</h3>` +
        '<a href="https://news.example/ferry"><h4>Ferry fares to rise in spring</h4></a>' +
        '<a href="https://news.example/quay"><h4>Quay closed for repairs</h4></a></div>' +
        `${bridgeProse('costs')}<div class="rail--trending-note"><p>${bridgeProse('dates')}</p></div>`,
      { articleClass: 'article-body' },
    );
    expect(page.text).not.toMatch(/Related stories|Ferry fares|Quay closed/);
    // A block so named that is prose is content.
    expect(page.text).toContain('The dates of the new harbour bridge');
  });

  it('leaves out a teaser rail known by its class whose cards are covered by empty links', () => {
    const card = (path: string, kicker: string, line: string) =>
      `<div class="rail__item"><a href="/news/${path}"><img src="${path}.jpg" alt=""></a>` +
      `<div class="rail__item-content"><h3>${kicker}</h3><span>${line}</span></div>` +
      `<a href="/news/${path}" class="rail__item-anchor"></a></div>`;
    const page = readBridgeArticle(
      `${bridgeProse('plans')}<div class="rail rail--trending"><h3>Most read in news</h3>` +
        card('ferry', 'FARE RISE', 'Ferry fares to rise in spring, the operator says') +
        card('quay', 'CLOSED', 'Quay closed for repairs until the summer') +
        card('tram', 'LATE AGAIN', 'Trams ran late all week after a signal fault') +
        `</div>${bridgeProse('costs')}<div class="article__gallery-count"><span>6</span></div>`,
    );
    expect(page.text).not.toMatch(/Most read|FARE RISE|Ferry fares|Quay closed|Trams ran late|\b6\b/);
    expect(page.text).toContain('The costs of the new harbour bridge');
  });

  it('leaves out share bars and tag lists, known by their links, and keeps links to read in the text', () => {
    const share = (network: string, href: string) => `<a class="btn" href="${href}">${network}</a> `;
    const page = readBridgeArticle(
      `<div class="tools"><span>Share:</span>` +
        share('Facebook', 'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example%2Fbridge') +
        share('WhatsApp', 'whatsapp://send?text=Harbour%20bridge') +
        share('Email', 'mailto:?subject=Harbour%20bridge') +
        `</div>${bridgeProse('plans')}` +
        '<p>The council <a href="https://twitter.com/intent/tweet?text=Bridge">asked residents</a> to share their ' +
        'views on the plans online before the end of the month, and more than a thousand of them did.</p>' +
        '<div class="wabtn_container"><a href="https://api.whatsapp.com/send?text=x">Share this on WhatsApp</a></div>' +
        `${bridgeProse('costs')}<p>Read the <a href="https://council.example/report">full report</a>.</p>` +
        '<strong>Tags<br><a href="https://news.example/tag/bridges/" rel="tag">bridges</a>, ' +
        '<a href="https://news.example/tag/harbour/" rel="tag">harbour</a>, ' +
        '<a href="https://news.example/tag/council/" rel="tag">council</a></strong>',
    );
    expect(page.text).not.toMatch(/Share:|Facebook|WhatsApp|Email|Tags|bridges, harbour/);
    expect(page.text).toContain('The council asked residents to share their views on the plans online');
    expect(page.text).toContain('Read the full report.');
  });

  it("leaves out a picture's credit, a slideshow's controls and text for screen readers only, and keeps captions", () => {
    const page = readBridgeArticle(
      '<figure><img src="bridge.jpg" alt=""><div class="control-bar-right"><div class="slide-count">Image 1 of 4' +
        '</div><p class="open">Caption</p><p class="close">Close</p></div>' +
        '<figcaption><span class="visually-hidden">Image caption</span>' +
        'The bridge would cross the river at the old ferry slip.' +
        '<span class="article__credit">Credit: Jane Doe, AP</span></figcaption></figure>' +
        `${bridgeProse('plans')}<p>Image copyright Getty Images</p><p>(Image: © Harbour Authority)</p>` +
        '<p>Image: the council chamber, where the vote on the bridge will be held next spring after a consultation</p>' +
        `${bridgeProse('costs')}<p>Copyright © 2026 Harbour Gazette. All rights reserved.</p><p>© Reuters</p>` +
        '<p>Photographers were kept away from the site.</p><p>Copyright protects the plans.</p>' +
        '<p>(c) a third crossing</p>' +
        '<figure><figcaption>Divers checked the old piers in May (Image: GETTY )</figcaption></figure>' +
        '<figure><figcaption>The river bed was surveyed from a barge. Credit: Harbour Survey</figcaption></figure>' +
        '<figure><figcaption class="lead-image__credit">\n    <span>The old ferry slip at dawn</span>\n    ' +
        '<span class="lead-image__attribution">Jo Hart</span>\n  </figcaption></figure>',
    );
    expect(page.text).not.toMatch(/Jane Doe|Getty|Harbour Authority|Gazette|Reuters/);
    expect(page.text).not.toMatch(/Image caption|Image 1 of 4|Close/);
    expect(page.text).toContain('The bridge would cross the river at the old ferry slip.');
    expect(page.text).toContain('Image: the council chamber, where the vote');
    expect(page.text).toContain('Photographers were kept away from the site.\n\nCopyright protects the plans.');
    expect(page.text).toContain('(c) a third crossing');
    expect(page.text).toContain('Divers checked the old piers in May\n\nThe river bed was surveyed from a barge.');
    expect(page.text).not.toMatch(/GETTY|Harbour Survey/);
    expect(page.text).toContain('The old ferry slip at dawn');
  });

  it('keeps a post the article quotes from a social network, which Readability drops with its wrapper', () => {
    const page = readBridgeArticle(
      `${bridgeProse('plans')}<p>Not everyone was convinced.</p><div class="social-media-embed">` +
        '<blockquote class="twitter-tweet"><p lang="en">Half a million for a bridge nobody asked for: ' +
        '<a href="https://t.co/abc">https://t.co/abc</a></p>— Harbour Watch (@harbourwatch) ' +
        '<a href="https://twitter.com/harbourwatch/status/1">November 18, 2026</a></blockquote>' +
        `<script async src="https://platform.twitter.com/widgets.js"></script></div>${bridgeProse('costs')}`,
    );
    expect(page.text).toContain(
      'Not everyone was convinced.\n\n> Half a million for a bridge nobody asked for: https://t.co/abc\n>\n' +
        '> — Harbour Watch (@harbourwatch) November 18, 2026',
    );
  });

  it("keeps a recipe card's section headings, whose class reads like a page header", () => {
    const page = evaluationPage('blog-recipe.html');
    expect(page.text).toMatch(/### Ingredients\n\n- 115 g unsalted butter/);
    expect(page.text).toMatch(/### Instructions\n\n- Melt the butter/);
  });

  it('reads headings without their permalink signs', () => {
    const page = readBridgeArticle(
      `${bridgeProse('plans')}<h2 id="timeline">Timeline<a class="headerlink" href="#timeline">¶</a></h2>` +
        `${bridgeProse('dates')}<h3 id="risks">Risks <a href="#risks">#</a></h3>${bridgeProse('risks')}`,
    );
    expect(page.text).toContain('## Timeline\n\nThe dates');
    expect(page.text).toContain('### Risks\n\nThe risks');
  });

  it('reads the JSON-LD metadata a page carries, while its other scripts and styles stay unread', () => {
    const prose = '<p>The river authority dredged the harbour channel this spring, after ten years of silt.</p>';
    const page = extractOk(
      documentFromHtml(
        '<html><head><title>Harbour dredged</title><style>p { color: navy }</style>' +
          '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",' +
          '"headline":"Harbour dredged","author":{"@type":"Person","name":"Ada Lindqvist"}}</script></head>' +
          `<body><main><article>${prose.repeat(6)}<script>var tracked = "pixelFired";</script></article></main>` +
          '</body></html>',
      ),
    );
    expect(page.byline).toBe('Ada Lindqvist');
    expect(page.text).toContain('after ten years of silt');
    expect(page.text).not.toMatch(/pixelFired|navy/);
  });

  it('reads a short article as Readability first finds it: its byline is metadata, not text', () => {
    const story =
      'Copper prices rose to their highest level in eleven months on Tuesday after a group of smelters agreed to ' +
      'cut production, tightening the supply of refined metal at a time when mines already struggle with demand. ' +
      'Benchmark copper gained as much as 2.3 per cent in morning trading.';
    const page = extractOk(
      documentFromHtml(
        '<html><head><title>Copper climbs as smelters cut output</title></head><body><main><article>' +
          '<h1>Copper climbs as smelters cut output</h1><p class="byline">Neil Hartmann in London</p>' +
          `<p>${story}</p></article></main></body></html>`,
      ),
    );
    expect(page.byline).toBe('Neil Hartmann in London');
    expect(page.text).toContain('tightening the supply of refined metal');
    expect(page.text).not.toContain('Hartmann');
  });

  it('reads the article below a teaser that Readability first takes for it, and keeps a brief with teasers around it', () => {
    const paragraph = (n: number) =>
      `<p>Season ${n} follows the growers through a dry summer: which beds held their water, why the tomatoes on the ` +
      `south fence split, and how a neighbour's rain barrels saved the squash. Each episode ends in the kitchen, ` +
      `where the harvest of the week becomes supper for the crew and whoever helped that day.</p>`;
    const withHero = extractOk(
      documentFromHtml(
        '<html><head><title>Gardening shows to watch</title></head><body><main>' +
          '<section class="hero"><p class="post-title h2">Six gardening shows to watch for backyard inspiration</p>' +
          '<div class="post-excerpt"><p>We could all use a little help with our gardens, from the first seedlings to ' +
          'the last of the autumn beds. Stream these six shows and spark your imagination.</p></div><p class="caption">The host can turn any backyard into a working garden.' +
          '</p></section><article><div class="sidebar-layout"><div class="sidebar-content">' +
          [1, 2, 3, 4, 5, 6].map(paragraph).join('') +
          '</div></div></article></main></body></html>',
      ),
    );
    expect(withHero.text).toContain('Season 1 follows the growers');
    expect(withHero.text).toContain('Season 6 follows the growers');

    const teaser = (n: number) =>
      `<li><a href="/news/${n}">Harbour story number ${n} about the dredging plan and what it costs</a></li>`;
    const brief = extractOk(
      documentFromHtml(
        '<html><head><title>Ferry service resumes</title></head><body><div class="page"><div class="story">' +
          '<h1>Ferry service resumes</h1><p>The island ferry runs again from Monday after repairs to its ramp, the ' +
          'operator said. Sailings keep the winter timetable until April, and bookings made for the cancelled ' +
          'crossings are honoured on any sailing this month.</p></div><div class="more-news"><h2>More news</h2><ul>' +
          [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(teaser).join('') +
          '</ul></div></div></body></html>',
      ),
    );
    expect(brief.text).toContain('The island ferry runs again from Monday');
    expect(brief.text).not.toContain('Harbour story');
  });

  it('reads a list of stories (a topic page) as its headlines and teasers, unless the page says it is one article', () => {
    const card = (n: number) =>
      `<div class="card"><a href="/news/${n}"><h3>Council story number ${n} on the budget and the bus routes</h3>` +
      `<p>The ${n}th report from the town hall: what the vote means for fares, for the night buses and for the ` +
      `depot that the council wants to sell.</p><span>By Reporter ${n}</span></a></div>`;
    const topicPage = (head: string) =>
      documentFromHtml(
        `<html><head><title>Local politics | The Gazette</title>${head}</head><body>` +
          '<header><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav></header><main>' +
          '<h1>Local politics</h1><p>All our coverage of the town council.</p>' +
          '<p><a href="/politics?sort=new">Newest</a> <a href="/politics?sort=top">Most read</a></p>' +
          [1, 2, 3, 4, 5, 6, 7, 8].map(card).join('') +
          '<aside class="newsletter"><p>Get the politics newsletter every Friday morning in your inbox.</p></aside>' +
          '</main></body></html>',
      );
    const listing = extractOk(topicPage('<meta property="og:type" content="website">'));
    for (const n of [1, 8]) {
      expect(listing.text).toContain(`### Council story number ${n} on the budget`);
      expect(listing.text).toContain(`The ${n}th report from the town hall`);
    }
    expect(listing.text).not.toContain('Newest');
    expect(listing.text).not.toContain('Sport');

    const article = extractOk(topicPage('<meta property="og:type" content="article">'));
    expect(article.text).not.toContain('Council story number 8');
  });

  it('reads a long list of stories under an intro of a few sentences as the list', () => {
    const card = (n: number) =>
      `<div class="card"><a href="/guides/${n}"><h3>Guide number ${n} to planting a small orchard</h3>` +
      `<p>Part ${n} of the series: which trees suit a cold garden, how far apart to plant them and when to prune ` +
      `them in their first winters.</p></a></div>`;
    const intro =
      '<p>Our orchard guides follow one small garden through its first five years, from choosing the rootstocks to ' +
      'the first real harvest. Each guide stands on its own, so start with the one that answers your question.</p>' +
      '<p>The series is written by the gardeners of the community orchard, who answer questions every Saturday ' +
      'morning at the gate. Guides are updated each spring with what the last season taught them, and the older ' +
      'versions stay in the archive for anyone who wants to compare.</p>' +
      '<p>None of the guides needs special tools: a spade, a pair of secateurs and a notebook for what you planted ' +
      'where are enough for the first years.</p>';
    const page = extractOk(
      documentFromHtml(
        '<html><head><title>Orchard guides</title></head><body><main><h1>Orchard guides</h1>' +
          intro +
          Array.from({ length: 40 }, (_, index) => card(index + 1)).join('') +
          '</main></body></html>',
      ),
    );
    expect(page.text).toContain('The series is written by the gardeners');
    expect(page.text).toContain('### Guide number 40 to planting a small orchard');
    expect(page.text).toContain('Part 40 of the series');
  });

  it("reads a forum thread whose posts sit in a block named like comments, and leaves an article's comments out", () => {
    const post = (author: string, words: string) =>
      `<article class="ipsComment"><aside class="ipsComment_author"><h3>${author}</h3></aside>` +
      `<div class="ipsComment_content"><p>${words}</p></div></article>`;
    const chrome =
      '<header><nav><a href="/">Forums</a> <a href="/new">New posts</a> <a href="/search">Search</a></nav></header>';
    const footer = '<footer><p>Powered by a forum engine. All times are UTC. Contact us for questions.</p></footer>';
    const thread = extractOk(
      documentFromHtml(
        `<html><head><title>Winter tyres on a cargo bike?</title></head><body>${chrome}<main>` +
          '<h1>Winter tyres on a cargo bike?</h1><div id="comments" class="cTopic ipsClear">' +
          post(
            'fenna_r',
            'Has anyone fitted studded tyres to a long-tail cargo bike? The frame clearance at the rear ' +
              'looks tight and I carry two children on icy roads every morning, so I would rather ask first.',
          ) +
          post(
            'olek',
            'I run 26 by 2.1 studded tyres on mine without trouble. Let a little air out for better grip on ' +
              'packed snow, and check the mudguard stays after the first week because they can rub.',
          ) +
          post(
            'marit',
            'Same here, and a wider front tyre helped more than the studs at the back. Steering with a ' +
              'full load felt much calmer once the front stopped skating on ruts.',
          ) +
          `</div></main>${footer}</body></html>`,
      ),
    );
    expect(thread.text).toContain('Has anyone fitted studded tyres');
    expect(thread.text).toContain('a wider front tyre helped more than the studs');

    const story = (n: number) =>
      `<p>Paragraph ${n} of the council's report sets out how the new bus lanes will change journeys across the ` +
      'city centre, which junctions get new signals, and how deliveries to shops on the high street will work.</p>';
    const articleHtml =
      `<html><head><title>Bus lanes approved</title></head><body>${chrome}<main><article>` +
      `<h1>Bus lanes approved</h1>${[1, 2, 3, 4, 5].map(story).join('')}</article><div id="comments">` +
      // More words in the comments than in the article: still its comments, not a forum thread.
      Array.from(
        { length: 12 },
        (_, n) =>
          `<p>Great news, about time the buses got priority on the bridge ` +
          `road, says reader number ${n}, who has waited at the junction by the station every morning for years.</p>`,
      ).join('') +
      `</div></main>${footer}</body></html>`;
    // Also when the page is too large for Readability and its text is read directly.
    for (const maxReadabilityElements of [undefined, 10]) {
      const article = extractOk(documentFromHtml(articleHtml), { maxReadabilityElements });
      expect(article.text).toContain('Paragraph 5 of the council');
      expect(article.text).not.toContain('Great news');
    }
  });

  it('leaves out the byline line when the metadata already names the author, and keeps the standfirst', () => {
    const story =
      'When the parish voted to buy a single turbine in 2019, the money came from 212 households, a church roof fund ' +
      'and a loan that the bank only agreed to on the third attempt. Five years on, the turbine pays for the bus.';
    const page = extractOk(
      documentFromHtml(
        '<html><head><title>The village that bought a wind turbine</title><meta name="author" content="Oskar Lindqvist">' +
          '</head><body><main><article><h1>The village that bought a wind turbine</h1>' +
          '<p class="standfirst">Villages across the uplands are buying their own turbines. Not everyone is convinced.</p>' +
          '<p class="byline">By <a href="/authors/oskar">Oskar Lindqvist</a> ' +
          '<span class="date">March 2, 2025</span> · 9 min read</p>' +
          `<p>${story}</p><p>Written up by Oskar Lindqvist for the parish newsletter, ${story}</p></article></main></body></html>`,
      ),
    );
    expect(page.byline).toBe('Oskar Lindqvist');
    expect(page.text).toMatch(
      /^Villages across the uplands are buying their own turbines\. Not everyone is convinced\.\n\nWhen/,
    );
    expect(page.text).not.toContain('9 min read');
    expect(page.text).toContain('Written up by Oskar Lindqvist for the parish newsletter');
  });

  it('reads a long article exactly as written, without the page around it', () => {
    const doc = documentFromHtml(longArticleHtml(6_000), 'long-article.html');
    const result = extractPage(doc);
    expect(result.ok && result.page.text).toBe(longArticleText(6_000));
  });

  it('without the shadow root rendered, the shadow page has nothing to read', () => {
    expect(extractPage(fixtureDocument('shadow-article.html'))).toEqual({ ok: false, error: { code: 'empty-page' } });
  });

  it('returns the empty-page error for a page with only chrome, hidden text and scripts', () => {
    expect(extractPage(fixtureDocument('empty-page.html'))).toEqual({ ok: false, error: { code: 'empty-page' } });
  });

  /** A text file as the browser shows it: one preformatted block in a document of type text/plain. */
  function textFileDocument(text: string, name: string, type = 'text/plain'): Document {
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const doc = documentFromHtml(`<html><head></head><body><pre>${escaped}</pre></body></html>`, name);
    Object.defineProperty(doc, 'contentType', { value: type });
    return doc;
  }

  it('reads a text file as the text it is, lines and paragraphs kept, never as a code block', () => {
    const text =
      '# Release notes\r\n\r\nFixed the <b>tide</b> table.   \r\nAdded berth\r\nlimits.\r\n\r\n\r\n\r\nThanks to all.\r\n';
    const result = extractPage(textFileDocument(text, 'release%20notes.txt'));
    expect(result).toMatchObject({
      ok: true,
      page: {
        title: 'release notes.txt',
        source: 'plain-text',
        text: '# Release notes\n\nFixed the <b>tide</b> table.\nAdded berth\nlimits.\n\nThanks to all.',
      },
    });
    expect(extractPage(textFileDocument(' \r\n\r\n ', 'blank.txt'))).toEqual({
      ok: false,
      error: { code: 'empty-page' },
    });
  });

  it("names a text file by its address's last part, or its host", () => {
    expect(fileNameOf('https://example.org/rfc/rfc9110.txt?x=1')).toBe('rfc9110.txt');
    expect(fileNameOf('https://example.org/notes/caf%C3%A9.txt')).toBe('café.txt');
    expect(fileNameOf('https://example.org/')).toBe('example.org');
    expect(fileNameOf('https://example.org/100%25-%E0%A4.txt')).toBe('100%25-%E0%A4.txt');
  });
});
