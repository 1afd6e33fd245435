import { describe, expect, it } from 'vitest';
import { estimateTokens } from '../token-estimate';

describe('estimateTokens', () => {
  it('counts about four Latin characters per token, rounding up', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('abcd')).toBe(1);
    expect(estimateTokens('abcde')).toBe(2);
    expect(estimateTokens('Straße über Flüsse')).toBe(5);
  });

  it('is more conservative for other alphabets and CJK', () => {
    expect(estimateTokens('привет')).toBe(3);
    expect(estimateTokens('日本語です')).toBe(5);
    expect(estimateTokens('한국어')).toBe(3);
    expect(estimateTokens('😀')).toBe(1);
  });
});
