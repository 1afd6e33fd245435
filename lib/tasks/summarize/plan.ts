/** Pure token arithmetic: summarize a page in one pass or in parts, and how to shrink part summaries that do not fit. */

/** Smallest budget worth splitting a page for; below it the model has no room to read anything useful. */
export const MIN_CHUNK_BUDGET_TOKENS = 256;

/** Tokens each part summary costs on top of its own text in a combine prompt ("Part n of N:" and blank lines). */
export const PART_OVERHEAD_TOKENS = 8;

export type SummaryPlan =
  | { mode: 'single'; budgetTokens: number }
  /** Split the text into chunks of at most chunkBudgetTokens; generate each part summary with max tokens partMaxTokens. */
  | { mode: 'map-reduce'; chunkBudgetTokens: number; estimatedChunks: number; partMaxTokens: number }
  /** The context window minus the reserves leaves less than MIN_CHUNK_BUDGET_TOKENS for page text. */
  | { mode: 'context-too-small'; budgetTokens: number };

function wholeTokens(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/**
 * The page text may use the context window minus the prompt reserve (system prompt, fences, reminder)
 * and the output reserve (the summary's max tokens). Text within that budget goes in one pass.
 */
export function planSummary(
  textTokens: number,
  contextWindowTokens: number,
  promptReserveTokens: number,
  outputReserveTokens: number,
): SummaryPlan {
  const budget = Math.max(
    0,
    wholeTokens(contextWindowTokens) - wholeTokens(promptReserveTokens) - wholeTokens(outputReserveTokens),
  );
  const text = wholeTokens(textTokens);
  if (text <= budget && budget > 0) return { mode: 'single', budgetTokens: budget };
  if (budget < MIN_CHUNK_BUDGET_TOKENS) return { mode: 'context-too-small', budgetTokens: budget };
  return {
    mode: 'map-reduce',
    chunkBudgetTokens: budget,
    estimatedChunks: Math.ceil(text / budget),
    partMaxTokens: noteCap(budget, outputReserveTokens),
  };
}

/** Notes are capped at half the budget (and the output reserve), so any two of them fit one combine prompt. */
function noteCap(budget: number, outputReserveTokens: number): number {
  return Math.max(1, Math.min(wholeTokens(outputReserveTokens), Math.floor(budget / 2) - PART_OVERHEAD_TOKENS));
}

/** One group of a reduce round: consecutive summaries merged into one note, or one short summary kept as it is. */
export interface ReduceGroup {
  indices: number[];
  action: 'merge' | 'keep';
}

export type ReduceStep =
  /** Everything fits: run the final combine over all summaries. */
  | { kind: 'final' }
  /**
   * Too much for one combine: merge each group (buildCombinePrompt with stage 'intermediate', generating
   * at most noteMaxTokens), then plan again with the results, in order.
   */
  | { kind: 'round'; groups: ReduceGroup[]; noteMaxTokens: number };

/**
 * Plans the next reduce step for summaries of the given token sizes. Merged notes are capped at half
 * the budget, so after one round any two notes fit together and every later round at least halves
 * the count: the reduction always ends, provided each merge is generated with max tokens noteMaxTokens.
 */
export function planReduceStep(
  summaryTokens: readonly number[],
  budgetTokens: number,
  outputReserveTokens: number,
): ReduceStep {
  const sizes = summaryTokens.map((tokens) => wholeTokens(tokens) + PART_OVERHEAD_TOKENS);
  const budget = wholeTokens(budgetTokens);
  if (sizes.reduce((sum, size) => sum + size, 0) <= budget) return { kind: 'final' };

  const noteMaxTokens = noteCap(budget, outputReserveTokens);
  const groups: ReduceGroup[] = [];
  let current: number[] = [];
  let currentSize = 0;
  const close = (): void => {
    if (current.length === 0) return;
    const only = current[0];
    const keep =
      current.length === 1 && only !== undefined && (sizes[only] ?? 0) - PART_OVERHEAD_TOKENS <= noteMaxTokens;
    groups.push({ indices: current, action: keep ? 'keep' : 'merge' });
    current = [];
    currentSize = 0;
  };
  sizes.forEach((size, index) => {
    if (current.length > 0 && currentSize + size > budget) close();
    current.push(index);
    currentSize += size;
    // Only a summary generated past its max tokens can exceed the budget; it goes alone and the merge shortens it.
    if (currentSize > budget) close();
  });
  close();
  return { kind: 'round', groups, noteMaxTokens };
}

/** Above this many parts a summary asks first, saying its size and the time it takes on this machine. */
export const LARGE_SUMMARY_PARTS = 20;
/** The shorter choice offered then: the page's first this many parts. */
export const FIRST_PARTS_OFFER = 20;

/**
 * About how many generations a summary of `parts` parts makes: one per part, the merges of every reduce round, and
 * the final combine. Assumes every note as long as allowed (partMaxTokens), so the estimate errs on the long side.
 */
export function estimateGenerations(parts: number, budgetTokens: number, outputReserveTokens: number): number {
  const partMaxTokens = noteCap(wholeTokens(budgetTokens), outputReserveTokens);
  let sizes: number[] = Array.from({ length: wholeTokens(parts) }, () => partMaxTokens);
  let generations = sizes.length + 1;
  for (let round = 0; round < 12; round++) {
    const step = planReduceStep(sizes, budgetTokens, outputReserveTokens);
    if (step.kind === 'final') break;
    generations += step.groups.filter((group) => group.action === 'merge').length;
    sizes = step.groups.map((group) => (group.action === 'merge' ? step.noteMaxTokens : sizes[group.indices[0]!]!));
  }
  return generations;
}
