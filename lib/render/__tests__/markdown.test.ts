// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Token } from 'marked';
import { renderMarkdownSafely, safeMarkdown } from '../markdown';

function render(source: string, links: ReadonlySet<string> = new Set()): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = renderMarkdownSafely(source, { links });
  return container;
}

describe('safe rendering of model replies', () => {
  it('renders Markdown structure', () => {
    const view = render('# Title\n\n- **one**\n- two\n\n`code`');
    expect(view.querySelector('h1')?.textContent).toBe('Title');
    expect(view.querySelectorAll('li')).toHaveLength(2);
    expect(view.querySelector('strong')?.textContent).toBe('one');
    expect(view.querySelector('code')?.textContent).toBe('code');
  });

  it('shows raw HTML from the model as inert text, never as elements', () => {
    const view = render('Look: <img src=http://evil.example/x.png onerror="alert(1)"> and <script>alert(2)</script>');
    expect(view.querySelector('img')).toBeNull();
    expect(view.querySelector('script')).toBeNull();
    expect(view.textContent).toContain('<img src=http://evil.example/x.png');
    expect(view.textContent).toContain('<script>alert(2)</script>');
  });

  it('turns Markdown images into text and creates no element with a remote src', () => {
    const view = render(
      '![tracking pixel](http://evil.example/pixel.gif)\n\n<video src="https://evil.example/v.mp4"></video>',
    );
    expect(view.querySelectorAll('[src]')).toHaveLength(0);
    expect(view.querySelector('img, video, source, iframe')).toBeNull();
    expect(view.textContent).toContain('tracking pixel (http://evil.example/pixel.gif)');
  });

  it('drops javascript: links but keeps their text', () => {
    const view = render('[click me](javascript:alert(1)) and <a href="javascript:alert(2)">raw</a>');
    expect(view.querySelector('a')).toBeNull();
    expect(view.textContent).toContain('click me');
    expect(view.querySelector('[href]')).toBeNull();
    expect(view.textContent).toContain('raw');
  });

  it('keeps https links on the allow-list, opening safely in a new tab', () => {
    const link = render('[docs](https://example.org/a?b=1)', new Set(['https://example.org/a?b=1'])).querySelector(
      'a',
    )!;
    expect(link.getAttribute('href')).toBe('https://example.org/a?b=1');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('neutralises event handler attributes smuggled into Markdown', () => {
    const view = render('[x](https://example.org "t\\" onmouseover=\\"alert(1)")');
    expect(view.innerHTML).not.toMatch(/onmouseover/i);
  });
});

describe('the sanitiser behind the Markdown renderer', () => {
  // HTML the renderer never writes, as if a bug in it let some through: the sanitiser's own rules still hold, on every
  // call (its config is given once, not with each call).
  const smuggled = (html: string): Token =>
    ({
      type: 'paragraph',
      raw: html,
      text: html,
      tokens: [{ type: 'text', raw: html, text: html, escaped: true }],
    }) as Token;

  it('drops images, media, SVG and styles, and every attribute but the few Markdown needs', () => {
    const markdown = safeMarkdown();
    for (let call = 0; call < 3; call++) {
      const container = document.createElement('div');
      container.innerHTML = markdown.render([
        smuggled(
          '<img src="http://evil.example/x.png"><svg><a href="https://evil.example">s</a></svg><video src="v.mp4"></video>' +
            '<span style="color:red" title="t" class="c" id="i">kept text</span><a href="javascript:alert(1)">j</a>' +
            '<a href="https://ok.example/">ok</a><b>bold</b><div>div</div>',
        ),
      ]);
      expect(container.querySelector('img, svg, video, style, span, b, div')).toBeNull();
      expect(container.querySelectorAll('[style], [title], [class], [id], [src]')).toHaveLength(0);
      expect([...container.querySelectorAll('a')].map((link) => link.getAttribute('href'))).toEqual([
        null,
        'https://ok.example/',
      ]);
      expect(container.textContent).toContain('kept text');
      expect(container.querySelector('a[href]')?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    }
  });
});

describe('links that cannot leak', () => {
  const links = new Set(['https://example.org/guide', 'mailto:team@example.org', 'http://www.example.org']);

  it('shows a link to an address not on the allow-list as text, with its address, and links nothing', () => {
    const view = render(
      '[Continue](https://evil.example/c?d=alice%40example.org) or [Guide](https://example.org/guide)',
      links,
    );
    expect([...view.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://example.org/guide']);
    expect(view.textContent).toContain('Continue (https://evil.example/c?d=alice%40example.org)');
  });

  it('does not auto-link a bare address that is not on the allow-list, but does one that is', () => {
    const view = render(
      'See https://evil.example/x?d=secret and https://example.org/guide and www.example.org.',
      links,
    );
    expect([...view.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://example.org/guide',
      'http://www.example.org',
    ]);
    expect(view.textContent).toContain('See https://evil.example/x?d=secret and');
  });

  it('matches addresses exactly: a changed query or path is not the same link', () => {
    const view = render(
      '[a](https://example.org/guide?d=1) [b](https://example.org/guide/) [c](HTTPS://example.org/guide)',
      links,
    );
    expect(view.querySelector('a')).toBeNull();
  });

  it('treats reference links and e-mail addresses the same way', () => {
    const view = render(
      '[Guide][g], [Leak][l], team@example.org, bob@evil.example\n\n[g]: https://example.org/guide\n[l]: https://evil.example/?d=1',
      links,
    );
    expect([...view.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://example.org/guide',
      'mailto:team@example.org',
    ]);
    expect(view.textContent).toContain('Leak (https://evil.example/?d=1)');
    expect(view.textContent).toContain('bob@evil.example');
  });

  it('links nothing by default', () => {
    expect(render('[Guide](https://example.org/guide)').querySelector('a')).toBeNull();
  });
});
