// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdownSafely, safeMarkdown } from '../markdown';
import { MarkdownStream } from '../markdown-stream';
import { BLOCK_GROUP_CLASS, PARAGRAPH_LINES_CLASS, RenderedBlocks } from '../rendered-blocks';
import { randomMarkdown, randomSplit, seededRandom } from './markdown-samples';

const LINKS = new Set(['https://example.org/a?b=1', 'https://example.org/def', 'mailto:mail@example.org']);

function oneShot(text: string): string {
  const container = document.createElement('div');
  container.innerHTML = renderMarkdownSafely(text, { links: LINKS });
  return container.innerHTML;
}

function oneShotText(text: string): string {
  const container = document.createElement('div');
  container.innerHTML = renderMarkdownSafely(text, { links: LINKS });
  return container.textContent!;
}

/** What the container shows while a reply streams, without the groups finished blocks are kept in meanwhile. */
function ungrouped(container: HTMLElement): string {
  const copy = container.cloneNode(true) as HTMLElement;
  for (const group of copy.querySelectorAll(`.${BLOCK_GROUP_CLASS}`)) group.replaceWith(...group.childNodes);
  return copy.innerHTML;
}

/** Frames on demand: what RenderedBlocks leaves for the next frame runs when the test says. */
class Frames {
  private waiting: Array<() => void> = [];
  readonly schedule = (work: () => void) => {
    this.waiting.push(work);
    return () => (this.waiting = this.waiting.filter((other) => other !== work));
  };

  /** Runs one frame's work, if any waits. */
  runOne(): boolean {
    const work = this.waiting.shift();
    work?.();
    return work !== undefined;
  }

  /** Runs frames until nothing waits for one; returns how many ran. */
  runAll(): number {
    let count = 0;
    while (this.waiting.length > 0) {
      this.waiting.shift()!();
      count += 1;
    }
    return count;
  }
}

/**
 * Streams the deltas into a container through the real sanitiser, then completes the reply and runs the frames that
 * follow; `check` runs after every update.
 */
