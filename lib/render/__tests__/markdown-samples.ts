/** Random Markdown for the stream's property tests: every construct that spans lines or reaches across blocks. */

export type Random = () => number;

/** A small seeded generator (mulberry32), so a failing case can be replayed from its seed. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function int(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'Zephyrine', 'über', 'x', 'foo', 'bar', 'baz', '42', 'a_b', 'naïve'];

const INLINE: Array<(random: Random) => string> = [
  (r) => pick(r, WORDS),
  (r) => `**${pick(r, WORDS)}**`,
  (r) => `*${pick(r, WORDS)} ${pick(r, WORDS)}*`,
  (r) => `_${pick(r, WORDS)}_`,
  (r) => `~~${pick(r, WORDS)}~~`,
  (r) => `\`${pick(r, WORDS)} <b>\``,
  () => '[site](https://example.org/a?b=1)',
  () => '[evil](https://evil.example/?d=secret)',
  () => '[js](javascript:alert(1))',
  () => '[js2](java\nscript:alert(1))',
  () => '![pixel](http://evil.example/p.gif)',
  () => 'https://example.org/bare',
  () => 'www.example.org',
  () => 'mail@example.org',
  () => '<https://example.org/angle>',
  (r) => `[${pick(r, ['foo', 'Foo', 'bar', 'BAZ', 'qux'])}]`,
  (r) => `[text][${pick(r, ['foo', 'bar', 'baz'])}]`,
  (r) => `[${pick(r, ['foo', 'bar'])}][]`,
  () => '<script>alert(1)</script>',
  () => '<img src=x onerror=alert(1)>',
  () => '<a href="javascript:alert(2)">raw</a>',
  () => '&amp; &lt; &copy; &#65;',
  () => '\\*not em\\*',
  () => 'a  \nb',
  () => '| pipe |',
  () => '"quotes" and \'single\'',
];

function inline(random: Random, count = int(random, 1, 6)): string {
  return Array.from({ length: count }, () => pick(random, INLINE)(random)).join(' ');
}

function listItems(random: Random, marker: () => string, depth: number): string {
  const lines: string[] = [];
  const indent = '  '.repeat(depth);
  for (let item = 0, count = int(random, 1, 4); item < count; item++) {
    lines.push(`${indent}${marker()} ${inline(random)}`);
    const extra = random();
    if (extra < 0.15) lines.push(`${indent}  ${inline(random)}`);
    else if (extra < 0.25)
      lines.push(inline(random)); // lazy continuation
    else if (extra < 0.35)
      lines.push('', `${indent}  ${inline(random)}`); // second paragraph: loose
    else if (extra < 0.45 && depth < 2) lines.push(listItems(random, () => '-', depth + 1));
    else if (extra < 0.5) lines.push('');
    else if (extra < 0.55) lines.push(`${indent}  \`\`\``, `${indent}  code in item`, `${indent}  \`\`\``);
  }
  return lines.join('\n');
}

const BLOCKS: Array<(random: Random) => string> = [
  (r) => inline(r),
  (r) => `${inline(r)}\n${inline(r)}`,
  (r) => `${'#'.repeat(int(r, 1, 6))} ${inline(r, 2)}`,
  (r) => `${inline(r, 2)}\n${pick(r, ['===', '---', '-', '=='])}`,
  (r) => `${pick(r, ['---', '***', '___', '- - -'])}`,
  (r) => listItems(r, () => pick(r, ['-']), 0),
  (r) => listItems(r, () => pick(r, ['-', '*', '+']), 0),
  (r) => {
    let n = int(r, 0, 3);
    return listItems(r, () => `${n++}.`, 0);
  },
  (r) => `- [${pick(r, [' ', 'x'])}] ${inline(r, 2)}\n- [ ] ${inline(r, 1)}`,
  (r) =>
    `\`\`\`${pick(r, ['', 'ts', 'html'])}\n${inline(r)}\n\n<script>x</script>\n${pick(r, ['```', '', '~~~', '````'])}`,
  (r) => `~~~\n${inline(r)}\n~~~`,
  (r) => `    indented ${inline(r, 2)}\n\n    more code`,
  (r) => `| a | b |\n|---|:-:|\n| ${inline(r, 1)} | ${inline(r, 1)} |\n${pick(r, ['| c | d |', 'lazy row', ''])}`,
  (r) => `a | b\n--- | ---\n${inline(r, 1)} | 2`,
  (r) => `> ${inline(r)}\n${pick(r, ['> ', '', '>'])}${inline(r)}\n${pick(r, ['lazy line', '> > nested', '>'])}`,
  (r) => `> - quoted list\n> - ${inline(r, 1)}\ncontinued`,
  (r) => `<div>\n${inline(r)}\n</div>`,
  (r) => `<!-- comment\n\n${inline(r)} -->`,
  () => `<script>\n\nalert(1)\n</script>`,
  (r) =>
    `[${pick(r, ['foo', 'Foo', 'bar', 'baz'])}]: ${pick(r, ['https://example.org/def', 'https://evil.example/?d=x', 'javascript:alert(1)', '<https://example.org/angle def>'])}${pick(r, ['', ' "title"', "\n'multi\nline'"])}`,
  () => '[qux]:\nhttps://example.org/qux',
  (r) => `\t${inline(r, 2)}`,
  (r) => `   ${inline(r, 2)}`,
  () => '\\# not a heading',
  () => '1) one\n2) two',
  (r) => `<span>${inline(r, 2)}</span>`,
  (r) => `*${inline(r, 2)}\n${inline(r, 1)}*`,
  () => '[spanning\nlines](https://example.org/a?b=1) and `code\nspan`',
  () => '-\n- \n1.\n-\tfoo',
  (r) => `  - ${inline(r, 1)}\n      - ${inline(r, 1)}\n\n        four deep`,
  (r) => `- item\n\n  \`\`\`\n  ${inline(r, 1)}\n\n\n  \`\`\`\n- next`,
  (r) => `> \`\`\`\n> ${inline(r, 1)}\n\n> \`\`\``,
  () => 'footnote[^1]\n\n[^1]: https://example.org/def',
  (r) => Array.from({ length: 30 }, () => pick(r, WORDS)).join(' '),
];

const SEPARATORS = ['\n\n', '\n', '\n\n\n', '\n  \n', '\n'];

/** A random Markdown text of about `blocks` blocks. */
export function randomMarkdown(random: Random, blocks = int(random, 1, 12)): string {
  let text = '';
  for (let index = 0; index < blocks; index++) {
    if (index > 0) text += pick(random, SEPARATORS);
    text += pick(random, BLOCKS)(random);
  }
  if (random() < 0.3) text += '\n';
  if (random() < 0.05) text = text.replace(/\n/g, '\r\n');
  return text;
}

