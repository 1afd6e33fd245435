/** Replays a sequence of task requests through the swap policy: what loads, what is evicted, and memory in use. */
import { EMPTY_RESIDENCY, applySwap, planSwap, residentMB, type ModelRequest } from './policy';

export interface SimulationStep {
  /** The name used in the sequence (a task kind, or any label). */
  request: string;
  modelId: string;
  outcome: 'loaded' | 'reused' | 'too-large';
  evicted: string[];
  /** Model ids resident after the step, in load order. */
  resident: string[];
  usedMB: number;
  budgetMB: number;
}

/**
 * `models` maps each name in `sequence` to its model and size; the step index is the LRU clock.
 * Throws on a name missing from `models`: that is a mistake in the caller's table, not a runtime condition.
 */
export function simulate(
  sequence: readonly string[],
  models: Readonly<Record<string, ModelRequest>>,
  budgetMB: number,
): SimulationStep[] {
  let state = EMPTY_RESIDENCY;
  return sequence.map((name, index) => {
    const request = models[name];
    if (!request) throw new Error(`simulate: no model given for "${name}"`);
    const step = (outcome: SimulationStep['outcome'], evicted: string[]): SimulationStep => ({
      request: name,
      modelId: request.modelId,
      outcome,
      evicted,
      resident: state.loaded.map((model) => model.modelId),
      usedMB: residentMB(state),
      budgetMB,
    });
    const decision = planSwap(state, request, budgetMB);
    if (decision.kind === 'too-large') return step('too-large', []);
    state = applySwap(state, decision, request, index + 1);
    return step(decision.load === null ? 'reused' : 'loaded', decision.evict);
  });
}

/** One line per step, for notes and logs: `3. draft → load Llama… (evict Qwen…) [2264/3000 MB]`. */
export function formatSimulation(steps: readonly SimulationStep[]): string {
  return steps
    .map((s, index) => {
      const action =
        s.outcome === 'loaded'
          ? `load ${s.modelId}`
          : s.outcome === 'reused'
            ? `reuse ${s.modelId}`
            : `too large: ${s.modelId}`;
      const evicted = s.evicted.length > 0 ? ` (evict ${s.evicted.join(', ')})` : '';
      return `${index + 1}. ${s.request} → ${action}${evicted} [${round(s.usedMB)}/${s.budgetMB} MB: ${s.resident.join(', ') || 'none'}]`;
    })
    .join('\n');
}

function round(mb: number): number {
  return Math.round(mb * 100) / 100;
}
