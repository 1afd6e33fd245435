import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isNonTextElement, isSecondaryContent, PageChrome } from '../excluded-elements';
import { renderStructuredText, renderText, renderTextAndListing, type RenderOptions } from '../structured-text';
import { readArticle } from '../readability-article';
import { PageVisibility } from '../visibility';
import { documentFromHtml } from './fixture-document';

/** How the visible-text reader renders a live page: no scripts or chrome, nothing hidden. */
function liveOptions(doc: Document, enterShadowRoots = true, enterFrames = true): RenderOptions {
  const chrome = new PageChrome();
  return {
    isExcluded: (el) => isNonTextElement(el) || chrome.isChrome(el),
    visibility: new PageVisibility(doc),
    enterShadowRoots,
    enterFrames,
  };
}

function render(bodyHtml: string, head = ''): string {
  const doc = documentFromHtml(`<!doctype html><html><head>${head}</head><body>${bodyHtml}</body></html>`);
  return renderStructuredText(doc.body, liveOptions(doc));
}

describe('renderStructuredText', () => {
  it('writes headings as markdown headings and separates paragraphs by one blank line', () => {
    expect(
      render('<h1>Title</h1><p>One\n   two</p><div>Three <b>bold</b></div><h3>Sub <a href="#">part</a></h3>'),
    ).toBe('# Title\n\nOne two\n\nThree bold\n\n### Sub part');
  });

  it('writes nested lists; an ordered list is numbered (from its start) only when asked, as in mail', () => {
    const html =
      '<ul><li>Apples<ul><li>Cox</li><li>Gala</li></ul></li><li><p>Pears</p></li></ul><ol start="3"><li>Third</li><li>Fourth</li></ol>';
    expect(render(html)).toBe('- Apples\n  - Cox\n  - Gala\n- Pears\n\n- Third\n- Fourth');
    const doc = documentFromHtml(`<!doctype html><html><body>${html}</body></html>`);
    expect(renderStructuredText(doc.body, { ...liveOptions(doc), numberOrderedLists: true })).toBe(
      '- Apples\n  - Cox\n  - Gala\n- Pears\n\n3. Third\n4. Fourth',
    );
  });

  it("says a web page's repeated caption once, a caption wrapped in another as one, and keeps mail's as written", () => {
    const picture = (id: number) =>
      `<div class="wp-caption"><img src="${id}.jpg" alt=""><p class="wp-caption-text">Festival opening, 2018</p></div>`;
    const html =
      `<p>The stage was set in the park.</p>${picture(1)}<p>Crowds came early.</p>${picture(2)}` +
      '<figure><img src="3.jpg" alt=""><figcaption>The drum dance</figcaption></figure><p>Then the dancers.</p>' +
      `${picture(3)}<figure><img src="4.jpg" alt=""><figcaption>The drum dance</figcaption></figure>`;
    const doc = documentFromHtml(`<!doctype html><html><body>${html}</body></html>`);
    expect(renderStructuredText(doc.body, { ...liveOptions(doc), leaveOutFurniture: true })).toBe(
      'The stage was set in the park.\n\nFestival opening, 2018\n\nCrowds came early.\n\nThe drum dance\n\n' +
        'Then the dancers.',
    );
    expect(renderStructuredText(doc.body, liveOptions(doc)).match(/Festival opening/g)).toHaveLength(3);
  });

  it('fences code blocks verbatim with their language, and marks inline code', () => {
    const html =
      '<p>Call <code>run()</code> first.</p><pre><code class="language-py">def f():\n\n    return 1   \n</code></pre><pre>has ``` inside</pre>';
    expect(render(html)).toBe(
      'Call `run()` first.\n\n```py\ndef f():\n\n    return 1\n```\n\n````\nhas ``` inside\n````',
    );
  });

  it('keeps text written straight into a list, once and in order, between the items it separates', () => {
    expect(
      render(
        '<ul>Indented <b>text</b> with a <a href="#">link</a><li>One</li>Between<li>Two</li> After</ul><p>Next</p>',
      ),
    ).toBe('Indented text with a link\n\n- One\n\nBetween\n\n- Two\n\nAfter\n\nNext');
    expect(render('<p>Before</p><ul>Only text, no items</ul>')).toBe('Before\n\nOnly text, no items');
  });

  it('writes definition lists, figures with captions and quotes as paragraphs; two line breaks end a paragraph', () => {
    const html =
      '<dl><dt>Term</dt><dd>Meaning</dd></dl><figure><img src="x.png" alt="ignored"><figcaption>Caption</figcaption></figure>' +
      '<blockquote>Quoted <cite>source</cite></blockquote><div>Line one<br>line two<br><br>New paragraph</div>';
    expect(render(html)).toBe('Term\n\nMeaning\n\nCaption\n\n> Quoted source\n\nLine one\nline two\n\nNew paragraph');
  });

  it('ends a paragraph at two line breaks with only spaces or tabs between them, however the text around them arrives', () => {
    // Old pages write lines and paragraphs with <br> alone; the blank between two breaks may be its own text node.
    expect(render('<div>One<br> \t <br>Two<br><b>Three</b><br><span> </span><br>Four</div>')).toBe(
      'One\n\nTwo\nThree\n\nFour',
    );
    // Text between two breaks keeps them as lines of one paragraph.
    expect(render('<div>a<br>b<br>c</div>')).toBe('a\nb\nc');
    // Thousands of lines broken by <br>: one paragraph of lines, every line kept once.
    const lines = Array.from({ length: 3000 }, (_, index) => `Line ${index}`);
    expect(render(`<div>${lines.join('<br>')}</div>`)).toBe(lines.join('\n'));
  });

  it('trims menus and link lists before the first and after the last block of content when asked', () => {
    const doc = documentFromHtml(
      '<body><p><a href="/">Home</a> › <a href="/news">News</a></p><h1>Title</h1><p>The article text is long enough to read as prose here.</p>' +
        '<h2>Most read</h2><ol><li><a href="/a">First story</a></li><li><a href="/b">Second story</a></li></ol></body>',
    );
    const options = { ...liveOptions(doc), trimLinkBlocks: true };
    expect(renderText(doc.body, options).text).toBe(
      '# Title\n\nThe article text is long enough to read as prose here.',
    );
    expect(renderText(doc.body, { ...options, trimLinkBlocks: false }).text).toContain('- Second story');
  });

  it('reads a listing as its headlines and teasers, counting them, and leaves its menus and tags out', () => {
    const doc = documentFromHtml(
      '<body><p><a href="/">Home</a> › <a href="/rail">Rail</a></p><h1>Rail news</h1>' +
        '<div class="card"><a href="/news/1"><h3>Night trains return to the coast line in May</h3>' +
        '<p>The operator restores the sleeper service after four years, with new carriages and a later departure.</p></a>' +
        '<a href="/tag/trains">Trains</a></div>' +
        '<ul><li><a href="/news/2">Station car park closes for three weeks of repairs</a></li>' +
        '<li><a href="/news/3">Ticket machines</a></li></ul>' +
        '<h3><a href="/news/4">Signal fault delays morning commuters</a></h3></body>',
    );
    const { text, teasers } = renderTextAndListing(doc.body, liveOptions(doc)).listing;
    expect(text).toBe(
      '# Rail news\n\n### Night trains return to the coast line in May\n\n' +
        'The operator restores the sleeper service after four years, with new carriages and a later departure.\n\n' +
        '- Station car park closes for three weeks of repairs\n\n### Signal fault delays morning commuters',
    );
    // Two linked headlines, a teaser wrapped in its link and a headline in a list; not the section's own heading.
    expect(teasers).toBe(4);
  });

  it('counts prose apart from links and labels', () => {
    const doc = documentFromHtml(
      '<body><p>This paragraph is prose: a sentence of some length with <a href="#">one link</a>.</p><p><a href="/">Menu</a> <a href="/x">Entry</a></p><p>Label</p></body>',
    );
    const { stats } = renderText(doc.body, liveOptions(doc));
    expect(stats.proseChars).toBe('This paragraph is prose: a sentence of some length with .'.length);
    expect(stats.linkChars).toBe('one link'.length + 'MenuEntry'.length);
  });

  it('writes data tables as rows, quotes with >, and line breaks as newlines', () => {
    const html =
      '<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>x|y</td></tr></table><blockquote><p>Quoted</p><p>Twice</p></blockquote><p>Line one<br>Line two</p>';
    expect(render(html)).toBe('| A | B |\n| --- | --- |\n| 1 | x\\|y |\n\n> Quoted\n>\n> Twice\n\nLine one\nLine two');
  });

  it('treats single-column tables as layout, not data', () => {
    expect(render('<table><tr><td><p>First</p><p>Second</p></td></tr></table>')).toBe('First\n\nSecond');
  });

  it('reads closed <details> and until-found sections, which a reader can open', () => {
    expect(
      render('<details><summary>Question</summary><p>Answer</p></details><div hidden="until-found"><p>Found</p></div>'),
    ).toBe('Question\n\nAnswer\n\nFound');
  });

  it('skips hidden elements by attribute, inline style, class rule and screen-reader class', () => {
    const html =
      '<p>Seen</p><p hidden>H1</p><p aria-hidden="true">H2</p><p style="display: none">H3</p><p style="visibility:hidden">H4</p>' +
      '<p class="gone">H5</p><span class="sr-only">H6</span><script>H7()</script><style>p{}</style><noscript>H8</noscript>';
    expect(render(html, '<style>.gone { display: none }</style>')).toBe('Seen');
  });

  it('skips nav, aside, footer, site header and cookie banners, but not an article header', () => {
    const html =
      '<header>Site name</header><nav>Menu</nav><div id="cookie-notice">We use cookies</div><div class="cmp-banner">Consent</div>' +
      '<article><header><h1>Headline</h1></header><p>Body</p><aside>Pull quote</aside></article><footer>Legal</footer>';
    expect(render(html)).toBe('# Headline\n\nBody');
  });

  it('reads collapsed panels a click opens (accordions, FAQ answers, tab panels), when the reading asks for them', () => {
    const doc = documentFromHtml(
      '<!doctype html><html><head><style>.answer{display:none} .mobile-only{display:none}</style></head><body>' +
        '<h2>Questions</h2>' +
        '<h3><button aria-expanded="false" aria-controls="a1">Can I return a bike?</button></h3>' +
        '<div id="a1" hidden><p>Yes, within 30 days, unridden.</p><p class="sr-only">End of answer</p></div>' +
        '<div class="faq-question">Do you ship abroad?</div><div class="answer"><p>Only within the EU.</p></div>' +
        '<div class="header-row"><span role="button" tabindex="0">Warranty</span></div>' +
        '<div style="display:none"><p>Two years on frames.</p></div>' +
        '<div role="tablist"><button role="tab" aria-controls="specs">Specs</button></div>' +
        '<div role="tabpanel" id="specs" hidden><p>Weight 14 kg.</p></div>' +
        '<p>Shown on every screen.</p><div class="mobile-only"><p>Shown on phones only.</p></div>' +
        '<button aria-label="Menu"></button><span class="sr-only">Opens the menu</span>' +
        '<button aria-haspopup="true" aria-expanded="false">Shop</button><ul hidden><li>Gift cards</li></ul>' +
        '<input role="combobox" aria-expanded="false" aria-controls="suggestions">' +
        '<ul id="suggestions" role="listbox" hidden><li>bikes for sale</li></ul>' +
        '</body></html>',
    );
    const read = (openCollapsedPanels: boolean) =>
      renderStructuredText(doc.body, {
        isExcluded: isNonTextElement,
        visibility: new PageVisibility(doc, { openCollapsedPanels }),
        enterShadowRoots: false,
        enterFrames: false,
      });
    const opened = read(true);
    for (const text of ['Yes, within 30 days', 'Only within the EU.', 'Two years on frames.', 'Weight 14 kg.'])
      expect(opened).toContain(text);
    for (const text of ['End of answer', 'Shown on phones only', 'Opens the menu', 'Gift cards', 'bikes for sale'])
      expect(opened).not.toContain(text);
    // Mail reads only what its client shows: a collapsed part of a message is quoted history.
    const closed = read(false);
    for (const text of ['Yes, within 30 days', 'Only within the EU.', 'Two years on frames.', 'Weight 14 kg.'])
      expect(closed).not.toContain(text);
    expect(closed).toContain('Shown on every screen.');
  });

  it("tells a consent manager's cmp names from Adobe Experience Manager's cmp- components", () => {
    const doc = documentFromHtml(
      '<div class="cmp-container"><div class="cmp-title"><h2 class="cmp-title__text">Our services</h2></div>' +
        '<div class="text"><div class="cmp-text"><p>We help clients grow.</p></div></div></div>' +
        '<div id="cmpbox">Accept all</div><div class="cmp">Accept</div><div class="qc-cmp2-container">Agree</div>' +
        '<div class="sd-cmp-1oGcA">Agree</div><div class="cmp-banner">Accept</div><div class="x_cmp">Accept</div>',
    );
    const chrome = new PageChrome();
    const chromeOf = (selector: string) => chrome.isChrome(doc.querySelector(selector)!);
    for (const selector of ['.cmp-container', '.cmp-title', '.cmp-title__text', '.cmp-text'])
      expect(chromeOf(selector), selector).toBe(false);
    for (const selector of ['#cmpbox', '.cmp', '.qc-cmp2-container', '.sd-cmp-1oGcA', '.cmp-banner', '.x_cmp'])
      expect(chromeOf(selector), selector).toBe(true);
  });

  it('does not mistake a consent-named content root or a long element for a banner', () => {
    const doc = documentFromHtml(
      '<body class="cookie-policy-page"><main class="consent-docs"><p>About consent</p></main></body>',
    );
    const chrome = new PageChrome();
    expect(chrome.isChrome(doc.body)).toBe(false);
    expect(chrome.isChrome(doc.querySelector('main')!)).toBe(false);
  });

  it('matches secondary blocks by exact class token only', () => {
    const doc = documentFromHtml(
      '<div class="page-with-sidebar"></div><div class="widget sidebar"></div><section id="comments"></section>',
    );
    const [wrapper, sidebar] = Array.from(doc.querySelectorAll('div'));
    expect(isSecondaryContent(wrapper!)).toBe(false);
    expect(isSecondaryContent(sidebar!)).toBe(true);
    expect(isSecondaryContent(doc.getElementById('comments')!)).toBe(true);
  });

  it('reads open shadow roots, with slotted light children in place', () => {
    const doc = documentFromHtml('<body><x-card id="host"><span slot="who">Ada</span></x-card></body>');
    const root = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<h2>Card</h2><p>By <slot name="who"></slot>.</p><style>p{}</style>';
    expect(renderStructuredText(doc.body, liveOptions(doc, true, false))).toBe('## Card\n\nBy Ada.');
    expect(renderStructuredText(doc.body, liveOptions(doc, false, false))).toBe('Ada');
  });

  it('reads same-origin frames only when asked', () => {
    const doc = documentFromHtml(
      '<body><p>Outer</p><iframe srcdoc="<h1>Inner</h1><nav>Frame menu</nav>"></iframe></body>',
    );
    expect(renderStructuredText(doc.body, liveOptions(doc, false, true))).toBe('Outer\n\n# Inner');
    expect(renderStructuredText(doc.body, liveOptions(doc, false, false))).toBe('Outer');
  });

  it('normalises whitespace: nbsp, zero-width and soft hyphen characters, tabs', () => {
    expect(render('<p>\tA\u00a0\u00a0b\u200bc\u00add   e\n</p>')).toBe('A bcd e');
  });
});

