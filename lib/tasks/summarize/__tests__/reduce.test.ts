import { describe, expect, it } from 'vitest';
import { reduceSummaries } from '../reduce';

/** One token per word keeps the arithmetic visible. */
const countWords = (text: string): number => text.split(/\s+/).filter(Boolean).length;

function words(count: number, tag: string): string {
  return Array.from({ length: count }, (_, i) => `${tag}${i}`).join(' ');
}

describe('reduceSummaries', () => {
  it('returns the summaries untouched when they already fit', async () => {
    const merges: string[][] = [];
    const result = await reduceSummaries(['a b', 'c d'], {
      budgetTokens: 100,
      outputReserveTokens: 50,
      countTokens: countWords,
      mergeGroup: async (group) => (merges.push(group), 'x'),
    });
    expect(result).toEqual({ ok: true, summaries: ['a b', 'c d'], rounds: 0 });
    expect(merges).toHaveLength(0);
  });

  it('merges in rounds, in page order, until everything fits, honouring the note cap', async () => {
    const parts = Array.from({ length: 20 }, (_, i) => words(90, `p${i}_`));
    const caps: number[] = [];
    const result = await reduceSummaries(parts, {
      budgetTokens: 400,
      outputReserveTokens: 300,
      countTokens: countWords,
      mergeGroup: async (group, maxTokens) => {
        caps.push(maxTokens);
        const firstTag = group[0]!.split(' ')[0]!;
        return words(maxTokens, `${firstTag}-`);
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rounds).toBeGreaterThan(1);
    expect(caps.every((cap) => cap === 192)).toBe(true);
    const total = result.summaries.reduce((sum, s) => sum + countWords(s) + 8, 0);
    expect(total).toBeLessThanOrEqual(400);
    expect(result.summaries[0]!.startsWith('p0_')).toBe(true);
  });

  it('reports a reduction that does not converge instead of looping', async () => {
    const result = await reduceSummaries([words(300, 'a'), words(300, 'b')], {
      budgetTokens: 400,
      outputReserveTokens: 300,
      countTokens: countWords,
      mergeGroup: async () => words(300, 'stubborn'),
      maxRounds: 3,
    });
    expect(result).toEqual({ ok: false, error: { code: 'reduce-did-not-converge', rounds: 3 } });
  });
});
