// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { plainTextOf, rangeAtTextOffsets, textOffsetIn } from '../range-text';

function rangeOver(element: Element): Range {
  const range = document.createRange();
  range.selectNodeContents(element);
  return range;
}

function root(html: string): HTMLElement {
  document.body.innerHTML = `<div id="root">${html}</div>`;
  return document.getElementById('root')!;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('plainTextOf', () => {
  it.each([
    ['inline markup', 'a <b>bold</b> <i>move</i>', 'a bold move'],
    ['<br> line breaks', 'one<br>two<br>three', 'one\ntwo\nthree'],
    ['div lines (Gmail style)', '<div>one</div><div>two</div>', 'one\ntwo'],
    ['empty line divs', '<div>one</div><div><br></div><div>two</div>', 'one\n\ntwo'],
    ['trailing <br> inside a block', '<div>one<br></div><div>two</div>', 'one\ntwo'],
    ['paragraphs', '<p>one</p><p>two</p>', 'one\n\ntwo'],
    ['a heading before a paragraph', '<h1>title</h1><p>body</p>', 'title\nbody'],
    ['list items', '<ul><li>one</li><li>two</li></ul>', 'one\ntwo'],
    ['source whitespace', '<p>\n    spaced   out\n    text\n  </p>', 'spaced out text'],
    ['preformatted text', '<pre>keep   this\n  indent</pre>', 'keep   this\n  indent'],
    ['scripts and styles', 'shown<script>hidden()</script><style>p{}</style>', 'shown'],
  ])('reads %s', (_name, html, expected) => {
    expect(plainTextOf(rangeOver(root(html)))).toBe(expected);
  });

  it('clips text at the range boundaries', () => {
    const element = root('<p>first paragraph</p><p>second paragraph</p>');
    const range = document.createRange();
    range.setStart(element.querySelector('p')!.firstChild!, 6);
    range.setEnd(element.querySelectorAll('p')[1]!.firstChild!, 6);
    expect(plainTextOf(range)).toBe('paragraph\n\nsecond');
  });

  it('reads only the children a range set between elements covers, and a point inside one keeps it', () => {
    const element = root('<p>zero</p><p>one</p><p>two</p><p>three</p>');
    const range = document.createRange();
    // Between children: from before the second paragraph to after the third.
    range.setStart(element, 1);
    range.setEnd(element, 3);
    expect(plainTextOf(range)).toBe('one\n\ntwo');
    // Ending at the very start of the fourth paragraph's text touches it, but takes none of its text.
    range.setEnd(element.querySelectorAll('p')[3]!.firstChild!, 0);
    expect(plainTextOf(range)).toBe('one\n\ntwo');
    // Starting at the very end of the first paragraph's text takes none of it.
    range.setStart(element.querySelector('p')!.firstChild!, 4);
    expect(plainTextOf(range)).toBe('one\n\ntwo');
    // A range between the same two children is empty.
    range.setStart(element, 2);
    range.setEnd(element, 2);
    expect(plainTextOf(range)).toBe('');
  });

  it('holds back spaces at the end of a line and drops them at a line break, wherever they arrive', () => {
    expect(plainTextOf(rangeOver(root('one <span> </span><br>two<b> </b> three  <br><br>four ')))).toBe(
      'one\ntwo three\n\nfour',
    );
    expect(plainTextOf(rangeOver(root('<pre>a  \n</pre><p>b</p>')))).toBe('a  \nb');
  });

  it('reads thousands of lines broken by <br>, each once and in order', () => {
    const lines = Array.from({ length: 3000 }, (_, index) => `line ${index}`);
    expect(plainTextOf(rangeOver(root(lines.join('<br>'))))).toBe(lines.join('\n'));
  });
});

describe('text offsets', () => {
  it('round-trips a range through text offsets across nodes', () => {
    const element = root('ab<b>cd</b>ef');
    const range = document.createRange();
    range.setStart(element.querySelector('b')!.firstChild!, 1);
    range.setEnd(element.lastChild!, 1);
    const start = textOffsetIn(element, range.startContainer, range.startOffset);
    const end = textOffsetIn(element, range.endContainer, range.endOffset);
    expect([start, end]).toEqual([3, 5]);
    expect(rangeAtTextOffsets(element, start, end).toString()).toBe('de');
  });

  it('starts a range in the next text node when the offset falls on a boundary', () => {
    const element = root('ab<b>cd</b>');
    const range = rangeAtTextOffsets(element, 2, 4);
    expect(range.startContainer).toBe(element.querySelector('b')!.firstChild);
    expect(range.toString()).toBe('cd');
  });
});
