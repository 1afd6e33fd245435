/** Which models to evict and load so a requested model fits the GPU budget: least recently used goes first. Pure. */

export interface ResidentModel {
  modelId: string;
  sizeMB: number;
  /** Logical clock of the last load or use; larger is more recent. */
  lastUsed: number;
}

export interface ResidencyState {
  loaded: ResidentModel[];
}

export interface ModelRequest {
  modelId: string;
  sizeMB: number;
}

/** Unload `evict` (in order), then load `load`; `load` is null when the model is already resident. */
export interface SwapPlan {
  kind: 'swap';
  evict: string[];
  load: string | null;
}

/** The model alone exceeds the budget: the UI suggests the task's lighter model instead. */
export interface TooLargeForBudget {
  kind: 'too-large';
  modelId: string;
  sizeMB: number;
  budgetMB: number;
}

export type SwapDecision = SwapPlan | TooLargeForBudget;

export const EMPTY_RESIDENCY: ResidencyState = { loaded: [] };

export function residentMB(state: ResidencyState): number {
  return state.loaded.reduce((total, model) => total + model.sizeMB, 0);
}

/**
 * Plans the smallest LRU eviction that makes room for `request` within `budgetMB`. A resident request is reused;
 * others are still evicted if the budget has shrunk below what is resident (e.g. the user lowered the override).
 */
export function planSwap(state: ResidencyState, request: ModelRequest, budgetMB: number): SwapDecision {
  if (request.sizeMB > budgetMB) {
    return { kind: 'too-large', modelId: request.modelId, sizeMB: request.sizeMB, budgetMB };
  }
  const alreadyLoaded = state.loaded.some((model) => model.modelId === request.modelId);
  // Stable sort: equal lastUsed keeps load order, so ties evict the earlier-loaded model.
  const evictionOrder = state.loaded
    .filter((model) => model.modelId !== request.modelId)
    .sort((a, b) => a.lastUsed - b.lastUsed);
  let usedMB = residentMB(state) + (alreadyLoaded ? 0 : request.sizeMB);
  const evict: string[] = [];
  for (const candidate of evictionOrder) {
    if (usedMB <= budgetMB) break;
    evict.push(candidate.modelId);
    usedMB -= candidate.sizeMB;
  }
  return { kind: 'swap', evict, load: alreadyLoaded ? null : request.modelId };
}

/** The state after carrying out `plan`, with the requested model marked as used at `now`. */
export function applySwap(state: ResidencyState, plan: SwapPlan, request: ModelRequest, now: number): ResidencyState {
  const kept = state.loaded.filter((model) => !plan.evict.includes(model.modelId));
  const loaded =
    plan.load === null ? kept : [...kept, { modelId: request.modelId, sizeMB: request.sizeMB, lastUsed: now }];
  return touch({ loaded }, request.modelId, now);
}

/** Marks a resident model as used at `now` (each generate calls this), so it is the last to be evicted. */
export function touch(state: ResidencyState, modelId: string, now: number): ResidencyState {
  return { loaded: state.loaded.map((model) => (model.modelId === modelId ? { ...model, lastUsed: now } : model)) };
}

/** The state after a model was unloaded outside the policy (engine crash, device lost, explicit unload). */
export function forget(state: ResidencyState, modelId: string): ResidencyState {
  return { loaded: state.loaded.filter((model) => model.modelId !== modelId) };
}
