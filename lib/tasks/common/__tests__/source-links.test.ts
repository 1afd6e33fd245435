import { describe, expect, it } from 'vitest';
import { linksIn } from '../source-links';

describe('linksIn: the addresses a task read', () => {
  it('finds web and mail addresses as Markdown would link them', () => {
    expect(linksIn('See https://example.org/guide?a=1&b=2 or www.example.org or mail team@example.org.')).toEqual([
      'https://example.org/guide?a=1&b=2',
      'http://www.example.org',
      'mailto:team@example.org',
    ]);
  });

  it('keeps each address as written and without the punctuation that may end the sentence', () => {
    expect(linksIn('(read https://example.org/a_(b)).')).toEqual([
      'https://example.org/a_(b)).',
      'https://example.org/a_(b))',
      'https://example.org/a_(b)',
      'https://example.org/a_(b',
    ]);
    expect(linksIn('[guide](https://example.org/guide)')).toEqual([
      'https://example.org/guide)',
      'https://example.org/guide',
    ]);
  });

  it('reads several texts, skips missing ones, and lists each address once', () => {
    expect(linksIn('https://a.example', undefined, 'again https://a.example, mailto:x@a.example')).toEqual([
      'https://a.example',
      'https://a.example,',
      'mailto:x@a.example',
    ]);
  });

  it('takes no other schemes and no overlong addresses', () => {
    expect(linksIn('javascript:alert(1) data:text/html,x ftp://a.example')).toEqual([]);
    expect(linksIn(`https://a.example/${'x'.repeat(3000)}`)).toEqual([]);
  });

  it('stops at 2,000 addresses', () => {
    const text = Array.from({ length: 2500 }, (_, index) => `https://a.example/${index}`).join(' ');
    expect(linksIn(text)).toHaveLength(2000);
  });
});
