import { describe, expect, it } from 'vitest';
import {
  estimateGenerations,
  MIN_CHUNK_BUDGET_TOKENS,
  PART_OVERHEAD_TOKENS,
  planReduceStep,
  planSummary,
} from '../plan';

describe('planSummary', () => {
  it('summarizes in one pass when the text fits the budget', () => {
    expect(planSummary(2500, 4096, 500, 1000)).toEqual({ mode: 'single', budgetTokens: 2596 });
    expect(planSummary(2596, 4096, 500, 1000)).toEqual({ mode: 'single', budgetTokens: 2596 });
  });

  it('splits into chunks of the budget when the text is one token over', () => {
    expect(planSummary(2597, 4096, 500, 1000)).toEqual({
      mode: 'map-reduce',
      chunkBudgetTokens: 2596,
      estimatedChunks: 2,
      partMaxTokens: 1000,
    });
  });

  it('caps part summaries at half the budget so any two fit one combine', () => {
    const plan = planSummary(100_000, 4096, 1000, 2000);
    expect(plan).toEqual({
      mode: 'map-reduce',
      chunkBudgetTokens: 1096,
      estimatedChunks: 92,
      partMaxTokens: 548 - PART_OVERHEAD_TOKENS,
    });
  });

  it('reports a context too small for any useful chunk', () => {
    expect(planSummary(5000, 1024, 600, 300)).toEqual({ mode: 'context-too-small', budgetTokens: 124 });
    expect(planSummary(10, 1000, 800, 400)).toEqual({ mode: 'context-too-small', budgetTokens: 0 });
    expect(planSummary(5000, 1024 + MIN_CHUNK_BUDGET_TOKENS, 1024, 0).mode).toBe('map-reduce');
  });

  it('treats negative or non-finite inputs as zero', () => {
    expect(planSummary(Number.NaN, 4096, -5, 1000)).toEqual({ mode: 'single', budgetTokens: 3096 });
  });
});

describe('planReduceStep', () => {
  it('goes straight to the final combine when all summaries fit', () => {
    const per = 100 - PART_OVERHEAD_TOKENS;
    expect(planReduceStep([per, per, per], 300, 200)).toEqual({ kind: 'final' });
  });

  it('counts the per-part overhead against the budget', () => {
    expect(planReduceStep([100, 100, 100], 300, 200).kind).toBe('round');
  });

  it('groups consecutive summaries greedily within the budget', () => {
    const step = planReduceStep([200, 200, 200, 200, 200], 500, 1000);
    expect(step).toEqual({
      kind: 'round',
      noteMaxTokens: 250 - PART_OVERHEAD_TOKENS,
      groups: [
        { indices: [0, 1], action: 'merge' },
        { indices: [2, 3], action: 'merge' },
        { indices: [4], action: 'keep' },
      ],
    });
  });

  it('merges a lone summary that is longer than a note, and isolates one over the budget', () => {
    const step = planReduceStep([100, 900, 300, 50], 600, 1000);
    expect(step.kind).toBe('round');
    if (step.kind !== 'round') return;
    expect(step.groups).toEqual([
      { indices: [0], action: 'keep' },
      { indices: [1], action: 'merge' },
      { indices: [2, 3], action: 'merge' },
    ]);
  });

  it('limits notes by the output reserve when it is smaller than half the budget', () => {
    const step = planReduceStep([400, 400, 400], 1000, 120);
    expect(step.kind === 'round' && step.noteMaxTokens).toBe(120);
  });
});

describe('estimateGenerations', () => {
  it('counts one generation per part and the final combine when all notes fit one combine', () => {
    // Notes of at most 400 tokens (+8 overhead): 7 of them fit a 3,096-token budget.
    expect(estimateGenerations(7, 3096, 400)).toBe(8);
  });

  it('adds the merges of every reduce round for a long page', () => {
    // 40 notes of 408 tokens: 6 merges of 7, 6 and … notes in round one, then one final combine of their 6 notes.
    const generations = estimateGenerations(40, 3096, 400);
    expect(generations).toBeGreaterThan(41);
    expect(generations).toBeLessThan(41 + 10);
    expect(estimateGenerations(500, 3096, 400)).toBeGreaterThan(estimateGenerations(40, 3096, 400) * 10);
  });

  it('treats no parts as the final combine only', () => {
    expect(estimateGenerations(0, 3096, 400)).toBe(1);
  });
});
