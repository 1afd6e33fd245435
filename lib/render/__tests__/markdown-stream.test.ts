import { describe, expect, it, vi } from 'vitest';
import { escapeHtml, safeMarkdown, type Purifier } from '../markdown';
import { MarkdownStream, type MarkdownStreamOptions, type StreamPatch } from '../markdown-stream';
import { TextTail } from '../text-tail';
import { markdownReply, replyTokens } from '../../../tests/fixtures/markdown/markdown-reply';
import {
  randomLongCode,
  randomLongList,
  randomLongTable,
  randomMarkdown,
  randomSplit,
  seededRandom,
} from './markdown-samples';

const LINKS = new Set([
  'https://example.org/a?b=1',
  'https://example.org/bare',
  'http://www.example.org',
  'mailto:mail@example.org',
  'https://example.org/def',
]);

/**
 * The block structure is what these tests are about: Marked's HTML before sanitising, compared as strings (the
 * sanitiser works element by element; tests with a DOM and the real sanitiser are in rendered-blocks.test.ts).
 */
const keepHtml: Purifier = { sanitize: ((html: string) => html) as Purifier['sanitize'], addHook: () => undefined };
const markdown = safeMarkdown(LINKS, keepHtml);

function oneShot(text: string): string {
  return markdown.render(markdown.lex(text));
}

/** The HTML a view holds after applying the patches, block by block, in order. */
class HtmlView {
  private readonly blocks = new Map<number, string>();
  private open = '';
  /** A long paragraph shown in pieces: what comes before it, its kept pieces and its last piece. */
  private paragraph: { lead: string; pieces: string[]; tail: string } | undefined;
  /** A long table shown in pieces: what comes before it, its HTML around its body, its kept rows and its last rows. */
  private table:
    { kind: 'table' | 'list'; lead: string; before: string; after: string; rows: string[]; tail: string } | undefined;
  /** A long code block shown in pieces: what comes before it, its HTML around its text, its kept lines and the rest. */
  private code: { lead: string; before: string; after: string; lines: string[]; tail: string } | undefined;

  apply(patch: StreamPatch): void {
    if (patch.reset) {
      this.blocks.clear();
      this.open = '';
      this.paragraph = undefined;
      this.table = undefined;
      this.code = undefined;
    }
    for (const { key, html } of patch.changed) {
      expect(this.blocks.has(key), `block ${key} changed before it was added`).toBe(true);
      this.blocks.set(key, html);
    }
    for (const { key, html } of patch.added) this.blocks.set(key, html);
    if (patch.open === null) return;
    if ('html' in patch.open) {
      this.open = patch.open.html;
      this.paragraph = undefined;
      this.table = undefined;
      this.code = undefined;
      return;
    }
    if ('code' in patch.open) {
      const { start, lead, head, append, tail } = patch.open.code;
      expect(start || this.code !== undefined, 'a code block grew before it started').toBe(true);
      if (start) {
        this.paragraph = undefined;
        this.table = undefined;
        const match = /^([\s\S]*?<code[^>]*>)(<\/code><\/pre>\n)$/.exec(head!);
        expect(match, head!).not.toBeNull();
        const [, before, after] = match!;
        this.code = { lead: lead ?? '', before: before!, after: after!, lines: [], tail: '' };
      } else if (lead !== null) this.code!.lead = lead;
      this.code!.lines.push(...append);
      this.code!.tail = tail;
      return;
    }
    this.code = undefined;
    if ('table' in patch.open || 'list' in patch.open) {
      const kind = 'table' in patch.open ? 'table' : 'list';
      const { start, lead, head, append, tail } = 'table' in patch.open ? patch.open.table : patch.open.list;
      const parts = kind === 'table' ? tableParts : listParts;
      expect(start || this.table?.kind === kind, `a ${kind} grew before it started`).toBe(true);
      if (start) {
        this.paragraph = undefined;
        this.code = undefined;
        const [before, rows, after] = parts(head!);
        this.table = { kind, lead: lead ?? '', before, after, rows: [rows], tail: '' };
      } else if (lead !== null) this.table!.lead = lead;
      this.table!.rows.push(...append.map((html) => parts(html)[1]));
      this.table!.tail = parts(tail)[1];
      return;
    }
    this.table = undefined;
    const { start, lead, append, tail } = patch.open.paragraph;
    expect(start || this.paragraph !== undefined, 'a paragraph grew before it started').toBe(true);
    if (start) this.paragraph = { lead: lead ?? '', pieces: [], tail: '' };
    else if (lead !== null) this.paragraph!.lead = lead;
    this.paragraph!.pieces.push(...append);
    this.paragraph!.tail = tail;
  }