/** `text` cut into deltas at random points, from single characters to long runs. */
export function randomSplit(random: Random, text: string): string[] {
  const deltas: string[] = [];
  for (let at = 0; at < text.length;) {
    const length = random() < 0.5 ? int(random, 1, 3) : int(random, 1, 40);
    deltas.push(text.slice(at, at + length));
    at += length;
  }
  return deltas;
}

const TABLE_ENDS = [
  '',
  '\n',
  '\n\n',
  '\n\nafter the table',
  '\n# heading',
  '\n- a list',
  '\n> quote',
  '\n\n| x |\n|---|\n| y |',
];

/**
 * Random Markdown around a long table: rows with inline Markdown, pipes escaped or in code spans, too few or too many
 * cells, lazy rows without pipes, and the ways a table ends.
 */
export function randomLongTable(random: Random): string {
  const columns = int(random, 1, 4);
  const header = `| ${Array.from({ length: columns }, (_, index) => `h${index}`).join(' | ')} |`;
  const delimiter = `|${Array.from({ length: columns }, () => pick(random, ['---', ':--', '--:', ':-:'])).join('|')}|`;
  const rows = Array.from({ length: int(random, 3, 40) }, () => {
    const cells = Array.from({ length: int(random, Math.max(1, columns - 1), columns + 1) }, () =>
      pick(random, [() => inline(random, int(random, 1, 3)), () => '`a | b`', () => 'x \\| y', () => ''])(),
    );
    const row = cells.join(' | ');
    return pick(random, [`| ${row} |`, row, `| ${row}`, 'lazy row']);
  });
  const before = random() < 0.5 ? `${randomMarkdown(random, int(random, 1, 2))}\n\n` : '';
  return `${before}${header}\n${delimiter}\n${rows.join('\n')}${pick(random, TABLE_ENDS)}`;
}