function streamInto(deltas: string[], check?: (container: HTMLElement, text: string) => void): HTMLElement {
  const container = document.createElement('div');
  const stream = new MarkdownStream(safeMarkdown(LINKS));
  const frames = new Frames();
  const view = new RenderedBlocks(container, frames.schedule);
  let text = '';
  for (const delta of deltas) {
    text += delta;
    view.apply(stream.update(text));
    check?.(container, text);
  }
  view.apply(stream.update(text, true), true);
  frames.runAll();
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
    expect(ungrouped(container)).toBe(oneShot('# Title\n\nFirst paragraph.\n\nSecond paragraph, growing'));
  });

  it('keeps the nodes the open tail showed when a block finishes as they showed it', () => {
    const container = document.createElement('div');
    const stream = new MarkdownStream(safeMarkdown(LINKS));
    const view = new RenderedBlocks(container);
    view.apply(stream.update('Intro.\n\nA paragraph with **bold** text.'));
    const [intro, paragraph] = container.querySelectorAll('p');
    const bold = paragraph!.querySelector('strong');
    const selection = document.createRange();
    selection.setStart(bold!.firstChild!, 1);
    selection.setEnd(paragraph!.lastChild!, 3);
    view.apply(stream.update('Intro.\n\nA paragraph with **bold** text.\n\n- an item'));
    const [introAfter, paragraphAfter] = container.querySelectorAll('p');
    expect(introAfter).toBe(intro);
    expect(paragraphAfter).toBe(paragraph);
    expect(paragraph!.querySelector('strong')).toBe(bold);
    // A selection the user was making in it is left as it was.
    expect(selection.toString()).toBe('old te');
    // A block that reads differently once finished is rendered anew: a line that turns into a heading.
    view.apply(stream.update('Intro.\n\nA paragraph with **bold** text.\n\n- an item\n\nTitle\n===\n'));
    expect(ungrouped(container)).toBe(
      oneShot('Intro.\n\nA paragraph with **bold** text.\n\n- an item\n\nTitle\n===\n'),
    );
    expect(container.querySelector('h1')?.textContent).toBe('Title');
  });

  it('renders an earlier block again in place when a definition it uses arrives', () => {
    const deltas = ['[Guide] first\n\n', 'middle\n\n', '[guide]: https://example.org/def\n\n', 'end\n'];
    const container = streamInto(deltas);
    expect(container.innerHTML).toBe(oneShot(deltas.join('')));
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://example.org/def');
    expect(container.firstElementChild?.textContent).toBe('Guide first');
  });

  it('keeps finished blocks in groups while the reply streams, each begun by a block without a top margin', () => {
    const container = document.createElement('div');
    const stream = new MarkdownStream(safeMarkdown(LINKS));
    const view = new RenderedBlocks(container);
    const blocks = Array.from({ length: 60 }, (_, index) =>
      index % 5 === 0 ? `## Part ${index}\n\n` : index % 5 === 1 ? `- item ${index}\n\n` : `Text ${index}.\n\n`,
    );
    let text = '';
    for (const block of blocks) view.apply(stream.update((text += block)));
    const groups = [...container.children].filter((child) => child.classList.contains(BLOCK_GROUP_CLASS));
    expect(groups.length).toBeGreaterThan(3);
    // The first group may begin with anything (its first block has no top margin in the panel); the others only with
    // a paragraph, a list or a table, so the space at a group's edge is what it would be without groups.
    for (const group of groups.slice(1)) expect(['P', 'UL', 'OL', 'TABLE']).toContain(group.firstElementChild!.tagName);
    expect(ungrouped(container)).toBe(oneShot(text));
  });

  it('takes the groups away once the reply is complete: the last at once, then a few blocks per frame from the top', () => {
    const container = document.createElement('div');
    const stream = new MarkdownStream(safeMarkdown(LINKS));
    const frames = new Frames();
    const view = new RenderedBlocks(container, frames.schedule);
    const text = Array.from({ length: 60 }, (_, index) => `Text ${index}.\n\n`).join('') + 'The end, still open';
    view.apply(stream.update(text));
    const groups = () => container.querySelectorAll(`:scope > .${BLOCK_GROUP_CLASS}`);
    expect(groups()).toHaveLength(5);
    view.apply(stream.update(text, true), true);
    expect(groups()).toHaveLength(4);
    const grouped = container.querySelectorAll(`.${BLOCK_GROUP_CLASS} > p`).length;
    expect(grouped).toBe(48);
    // One frame takes the first three blocks out of the first group, in their place: the text reads the same.
    frames.runOne();
    expect([...container.children].slice(0, 3).map((child) => child.textContent)).toEqual([
      'Text 0.',
      'Text 1.',
      'Text 2.',
    ]);
    expect(ungrouped(container)).toBe(oneShot(text));
    expect(view.grouped).toBe(true);
    expect(frames.runAll()).toBe(grouped / 3 - 1);
    expect(view.grouped).toBe(false);
    expect(container.innerHTML).toBe(oneShot(text));
  });

  it('leaves the groups while the user selects text in the reply, and takes them away once the selection is gone', () => {
    const container = document.body.appendChild(document.createElement('div'));
    const stream = new MarkdownStream(safeMarkdown(LINKS));
    const frames = new Frames();
    const view = new RenderedBlocks(container, frames.schedule);
    const text = Array.from({ length: 40 }, (_, index) => `Text ${index}.\n\n`).join('') + 'The end, still open';
    view.apply(stream.update(text));
    const selected = [...container.querySelectorAll('p')].slice(5, 20);
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.setBaseAndExtent(selected[0]!.firstChild!, 2, selected.at(-1)!.firstChild!, 4);
    const before = selection.toString();
    expect(before).toMatch(/^xt 5\.[\s\S]*Text$/);
    view.apply(stream.update(text + '.', true), true);
    frames.runAll();
    // Nothing the selection is in moved: it is as the user made it.
    expect(selection.toString()).toBe(before);
    expect(view.grouped).toBe(true);
    expect(ungrouped(container)).toBe(oneShot(text + '.'));
    selection.removeAllRanges();
    document.dispatchEvent(new Event('selectionchange'));
    frames.runAll();
    expect(view.grouped).toBe(false);
    expect(container.innerHTML).toBe(oneShot(text + '.'));
    container.remove();
  });

  it('starts no new group while the user selects text in the open tail: the group would move it', () => {
    const container = document.body.appendChild(document.createElement('div'));
    const stream = new MarkdownStream(safeMarkdown(LINKS));
    const view = new RenderedBlocks(container);
    // Twelve finished blocks fill the first group; the thirteenth paragraph is still being written.
    let text = Array.from({ length: 12 }, (_, index) => `Text ${index}.\n\n`).join('') + 'Being written now';
    view.apply(stream.update(text));
    const open = [...container.querySelectorAll('p')].at(-1)!;
    const selection = document.getSelection()!;
    selection.setBaseAndExtent(open.firstChild!, 2, open.firstChild!, 12);
    expect(selection.toString()).toBe('ing writte');
    // It finishes and the next one starts: a new group would take the open tail in.
    for (const more of ['.\n\nNext ', 'paragraph.\n\nAnd ', 'more.\n\n', '- a list\n']) {
      view.apply(stream.update((text += more)));
      expect(selection.toString()).toBe('ing writte');
    }
    expect(container.querySelectorAll('p')[12]).toBe(open);
    expect(ungrouped(container)).toBe(oneShot(text));
    // Once the selection is gone, new groups start as before.
    selection.removeAllRanges();
    for (const more of ['\nMore text.\n\n', 'Last.\n\n', 'Open']) view.apply(stream.update((text += more)));
    expect(container.querySelectorAll(`.${BLOCK_GROUP_CLASS}`).length).toBe(2);
    expect(ungrouped(container)).toBe(oneShot(text));
    container.remove();
  });

  it('keeps the lines of a long code block the user is selecting in when it finishes, until the selection goes', () => {
    const container = document.body.appendChild(document.createElement('div'));
    const stream = new MarkdownStream(safeMarkdown(LINKS));
    const frames = new Frames();
    const view = new RenderedBlocks(container, frames.schedule);
    let text = 'Code:\n\n```\n';
    for (let line = 0; line < 120; line++) view.apply(stream.update((text += `line ${line} of the code\n`)));
    expect(stream.inPieces).toBe(true);
    const code = container.querySelector('pre > code')!;
    const [first, second] = code.querySelectorAll(`.${PARAGRAPH_LINES_CLASS}`);
    const selection = document.getSelection()!;
    selection.setBaseAndExtent(first!.firstChild!, 5, second!.firstChild!, 4);
    const selected = selection.toString();
    expect(selected).toMatch(/^0 of the code\n[\s\S]*line$/);
    text += '```\n\nAfter.\n';
    view.apply(stream.update(text, true), true);
    frames.runAll();
    // Finished, and still as the user is selecting in it: the same element, the same lines, the same text.
    expect(container.querySelector('pre > code')).toBe(code);
    expect(selection.toString()).toBe(selected);
    expect(container.textContent).toBe(oneShotText(text));
    selection.removeAllRanges();
    document.dispatchEvent(new Event('selectionchange'));
    frames.runAll();
    expect(container.innerHTML).toBe(oneShot(text));
    expect(container.querySelector('pre > code')).toBe(code);
    container.remove();
  });

  it('starts again when the text is replaced', () => {
    const container = document.createElement('div');
    const stream = new MarkdownStream(safeMarkdown(LINKS));
    const view = new RenderedBlocks(container);
    view.apply(stream.update('# Old\n\nold text\n\nmore'));
    view.apply(stream.update('New *text*'));
    expect(ungrouped(container)).toBe(oneShot('New *text*'));
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

  const tableRow = (index: number) => [
    `| *r${index}* `,
    '| <img src=x onerror=alert(1)> ',
    `| [a](https://example.org/a?b=1) \`x | y\` |\n`,
  ];
  const tightItem = (index: number) => [
    `- *item ${index}* <img src=x onerror=alert(1)> `,
    `[a](https://example.org/a?b=1)\n`,
  ];
  const looseItem = (index: number) => [`${index + 3}. item ${index} `, '`x`\n\n'];
  it.each([
    ['the rows of a long table', '| one | two | three |\n|---|:-:|--:|\n', tableRow, 'table', 'tbody > tr'],
    ['the items of a tight list', '', tightItem, 'ul, ol', ':scope > li'],
    ['the items of a loose numbered list', '', looseItem, 'ul, ol', ':scope > li'],
  ])(
    'keeps %s as they are, adding them as they finish, and shows a one-shot render throughout',
    (_, head, part, blockSelector, partSelector) => {
      const container = document.createElement('div');
      const stream = new MarkdownStream(safeMarkdown(LINKS));
      const frames = new Frames();
      const view = new RenderedBlocks(container, frames.schedule);
      const tokens = [
        `Intro\n\n${head}`,
        ...Array.from({ length: 60 }, (_, index) => part(index)).flat(),
        '\nAfter.\n',
      ];
      let text = '';
      let block: Element | null = null;
      let firstPart: Element | null = null;
      for (const [index, token] of tokens.entries()) {
        text += token;
        view.apply(stream.update(text));
        expect(container.querySelector('img, [onerror]')).toBeNull();
        // Sanitising the whole block for the comparison is what is slow in this DOM: every few updates.
        if (index % 4 === 0) expect(ungrouped(container)).toBe(oneShot(text));
        if (!stream.inPieces) continue;
        block ??= container.querySelector(blockSelector);
        firstPart ??= block!.querySelector(partSelector);
        // The table or list and its first row or item are the same nodes from update to update.
        expect(container.querySelector(blockSelector)).toBe(block);
        expect(block!.querySelector(partSelector)).toBe(firstPart);
      }
      expect(block!.querySelectorAll(partSelector).length).toBe(60);
      // Finished by the paragraph after it, it is still the element the user saw grow (a selection in it stays).
      const sameNodes = () =>
        container.querySelector(blockSelector) === block && block!.querySelector(partSelector) === firstPart;
      expect(sameNodes()).toBe(true);
      view.apply(stream.update(text, true), true);
      frames.runAll();
      expect(container.innerHTML).toBe(oneShot(text));
      expect(sameNodes()).toBe(true);
    },
  );

  it.each([
    ['closed, with text after it', '```\n\nAfter.\n'],
    ['that the reply ends in (no closing fence)', ''],
  ])('keeps the finished lines of a long code block %s, shows the text of a one-shot render throughout', (_, end) => {
    const container = document.createElement('div');
    const stream = new MarkdownStream(safeMarkdown(LINKS));
    const frames = new Frames();
    const view = new RenderedBlocks(container, frames.schedule);
    const lines = Array.from({ length: 120 }, (_, index) => [
      `  <img src=x onerror=alert(${index})> `,
      `"${index}" &amp;\n`,
    ]);
    const tokens = ['Code:\n\n```html\n', ...lines.flat(), end];
    let text = '';
    let code: Element | null = null;
    let firstLines: Node | null = null;
    let blocksOfLines = 0;
    for (const token of tokens) {
      text += token;
      view.apply(stream.update(text));
      expect(container.querySelector('img, [onerror]')).toBeNull();
      expect(container.textContent).toBe(oneShotText(text));
      if (!stream.inPieces) continue;
      code ??= container.querySelector('pre > code');
      firstLines ??= code!.firstChild;
      // The code element and its first block of lines are the same nodes from update to update.
      expect(container.querySelector('pre > code')).toBe(code);
      expect(code!.firstChild).toBe(firstLines);
      blocksOfLines = code!.querySelectorAll(`.${PARAGRAPH_LINES_CLASS}`).length;
    }
    expect(blocksOfLines).toBeGreaterThan(3);
    view.apply(stream.update(text, true), true);
    frames.runAll();
    expect(container.innerHTML).toBe(oneShot(text));
    // Finished, it is the code element the user saw grow, now holding its text as a one-shot render does.
    expect(container.querySelector('pre > code')).toBe(code);
  });

  it(
    'keeps the pieces of a long paragraph as they are, replacing only its last piece, and ends as one-shot',
    { timeout: 60_000 },
    () => {
      const container = document.createElement('div');
      const stream = new MarkdownStream(safeMarkdown(LINKS), { pieceChars: 128 });
      const frames = new Frames();
      const view = new RenderedBlocks(container, frames.schedule);
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
        // Its text is a one-shot render's, to the line break after it: the final render changes no text.
        expect(container.textContent).toBe(oneShotText(text));
      }
      expect(paragraph!.querySelectorAll('em').length).toBeGreaterThan(250);
      view.apply(stream.update(text, true), true);
      frames.runAll();
      expect(container.innerHTML).toBe(oneShot(text));
    },
  );
});