  get html(): string {
    const { table, code } = this;
    const open = this.paragraph
      ? `${this.paragraph.lead}<p>${this.paragraph.pieces.join('')}${this.paragraph.tail}</p>\n`
      : table
        ? `${table.lead}${table.before}${table.rows.join('')}${table.tail}${table.after}`
        : code
          ? `${code.lead}${code.before}${escapeHtml(code.lines.join('') + code.tail)}${code.after}`
          : this.open;
    return [...this.blocks.values()].join('') + open;
  }
}

/** A table's HTML before its body rows, the rows, and after them (a table with no rows has no body). */
function tableParts(html: string): [string, string, string] {
  const match = /^([\s\S]*?<tbody>)([\s\S]*)(<\/tbody><\/table>\n)$/.exec(html);
  if (match) return [match[1]!, match[2]!, match[3]!];
  expect(html, 'a table with no rows').toMatch(/^<table>[\s\S]*<\/thead>\n<\/table>\n$/);
  return [html.replace(/<\/table>\n$/, '<tbody>'), '', '</tbody></table>\n'];
}

/** A list's HTML before its items, the items, and after them. */
function listParts(html: string): [string, string, string] {
  const match = /^(<[uo]l[^>]*>\n)([\s\S]*)(<\/[uo]l>\n)$/.exec(html);
  expect(match, html).not.toBeNull();
  return [match![1]!, match![2]!, match![3]!];
}

function streamed(
  deltas: string[],
  check?: (html: string, text: string) => void,
  stream = new MarkdownStream(markdown),
): HtmlView {
  const view = new HtmlView();
  let text = '';
  for (const delta of deltas) {
    text += delta;
    view.apply(stream.update(text));
    check?.(view.html, text);
  }
  // The task ended: nothing is left in pieces.
  view.apply(stream.update(text, true));
  return view;
}

describe('MarkdownStream: the same HTML as a one-shot render', () => {
  it('for random Markdown split at random points, after every update', { timeout: 60_000 }, () => {
    for (let seed = 1; seed <= 150; seed++) {
      const random = seededRandom(seed);
      const text = randomMarkdown(random);
      streamed(randomSplit(random, text), (html, prefix) =>
        expect(html, `seed ${seed}, prefix ${JSON.stringify(prefix)}`).toBe(oneShot(prefix)),
      );
    }
  });

  it('for more random Markdown split at random points, at the end', { timeout: 60_000 }, () => {
    for (let seed = 10_001; seed <= 10_800; seed++) {
      const random = seededRandom(seed);
      const text = randomMarkdown(random);
      const view = streamed(randomSplit(random, text));
      expect(view.html, `seed ${seed}, text ${JSON.stringify(text)}`).toBe(oneShot(text));
    }
  });
});

/** Streams `text` one character at a time, checking the HTML after every update. */
function streamedByCharacter(text: string): HtmlView {
  return streamed([...text], (html, prefix) => expect(html, JSON.stringify(prefix)).toBe(oneShot(prefix)));
}