describe('renderText on Readability articles of the evaluation set', () => {
  const CORPUS = fileURLToPath(new URL('../../../../tests/fixtures/extraction/', import.meta.url));
  /**
   * The letters of a text in order, without separators: spacing between inline elements is the page's own, and list
   * numbers, markers and code fence labels are added by the rendering. Invisible characters are dropped as rendered.
   */
  const letters = (text: string) =>
    text
      .replace(/^`{3,}.*$/gm, '')
      .replace(/[\u200b\u2060\ufeff\u00ad]/g, '')
      .replace(/[^\p{L}]/gu, '');

  function textNodes(root: Node): string[] {
    const texts: string[] = [];
    for (let node = root.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) texts.push((node as Text).data);
      else if (node.nodeType === 1 && !isNonTextElement(node as Element)) texts.push(...textNodes(node));
    }
    return texts;
  }

  for (const name of readdirSync(CORPUS).filter((file) => file.endsWith('.html'))) {
    it(`${name}: every text node Readability keeps is rendered exactly once`, () => {
      const article = readArticle(documentFromHtml(readFileSync(`${CORPUS}${name}`, 'utf8'), name));
      expect(article).not.toBeNull();
      const rendered = renderText(article!.content, {
        isExcluded: isNonTextElement,
        enterShadowRoots: false,
        enterFrames: false,
      });
      expect(letters(rendered.text)).toBe(letters(textNodes(article!.content).join('')));
    });
  }
});
