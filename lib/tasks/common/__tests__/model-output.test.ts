import { describe, expect, it } from 'vitest';
import { bare, INTERJECTION_ONLY, unwrapCodeFence, unwrapQuotes, withoutMarkdownMarks } from '../model-output';

describe('INTERJECTION_ONLY', () => {
  it('matches a line that is only an interjection, in the languages models answer in', () => {
    for (const line of ['Sure!', 'Certainly, happy to help.', 'Gerne!', 'Natürlich.', 'Bien sûr!', 'Claro']) {
      expect(INTERJECTION_ONLY.test(line)).toBe(true);
    }
  });

  it('does not match a sentence that starts with one', () => {
    expect(INTERJECTION_ONLY.test('Sure, the meeting is at 3.')).toBe(false);
    expect(INTERJECTION_ONLY.test('Okay team, listen up')).toBe(false);
  });
});

describe('bare', () => {
  it('drops markdown emphasis, heading, blockquote and code marks and trims', () => {
    expect(bare('  **Rewritten text:**  ')).toBe('Rewritten text:');
    expect(bare('## `Draft`')).toBe('Draft');
    expect(bare('> _note_')).toBe('note');
  });

  it('keeps spacing when only the marks are dropped', () => {
    expect(withoutMarkdownMarks(' *(Note)* ')).toBe(' (Note) ');
  });
});

describe('unwrapCodeFence', () => {
  it('returns what a fence around the whole answer holds', () => {
    expect(unwrapCodeFence('```text\nHello\nthere\n```')).toBe('Hello\nthere');
    expect(unwrapCodeFence('```\nHello\n  ```')).toBe('Hello');
  });

  it('leaves a fence that does not wrap the whole answer', () => {
    expect(unwrapCodeFence('Run this:\n```\nls\n```')).toBe('Run this:\n```\nls\n```');
  });

  it('keeps the fence when the original was fenced too', () => {
    expect(unwrapCodeFence('```\nHello\n```', '  ```\nhello\n```')).toBe('```\nHello\n```');
    expect(unwrapCodeFence('```\nHello\n```', 'hello')).toBe('Hello');
  });
});

describe('unwrapQuotes', () => {
  it.each([
    ['"Hello there."', 'Hello there.'],
    ['“ Hello ”', 'Hello'],
    ['„Hallo“', 'Hallo'],
    ['«Bonjour»', 'Bonjour'],
    ['「こんにちは」', 'こんにちは'],
  ])('unwraps %s around the whole answer', (text, inner) => {
    expect(unwrapQuotes(text)).toBe(inner);
  });

  it.each(['"Yes," she said, "now."', 'He said "hi"', '"'])('leaves %s, which it does not wrap', (text) => {
    expect(unwrapQuotes(text)).toBe(text);
  });

  it('unwraps single quotes only when asked', () => {
    expect(unwrapQuotes("'Hello'")).toBe("'Hello'");
    expect(unwrapQuotes('‘Hello’')).toBe('‘Hello’');
    expect(unwrapQuotes("'Hello'", { singleQuotes: true })).toBe('Hello');
    expect(unwrapQuotes('‘Hello’', { singleQuotes: true })).toBe('Hello');
  });

  it('keeps a quote mark the original opened with', () => {
    expect(unwrapQuotes('"Hello"', { original: '  "hello"' })).toBe('"Hello"');
    expect(unwrapQuotes('"Hello"', { original: 'hello' })).toBe('Hello');
  });
});