describe('MarkdownStream: blocks that a later line changes', () => {
  it.each([
    [
      'a reference link whose definition comes later',
      '[Guide] and [x][foo]\n\nmore text\n\n[foo]: https://example.org/def\n[guide]: https://example.org/def\n',
    ],
    [
      'a definition that is only valid for a moment',
      '[foo] here\n\npara\n\n[foo]: https://example.org/def (open\n\n[foo]: https://example.org/def\n',
    ],
    ['a setext heading', 'Title\nline two\n---\n\nnext\n'],
    ['lazy continuation lines in a quote and a list', '> quote\nlazy\n\n- item\nlazy too\n\nafter\n'],
    ['a list that becomes loose', '- a\n- b\n\n- c\n\nafter\n'],
    ['a paragraph that becomes a table', 'a | b\n--- | ---\n1 | 2\n\nafter\n'],
    ['a fence with blank lines', '```\ncode\n\n\nmore\n```\nafter\n\n# next\n'],
    ['an HTML comment across blank lines', '<!-- c\n\n# not a heading\n\n-->\n\n# heading\n'],
  ])('%s', (_, text) => {
    expect(streamedByCharacter(text).html).toBe(oneShot(text));
  });

  it('renders finished blocks once: the open tail of a long reply stays small', () => {
    const reply = markdownReply(4000);
    const stream = new MarkdownStream(markdown);
    let text = '';
    let added = 0;
    let largestTail = 0;
    for (const token of replyTokens(reply)) {
      text += token;
      const patch = stream.update(text);
      added += patch.added.length;
      largestTail = Math.max(largestTail, patch.open && 'html' in patch.open ? patch.open.html.length : 0);
      expect(patch.changed).toEqual([]);
    }
    expect(added).toBeGreaterThan(150);
    expect(largestTail).toBeLessThan(1000);
    expect(reply.length).toBeGreaterThan(20_000);
  });

  it('starts again when the text is replaced rather than extended', () => {
    const stream = new MarkdownStream(markdown);
    stream.update('# Draft\n\nfirst words\n');
    const patch = stream.update('Cleaned *text*');
    expect(patch.reset).toBe(true);
    expect(patch.added).toEqual([]);
    expect(patch.open).toEqual({ html: oneShot('Cleaned *text*') });
  });

  it('reads \\r\\n line ends as Marked does, also when \\r and \\n arrive apart', () => {
    const text = '# Title\r\n\r\npara one\r\n\r\n- a\r\n- b\r\n\r\nend\r\n';
    streamedByCharacter(text);
    expect(streamed([text]).html).toBe(oneShot(text));
  });
});

/** Shown text without markup, with white space runs as one space. */
function shownText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('MarkdownStream: a long paragraph is shown in pieces while it is written', () => {
  const words = (count: number, from = 1) => Array.from({ length: count }, (_, index) => `word${from + index} `);

  it(
    'renders only its last piece per update, shows every word, and renders it whole at the end',
    { timeout: 60_000 },
    () => {
      const tokens = ['# Title\n\n', ...words(6000)];
      const stream = new MarkdownStream(markdown);
      let largestUpdate = 0;
      let kept = 0;
      let updates = 0;
      const view = streamed(
        tokens,
        (html, text) => {
          // Every word shown so far, in order (checked now and then: a one-shot render of it all is what is slow).
          if (++updates % 97 === 0) expect(shownText(html)).toBe(shownText(oneShot(text)));
        },
        {
          update(text: string, final?: boolean) {
            const patch = stream.update(text, final);
            if (patch.open && 'paragraph' in patch.open) {
              kept += patch.open.paragraph.append.length;
              largestUpdate = Math.max(largestUpdate, patch.open.paragraph.tail.length);
            }
            return patch;
          },
        } as MarkdownStream,
      );
      expect(kept).toBeGreaterThan(20);
      // Each update renders at most a piece (1,024 characters) and what arrived with it, not the 60,000 before it.
      expect(largestUpdate).toBeLessThan(1300);
      expect(view.html).toBe(oneShot(tokens.join('')));
    },
  );

  it.each([
    [
      'emphasis, links and code in the paragraph',
      (n: number) => `**bold ${n}** [ref ${n}](https://example.org/a?b=1) \`c${n}\` *it* `,
    ],
    ['a paragraph that becomes a setext heading', (n: number) => (n === 300 ? '\n---\n\nafter ' : `w${n} `)],
    ['a paragraph that a list interrupts', (n: number) => (n === 300 ? '\n- item\n- more ' : `w${n} `)],
    [
      'a paragraph followed by a table',
      (n: number) => (n === 300 ? '\n\n| a | b |\n|---|---|\n| 1 | 2 |\n' : `w${n} `),
    ],
    ['hard-wrapped lines', (n: number) => (n % 9 === 0 ? `w${n}\n` : `w${n} `)],
    [
      'a reference definition coming later',
      (n: number) => (n === 300 ? '\n\n[ref 7]: https://example.org/def\n' : `[ref ${n}] `),
    ],
  ])('%s: the end is a one-shot render', (_, token) => {
    const tokens = Array.from({ length: 400 }, (_, index) => token(index + 1));
    const view = streamed(tokens, undefined, new MarkdownStream(markdown, { pieceChars: 256 }));
    expect(view.html).toBe(oneShot(tokens.join('')));
  });

  it.each([
    ['a code span', '`', '`'],
    ['emphasis', '*', '*'],
    ['strikethrough', '~~', '~~'],
    ['a link', '[', '](https://example.org/a?b=1)'],
  ])('%s whose end comes pieces later: shown as the end will show it, after every update', (_, open, close) => {
    // The delimiter opens 100 words (about 700 characters) in; its pair comes 250 words (about 1,900) later.
    const tokens = [...words(100), `${open}opened `, ...words(250, 101), `closed${close} `, ...words(100, 351)];
    const stream = new MarkdownStream(markdown);
    let kept = 0;
    const view = streamed(
      tokens,
      (html, text) => expect(shownText(html), text.slice(-40)).toBe(shownText(oneShot(text))),
      {
        update(text: string, final?: boolean) {
          const patch = stream.update(text, final);
          if (patch.open && 'paragraph' in patch.open) kept += patch.open.paragraph.append.length;
          return patch;
        },
      } as MarkdownStream,
    );
    // Pieces are still kept: before the delimiter, and after its pair.
    expect(kept).toBeGreaterThan(1);
    expect(view.html).toBe(oneShot(tokens.join('')));
  });

  it('a delimiter left unpaired for pages stops holding pieces back: an update stays small', () => {
    const tokens = [...words(20), '`never closed ', ...words(3000, 21)];
    const stream = new MarkdownStream(markdown);
    let largestTail = 0;
    const view = streamed(tokens, undefined, {
      update(text: string, final?: boolean) {
        const patch = stream.update(text, final);
        if (patch.open && 'paragraph' in patch.open)
          largestTail = Math.max(largestTail, patch.open.paragraph.tail.length);
        return patch;
      },
    } as MarkdownStream);
    // At most four pieces' worth (4,096 characters) is held back, not the 30,000 written after the backtick.
    expect(largestTail).toBeLessThan(4400);
    expect(view.html).toBe(oneShot(tokens.join('')));
  });

  it('for random Markdown in small pieces, at the end', { timeout: 60_000 }, () => {
    for (let seed = 20_001; seed <= 20_300; seed++) {
      const random = seededRandom(seed);
      const text = randomMarkdown(random);
      const view = streamed(randomSplit(random, text), undefined, new MarkdownStream(markdown, { pieceChars: 16 }));
      expect(view.html, `seed ${seed}, text ${JSON.stringify(text)}`).toBe(oneShot(text));
    }
  });
});

