import { Lexer } from 'marked';
import { describe, expect, it } from 'vitest';
import { definitionsIn, finishedTokenCount, normalizeLabel, referenceLabels } from '../markdown-blocks';

/** The part of `source` that counts as finished: the raw text of its finished tokens. */
function finishedPart(source: string): string {
  const tokens = Lexer.lex(source, { gfm: true });
  return tokens
    .slice(0, finishedTokenCount(tokens, source))
    .map((token) => token.raw)
    .join('');
}

describe('finishedTokenCount: blocks no later text can change', () => {
  it.each([
    ['a paragraph after a blank line and a complete next line', 'para\n\nnext\n', 'para\n\n'],
    ['a paragraph after a blank line as soon as the next block starts', 'para\n\nnext wo', 'para\n\n'],
    ['nothing of a list while the next line is incomplete', '- a\n\nnext', ''],
    ['nothing while a paragraph goes on (a setext underline or a table could follow)', 'para\nnext\n', ''],
    ['an ATX heading followed by a complete line', '# Title\nnext\n', '# Title\n'],
    ['a setext heading followed by a complete line', 'Title\n---\nnext\n', 'Title\n---\n'],
    ['a closed fence, even with blank lines inside', '```\ncode\n\n```\nafter\n', '```\ncode\n\n```\n'],
    ['nothing of an unclosed fence', '```\ncode\n\nmore\n', ''],
    ['a list once a line at the margin follows a blank line', '- a\n\n  b\n\nc\n', '- a\n\n  b\n\n'],
    ['nothing of a list an indented line may still continue', '- a\n\n  b\n', ''],
    ['nothing of a list while lines follow without a blank (lazy continuation)', '- a\nlazy\n', ''],
    ['a quote with a lazy line once a blank line follows', '> q\nlazy\n\nnext\n', '> q\nlazy\n\n'],
    [
      'a table with a row at the margin once a blank line follows',
      '| a |\n|---|\n| 1 |\nrow\n\nnext\n',
      '| a |\n|---|\n| 1 |\nrow\n\n',
    ],
    ['nothing of a table that takes the next line as a row', '| a |\n|---|\n| 1 |\nrow\n', ''],
    [
      'a table after a blank line as soon as the next block starts',
      '| a |\n|---|\n| 1 |\n\nnext wo',
      '| a |\n|---|\n| 1 |\n\n',
    ],
    [
      'a definition with its title on the next line',
      '[a]: https://x.org\n"title"\n\nnext\n',
      '[a]: https://x.org\n"title"\n\n',
    ],
    ['nothing of an HTML comment until it closes', '<!-- a\n\nb\n\nc\n', ''],
    [
      'an indented code block once a line at the margin follows a blank line',
      '    a\n\n    b\n\nc\n',
      '    a\n\n    b\n\n',
    ],
  ])('%s', (_, source, finished) => {
    expect(finishedPart(source)).toBe(finished);
  });

  it('finishes nothing when the tokens do not add up to the text', () => {
    const tokens = Lexer.lex('para\n\nnext\n', { gfm: true });
    expect(finishedTokenCount(tokens, 'para\n\nnext\n and more')).toBe(0);
  });
});

describe('reference definitions and labels', () => {
  it('finds definitions inside quotes and lists, the first of a label winning', () => {
    const tokens = Lexer.lex('> [A]: https://a.org\n\n- [b]: https://b.org\n\n[a]: https://other.org\n', { gfm: true });
    expect(definitionsIn(tokens)).toEqual({
      a: { href: 'https://a.org', title: undefined },
      b: { href: 'https://b.org', title: undefined },
    });
  });

  it('lists every bracketed label as Marked normalises it', () => {
    expect(referenceLabels('[Foo  Bar] and [x][Ref\nOne] and [y][] and [esc\\]aped]')).toEqual(
      new Set(['foo bar', 'x', 'ref one', 'y', '', 'esc\\]aped']),
    );
    expect(normalizeLabel(' Foo\tBAR ')).toBe('foo bar');
  });
});
