import { describe, expect, it } from 'vitest';
import { markdownToPlainText } from '../plain-text';

describe('markdownToPlainText', () => {
  it('removes markup and keeps structure', () => {
    const markdown =
      '## Key points\n\n- **Prices** rose by *3%*\n- See [the report](https://example.org/r)\n\n1. First\n2. Second\n\nUse `npm test`.';
    expect(markdownToPlainText(markdown)).toBe(
      'Key points\n\n• Prices rose by 3%\n• See the report (https://example.org/r)\n\n1. First\n2. Second\n\nUse npm test.',
    );
  });

  it('keeps characters that look like HTML as they are', () => {
    expect(markdownToPlainText('a < b & c > d')).toBe('a < b & c > d');
  });
});