/** Wraps the stream's Markdown so a test can see how much text each update reads. */
function countingLex(): { markdown: typeof markdown; lexed: number[] } {
  const lexed: number[] = [];
  const counting = {
    ...markdown,
    lex(source: string, definitions?: Parameters<typeof markdown.lex>[1]) {
      lexed.push(source.length);
      return markdown.lex(source, definitions);
    },
  };
  return { markdown: counting, lexed };
}

type PiecesKind = 'table' | 'code' | 'list';

/** What an update in pieces of `kind` (a table, code block or list) added and rendered anew; undefined otherwise. */
function piecesOf(patch: StreamPatch, kind: PiecesKind): { append: string[]; tail: string } | undefined {
  const open = patch.open as Partial<Record<PiecesKind, { append: string[]; tail: string }>> | null;
  return open?.[kind];
}

/**
 * Streams a random text of `generate` per seed, split at random points, through a stream with small `options`: after
 * every update the HTML is a one-shot render's. Returns how many times pieces of `kind` were kept.
 */
function keptInRandomTexts(
  kind: PiecesKind,
  generate: (random: ReturnType<typeof seededRandom>) => string,
  [first, last]: [number, number],
  options: MarkdownStreamOptions,
): number {
  let kept = 0;
  for (let seed = first; seed <= last; seed++) {
    const random = seededRandom(seed);
    const text = generate(random);
    const stream = new MarkdownStream(markdown, options);
    streamed(
      randomSplit(random, text),
      (html, prefix) => expect(html, `seed ${seed}, prefix ${JSON.stringify(prefix)}`).toBe(oneShot(prefix)),
      {
        update(text: string, final?: boolean) {
          const patch = stream.update(text, final);
          kept += piecesOf(patch, kind)?.append.length ?? 0;
          return patch;
        },
      } as MarkdownStream,
    );
  }
  return kept;
}

