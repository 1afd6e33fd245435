import { describe, expect, it } from 'vitest';
import { isExcludedElement, isSecondaryContent } from '../excluded-elements';
import { renderStructuredText } from '../structured-text';
import { documentFromHtml } from './fixture-document';

function render(bodyHtml: string, head = ''): string {
  const doc = documentFromHtml(`<!doctype html><html><head>${head}</head><body>${bodyHtml}</body></html>`);
  return renderStructuredText(doc.body, { isExcluded: isExcludedElement, enterShadowRoots: true, enterFrames: true });
}

describe('renderStructuredText', () => {
  it('writes headings as markdown headings and separates paragraphs by one blank line', () => {
    expect(
      render('<h1>Title</h1><p>One\n   two</p><div>Three <b>bold</b></div><h3>Sub <a href="#">part</a></h3>'),
    ).toBe('# Title\n\nOne two\n\nThree bold\n\n### Sub part');
  });

  it('writes nested, ordered and numbered-from lists', () => {
    const html =
      '<ul><li>Apples<ul><li>Cox</li><li>Gala</li></ul></li><li><p>Pears</p></li></ul><ol start="3"><li>Third</li><li>Fourth</li></ol>';
    expect(render(html)).toBe('- Apples\n  - Cox\n  - Gala\n- Pears\n\n3. Third\n4. Fourth');
  });

  it('fences code blocks verbatim with their language, and marks inline code', () => {
    const html =
      '<p>Call <code>run()</code> first.</p><pre><code class="language-py">def f():\n\n    return 1   \n</code></pre><pre>has ``` inside</pre>';
    expect(render(html)).toBe(
      'Call `run()` first.\n\n```py\ndef f():\n\n    return 1\n```\n\n````\nhas ``` inside\n````',
    );
  });

  it('writes data tables as rows, quotes with >, and line breaks as newlines', () => {
    const html =
      '<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>x|y</td></tr></table><blockquote><p>Quoted</p><p>Twice</p></blockquote><p>Line one<br>Line two</p>';
    expect(render(html)).toBe('| A | B |\n| --- | --- |\n| 1 | x\\|y |\n\n> Quoted\n>\n> Twice\n\nLine one\nLine two');
  });

  it('treats single-column tables as layout, not data', () => {
    expect(render('<table><tr><td><p>First</p><p>Second</p></td></tr></table>')).toBe('First\n\nSecond');
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

  it('does not mistake a consent-named content root or a long element for a banner', () => {
    const doc = documentFromHtml(
      '<body class="cookie-policy-page"><main class="consent-docs"><p>About consent</p></main></body>',
    );
    expect(isExcludedElement(doc.body)).toBe(false);
    expect(isExcludedElement(doc.querySelector('main')!)).toBe(false);
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
    expect(
      renderStructuredText(doc.body, { isExcluded: isExcludedElement, enterShadowRoots: true, enterFrames: false }),
    ).toBe('## Card\n\nBy Ada.');
    expect(
      renderStructuredText(doc.body, { isExcluded: isExcludedElement, enterShadowRoots: false, enterFrames: false }),
    ).toBe('Ada');
  });

  it('reads same-origin frames only when asked', () => {
    const doc = documentFromHtml(
      '<body><p>Outer</p><iframe srcdoc="<h1>Inner</h1><nav>Frame menu</nav>"></iframe></body>',
    );
    expect(
      renderStructuredText(doc.body, { isExcluded: isExcludedElement, enterShadowRoots: false, enterFrames: true }),
    ).toBe('Outer\n\n# Inner');
    expect(
      renderStructuredText(doc.body, { isExcluded: isExcludedElement, enterShadowRoots: false, enterFrames: false }),
    ).toBe('Outer');
  });

  it('normalises whitespace: nbsp, zero-width and soft hyphen characters, tabs', () => {
    expect(render('<p>\tA\u00a0\u00a0b\u200bc\u00add   e\n</p>')).toBe('A bcd e');
  });
});
