/** Drives the recursive reduction of part summaries until they fit one final combine prompt. */

import { planReduceStep } from './plan';

export interface ReduceSummariesOptions {
  /** Tokens the summaries may take in one combine prompt (the plan's chunkBudgetTokens). */
  budgetTokens: number;
  outputReserveTokens: number;
  countTokens: (text: string) => number;
  /** Merges consecutive summaries into one note (buildCombinePrompt, stage 'intermediate'), at most maxTokens long. */
  mergeGroup: (summaries: string[], maxTokens: number, round: number) => Promise<string>;
  /** Safety stop; the plan halves the count each round, so 12 rounds cover thousands of parts. */
  maxRounds?: number;
}

export type ReduceSummariesResult =
  | { ok: true; summaries: string[]; rounds: number }
  | { ok: false; error: { code: 'reduce-did-not-converge'; rounds: number } };

/** Merges groups of summaries round by round; returns summaries that together fit the budget, in page order. */
export async function reduceSummaries(
  partSummaries: readonly string[],
  options: ReduceSummariesOptions,
): Promise<ReduceSummariesResult> {
  const maxRounds = options.maxRounds ?? 12;
  let summaries = [...partSummaries];
  for (let round = 0; ; round++) {
    const step = planReduceStep(summaries.map(options.countTokens), options.budgetTokens, options.outputReserveTokens);
    if (step.kind === 'final') return { ok: true, summaries, rounds: round };
    if (round >= maxRounds) return { ok: false, error: { code: 'reduce-did-not-converge', rounds: round } };
    const next: string[] = [];
    // One merge at a time: the engine runs one generation at once, and progress stays in page order.
    for (const group of step.groups) {
      const members = group.indices.map((index) => summaries[index] ?? '');
      next.push(
        group.action === 'keep' ? (members[0] ?? '') : await options.mergeGroup(members, step.noteMaxTokens, round + 1),
      );
    }
    summaries = next;
  }
}