const CODE_LINES = [
  'const x = 1;',
  '  indented <b>bold</b> & "quoted" \'single\'',
  '',
  '   ',
  '\ttabbed',
  '``',
  '~~',
  '``` not a close',
  '<script>alert(1)</script>',
  '| a | b |',
  '# not a heading',
  '[x]: https://example.org/def',
];

/**
 * Random Markdown around a long fenced code block: backtick and tilde fences, indented fences, info strings, lines
 * that look like a close but are not, blank lines, and the ways a block ends (or does not).
 */
export function randomLongCode(random: Random): string {
  const indent = pick(random, ['', '', ' ', '  ', '   ']);
  const fence = pick(random, ['```', '```', '~~~', '````']);
  const info = pick(random, ['', 'ts', 'html', ' python extra']);
  const lines = Array.from({ length: int(random, 3, 60) }, () =>
    random() < 0.6
      ? `${pick(random, ['', ' ', '    '])}${inline(random, int(random, 1, 4))}`
      : pick(random, CODE_LINES),
  );
  const close = pick(random, [
    '',
    `\n${indent}${fence}`,
    `\n${fence}${fence[0]}  `,
    `\n${fence}\n\nafter the code`,
    `\n   ${fence}\nnext`,
    `\n${fence.slice(0, -1)}`,
    '\n\n\n',
  ]);
  const before = random() < 0.5 ? `${randomMarkdown(random, int(random, 1, 2))}\n\n` : '';
  return `${before}${indent}${fence}${info}\n${lines.join('\n')}${close}`;
}

/**
 * Random Markdown around a long list: bullets or numbers, tight or loose (a blank line anywhere between items), nested
 * lists, lazy continuation lines, tasks, code and quotes in items, lines that end the list or could change an item.
 */
export function randomLongList(random: Random): string {
  const ordered = random() < 0.4;
  const delimiter = pick(random, ['.', ')']);
  const bullet = pick(random, ['-', '*', '+']);
  let number = int(random, 0, 12);
  const marker = () => (ordered ? `${number++}${delimiter}` : bullet);
  const loose = random() < 0.3;
  const lines: string[] = [];
  for (let item = 0, count = int(random, 3, 40); item < count; item++) {
    const indent = pick(random, ['', '', '', ' ']);
    const task = !ordered && random() < 0.15 ? `[${pick(random, [' ', 'x'])}] ` : '';
    lines.push(`${indent}${marker()} ${task}${inline(random, int(random, 1, 4))}`);
    const extra = random();
    if (extra < 0.1) lines.push(`   ${inline(random)}`);
    else if (extra < 0.15)
      lines.push(inline(random)); // lazy continuation
    else if (extra < 0.2)
      lines.push('', `   ${inline(random)}`); // a second paragraph
    else if (extra < 0.27) lines.push(`   - ${inline(random, 2)}`, `   - ${inline(random, 1)}`);
    else if (extra < 0.3) lines.push('   ```', `   ${pick(random, ['code', '- not an item'])}`, '   ```');
    else if (extra < 0.33) lines.push(`   > ${inline(random, 2)}`);
    else if (extra < 0.35) lines.push(pick(random, ['-', '---', '===', '- - -']));
    if (loose && random() < 0.3) lines.push('');
  }
  const end = pick(random, ['', '\n', '\n\nafter the list', '\n# heading', '\n\n- another list', '\n* other bullet']);
  const before = random() < 0.5 ? `${randomMarkdown(random, int(random, 1, 2))}\n\n` : '';
  return `${before}${lines.join('\n')}${end}`;
}