/**
 * Streams `tokens` (ending in a long block of `kind`) with default thresholds, the HTML a one-shot render's after every
 * update and at the end. Of the updates in pieces once the text is 5,000 characters long: how many, and the most text
 * one read and rendered.
 */
function costInPieces(
  kind: PiecesKind,
  tokens: string[],
): { updates: number; largestRead: number; largestRender: number } {
  const { markdown: counting, lexed } = countingLex();
  const stream = new MarkdownStream(counting);
  const cost = { updates: 0, largestRead: 0, largestRender: 0 };
  const view = streamed(tokens, (html, text) => expect(html).toBe(oneShot(text)), {
    update(text: string, final?: boolean) {
      lexed.length = 0;
      const patch = stream.update(text, final);
      const pieces = piecesOf(patch, kind);
      if (pieces && text.length > 5_000) {
        cost.updates++;
        cost.largestRead = Math.max(cost.largestRead, ...lexed);
        cost.largestRender = Math.max(cost.largestRender, pieces.tail.length + pieces.append.join('').length);
      }
      return patch;
    },
  } as MarkdownStream);
  expect(view.html).toBe(oneShot(tokens.join('')));
  return cost;
}

describe('MarkdownStream: what an appended delta costs', () => {
  it('reads only the open tail per delta, never the whole text, however long the reply grows', () => {
    // 300 short blocks, then a paragraph of 12,000 words with no line break (a flood), then a last short paragraph.
    const blocks = Array.from({ length: 300 }, (_, index) =>
      index % 3 === 0
        ? `## Part ${index}\n\n`
        : `Some *words* of part ${index}, [a link](https://example.org/a?b=1).\n\n`,
    );
    const flood = Array.from({ length: 12_000 }, (_, index) => `word${index} `);
    const deltas = [...blocks.flatMap((block) => block.match(/\S+\s*/g)!), ...flood, '\n\nThe end.'];
    const stream = new MarkdownStream(markdown);
    const view = new HtmlView();
    const read: number[] = [];
    const slice = vi.spyOn(TextTail.prototype, 'slice');
    try {
      for (const delta of deltas) {
        slice.mockClear();
        view.apply(stream.append(delta));
        read.push(Math.max(0, ...slice.mock.results.map((result) => (result.value as string).length)));
      }
      view.apply(stream.append('', true));
    } finally {
      slice.mockRestore();
    }
    const text = deltas.join('');
    expect(text.length).toBeGreaterThan(100_000);
    expect(view.html).toBe(oneShot(text));
    // Per word: at most a piece of the flood and what may still change in it, never the 100,000 characters before.
    expect(Math.max(...read.slice(0, -1))).toBeLessThan(3000);
    // Where the flood ends it is read whole, once, as a one-shot render reads it: it alone, not the blocks before it.
    expect(read.at(-1)).toBeLessThan(flood.join('').length + 20);
    expect(blocks.join('').length).toBeGreaterThan(12_000);
  });

  it('starts again from a replaced text, and appends after it', () => {
    const stream = new MarkdownStream(markdown);
    stream.append('# Draft\n\nfirst words\n');
    const replaced = stream.replace('Cleaned *text*');
    expect(replaced.reset).toBe(true);
    expect(replaced.open).toEqual({ html: oneShot('Cleaned *text*') });
    const view = new HtmlView();
    view.apply(replaced);
    view.apply(stream.append(' and more\n\n- an item'));
    view.apply(stream.append('', true));
    expect(view.html).toBe(oneShot('Cleaned *text* and more\n\n- an item'));
  });
});

