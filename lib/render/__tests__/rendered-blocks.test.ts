// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdownSafely, safeMarkdown } from '../markdown';
import { MarkdownStream } from '../markdown-stream';
import { RenderedBlocks } from '../rendered-blocks';
import { randomMarkdown, randomSplit, seededRandom } from './markdown-samples';

const LINKS = new Set(['https://example.org/a?b=1', 'https://example.org/def', 'mailto:mail@example.org']);

function oneShot(text: string): string {
  const container = document.createElement('div');
  container.innerHTML = renderMarkdownSafely(text, { links: LINKS });
  return container.innerHTML;
}

/** Streams the deltas into a container through the real sanitiser; `check` runs after every update. */
function streamInto(deltas: string[], check?: (container: HTMLElement, text: string) => void): HTMLElement {
  const container = document.createElement('div');
  const stream = new MarkdownStream(safeMarkdown(LINKS));
  const view = new RenderedBlocks(container);
  let text = '';
  for (const delta of deltas) {
    text += delta;
    view.apply(stream.update(text));
    check?.(container, text);
  }
  return container;
}

describe('RenderedBlocks: the container holds what one-shot rendering puts in its innerHTML', () => {
  it('for random Markdown split at random points', { timeout: 60_000 }, () => {
    for (let seed = 1; seed <= 8; seed++) {
      const random = seededRandom(seed);
      const text = randomMarkdown(random, 6);
      const container = streamInto(randomSplit(random, text));
      expect(container.innerHTML, `seed ${seed}: ${JSON.stringify(text)}`).toBe(oneShot(text));
    }
  });

  it('keeps finished blocks as the same nodes and replaces only the open tail', () => {
    const container = document.createElement('div');
    const stream = new MarkdownStream(safeMarkdown(LINKS));
    const view = new RenderedBlocks(container);
    view.apply(stream.update('# Title\n\nFirst paragraph.\n\nSecond'));
    const kept = container.querySelector('h1');
    view.apply(stream.update('# Title\n\nFirst paragraph.\n\nSecond paragraph, growing'));
    expect(kept).not.toBeNull();
    expect(container.querySelector('h1')).toBe(kept);
    expect(container.innerHTML).toBe(oneShot('# Title\n\nFirst paragraph.\n\nSecond paragraph, growing'));
  });

  it('renders an earlier block again in place when a definition it uses arrives', () => {
    const deltas = ['[Guide] first\n\n', 'middle\n\n', '[guide]: https://example.org/def\n\n', 'end\n'];
    const container = streamInto(deltas);
    expect(container.innerHTML).toBe(oneShot(deltas.join('')));
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://example.org/def');
    expect(container.firstElementChild?.textContent).toBe('Guide first');
  });

  it('starts again when the text is replaced', () => {
    const container = document.createElement('div');
    const stream = new MarkdownStream(safeMarkdown(LINKS));
    const view = new RenderedBlocks(container);
    view.apply(stream.update('# Old\n\nold text\n\nmore'));
    view.apply(stream.update('New *text*'));
    expect(container.innerHTML).toBe(oneShot('New *text*'));
  });

  it('keeps hostile output split across deltas inert after every update', () => {
    const deltas = [
      '<scr',
      'ipt>alert(1)</scr',
      'ipt>\n\n[x](java',
      'script:alert(1))\n\n![a](ht',
      'tp://evil.example/p.gif)\n\n',
    ];
    const container = streamInto(deltas, (view) => {
      expect(view.querySelector('script, img, iframe, [src], [onerror]')).toBeNull();
      for (const link of view.querySelectorAll('[href]')) expect(LINKS.has(link.getAttribute('href')!)).toBe(true);
    });
    expect(container.textContent).toContain('<script>alert(1)</script>');
    expect(container.textContent).toContain('a (http://evil.example/p.gif)');
  });

  it(
    'keeps the pieces of a long paragraph as they are, replacing only its last piece, and ends as one-shot',
    { timeout: 60_000 },
    () => {
      const container = document.createElement('div');
      const stream = new MarkdownStream(safeMarkdown(LINKS), { pieceChars: 128 });
      const view = new RenderedBlocks(container);
      const tokens = [
        'Intro\n\n',
        ...Array.from({ length: 300 }, (_, index) => `*w${index}* <img src=x onerror=alert(1)> `),
      ];
      let text = '';
      let paragraph: Element | null = null;
      let firstPiece: Node | null = null;
      for (const token of tokens) {
        text += token;
        view.apply(stream.update(text));
        expect(container.querySelector('img, [onerror]')).toBeNull();
        if (text.length < 1000) continue;
        paragraph ??= container.lastElementChild;
        firstPiece ??= paragraph!.firstChild;
        // The paragraph and its first piece are the same nodes from update to update.
        expect(container.lastElementChild).toBe(paragraph);
        expect(paragraph!.firstChild).toBe(firstPiece);
      }
      expect(paragraph!.querySelectorAll('em').length).toBeGreaterThan(250);
      view.apply(stream.update(text, true));
      expect(container.innerHTML).toBe(oneShot(text));
    },
  );
});
