import { describe, expect, it } from 'vitest';
import { estimateTokens } from '../../../core/token-estimate';
import { countModelTokens } from '../model-tokens';

describe('countModelTokens', () => {
  it('leaves a fifth more room than our estimate, rounded up', () => {
    const text = 'The quick brown fox jumps over the lazy dog. '.repeat(20);
    expect(countModelTokens(text)).toBe(Math.ceil(estimateTokens(text) * 1.2));
    expect(countModelTokens(text)).toBeGreaterThan(estimateTokens(text));
  });

  it('counts nothing for no text', () => {
    expect(countModelTokens('')).toBe(0);
  });
});