describe('MarkdownStream: a long table in pieces', () => {
  it('for random long tables split at random points: the same HTML after every update', { timeout: 60_000 }, () => {
    // Rows were kept and added to, not only rendered whole.
    expect(keptInRandomTexts('table', randomLongTable, [30_001, 30_300], { tableRows: 2 })).toBeGreaterThan(500);
  });

  it('reads and renders only the last rows per update, whatever the length of the table', () => {
    const rows = Array.from({ length: 300 }, (_, index) => ['| ', `row ${index} `, '| **bold** | ', '`x | y` |\n']);
    const tokens = ['Intro.\n\n| name | value | code |\n|---|--:|---|\n', ...rows.flat(), '\nAfter.\n'];
    const { updates, largestRead, largestRender } = costInPieces('table', tokens);
    expect(updates).toBeGreaterThan(500);
    // Once the table is long, an update reads a few rows, not the 5,000 to 10,000 characters of table before them,
    // and renders the rows since the last ones kept.
    expect(largestRead).toBeLessThan(600);
    expect(largestRender).toBeLessThan(2_000);
  });

  it('a table that ends: the rows after it and a definition it uses render as one-shot', () => {
    const rows = Array.from({ length: 60 }, (_, index) => `| [ref ${index % 3}] | ${index} |\n`);
    const tokens = [
      '| a | b |\n|---|---|\n',
      ...rows,
      '\n',
      'after ',
      'the ',
      'table\n\n',
      '[ref 1]: https://example.org/def\n',
    ];
    const view = streamedByCharacter(tokens.join(''));
    expect(view.html).toBe(oneShot(tokens.join('')));
    expect(view.html).toContain('<a href="https://example.org/def">ref 1</a>');
  });
});

describe('MarkdownStream: a long code block in pieces', () => {
  it(
    'for random long code blocks split at random points: the same HTML after every update',
    { timeout: 60_000 },
    () => {
      // Lines were kept and added to, not only rendered whole.
      expect(keptInRandomTexts('code', randomLongCode, [40_001, 40_300], { codeLines: 2 })).toBeGreaterThan(500);
    },
  );

  it('reads and renders only the last lines per update, whatever the length of the block', () => {
    const lines = Array.from({ length: 400 }, (_, index) => [
      `  const value${index} = `,
      `compute(${index}, "<b>");`,
      '\n',
    ]);
    const tokens = ['Here is the code:\n\n```ts\n', ...lines.flat(), '```\n\nThat is all.\n'];
    const { updates, largestRead, largestRender } = costInPieces('code', tokens);
    expect(updates).toBeGreaterThan(800);
    // Once the block is long, an update reads a few lines, not the 5,000 to 15,000 characters of code before them.
    expect(largestRead).toBeLessThan(800);
    expect(largestRender).toBeLessThan(800);
  });
});

describe('MarkdownStream: a long list in pieces', () => {
  it('for random long lists split at random points: the same HTML after every update', { timeout: 120_000 }, () => {
    // Items were kept and added to, not only rendered whole.
    expect(keptInRandomTexts('list', randomLongList, [50_001, 50_250], { listItems: 2 })).toBeGreaterThan(500);
  });

  it.each([
    ['a tight list', (index: number) => [`- item ${index} `, `with **bold** and \`code\`\n`]],
    ['a loose numbered list', (index: number) => [`${index + 1}. item ${index} `, 'in a paragraph\n\n']],
    ['a list of tasks with sub-items', (index: number) => [`- [ ] task ${index}\n`, `  - detail ${index}\n`]],
  ])('%s: reads and renders only the last items per update, whatever its length', (_, item) => {
    const tokens = ['Intro.\n\n', ...Array.from({ length: 300 }, (_, index) => item(index)).flat(), '\nAfter.\n'];
    const { updates, largestRead, largestRender } = costInPieces('list', tokens);
    expect(updates).toBeGreaterThan(200);
    // Once the list is long, an update reads a few items, not the thousands of characters of list before them.
    expect(largestRead).toBeLessThan(800);
    expect(largestRender).toBeLessThan(1_500);
  });
});

describe('MarkdownStream: hostile output split across deltas stays inert', () => {
  const HOSTILE = [
    ['<scr', 'ipt>alert(1)</scr', 'ipt>\n\n'],
    ['[x](java', 'script:alert(1))\n\n'],
    ['![a](ht', 'tp://evil.example/p.gif)\n\n'],
    ['<im', 'g src=x one', 'rror=alert(1)>\n\n'],
    ['[leak](https://evil.exa', 'mple/?d=secret)\n\n'],
    ['[ref]\n\n[ref]: java', 'script:alert(1)\n\n'],
    ['```\n<script>\n``', '`\n<ifr', 'ame src=https://evil.example>\n'],
  ];

  it.each(HOSTILE)('%s…', (...deltas) => {
    streamed(deltas, (html) => {
      expect(html).not.toMatch(/<(?:script|img|iframe)/i);
      expect(html).not.toMatch(/href="(?!https:\/\/example\.org|http:\/\/www\.example\.org|mailto:)/i);
      expect(html).not.toContain('evil.example/?d=secret"');
    });
  });
});
