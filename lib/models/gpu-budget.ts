/** How many MB of GPU memory Tacit lets resident models use: a user override, a guess from adapter facts, or a safe default. */
import type { GpuCapabilities } from './types';

/**
 * WebGPU never reports VRAM, so the budget is a heuristic:
 * - A user override from Options always wins (if it lies within GPU_BUDGET_OVERRIDE_RANGE_MB).
 * - A fallback (software) adapter gets FALLBACK_ADAPTER_BUDGET_MB: one of the smallest models at most.
 * - `navigator.deviceMemory` (GB, bucketed, capped at 8 by browsers) bounds the budget to half of it, because
 *   integrated GPUs share system memory with the browser; at the 8 GB cap that allows MAX_DETECTED_BUDGET_MB.
 * - An adapter whose maxBufferSize or maxStorageBufferBindingSize is below 1 GiB is a low-end or mobile part:
 *   capped at LOW_END_ADAPTER_BUDGET_MB. (Large limits prove nothing about total VRAM, so they never raise the budget.)
 * - With no facts at all: DEFAULT_GPU_BUDGET_MB, enough for one 1.5B model or the 3B draft model, not both.
 */
export const DEFAULT_GPU_BUDGET_MB = 3072;
export const FALLBACK_ADAPTER_BUDGET_MB = 1200;
export const LOW_END_ADAPTER_BUDGET_MB = 2048;
export const MAX_DETECTED_BUDGET_MB = 4096;
export const GPU_BUDGET_OVERRIDE_RANGE_MB = { min: 256, max: 65536 } as const;

const LOW_END_MAX_BUFFER_BYTES = 1024 * 1024 * 1024;

/** Facts read by the offscreen probe (see GpuProbe) plus the Options override. */
export interface GpuBudgetFacts {
  maxBufferSize?: number;
  maxStorageBufferBindingSize?: number;
  isFallbackAdapter?: boolean;
  /** `navigator.deviceMemory`, in GB; undefined where the browser does not expose it (Firefox). */
  deviceMemoryGB?: number;
  /** Budget typed by the user in Options, in MB; a string is accepted as it comes from a form field. */
  override?: number | string;
}

export type GpuBudgetSource = 'override' | 'detected' | 'default';

export interface GpuBudget {
  budgetMB: number;
  source: GpuBudgetSource;
  /** Set when an override was given but rejected, so Options can say why it is not in effect. */
  overrideError?: GpuBudgetOverrideError;
}

/** Why an override was rejected; the allowed range is GPU_BUDGET_OVERRIDE_RANGE_MB. */
export interface GpuBudgetOverrideError {
  code: 'not-a-number' | 'out-of-range';
}

/** Validates an Options override: a whole number of MB within GPU_BUDGET_OVERRIDE_RANGE_MB. */
export function parseGpuBudgetOverride(
  value: number | string,
): { ok: true; budgetMB: number } | { ok: false; error: GpuBudgetOverrideError } {
  const { min, max } = GPU_BUDGET_OVERRIDE_RANGE_MB;
  const number = typeof value === 'number' ? value : /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(number)) return { ok: false, error: { code: 'not-a-number' } };
  const budgetMB = Math.round(number);
  if (budgetMB < min || budgetMB > max) return { ok: false, error: { code: 'out-of-range' } };
  return { ok: true, budgetMB };
}

export function detectGpuBudgetMB(facts: GpuBudgetFacts): GpuBudget {
  let overrideError: GpuBudgetOverrideError | undefined;
  if (facts.override !== undefined && facts.override !== '') {
    const parsed = parseGpuBudgetOverride(facts.override);
    if (parsed.ok) return { budgetMB: parsed.budgetMB, source: 'override' };
    overrideError = parsed.error;
  }
  const detected = detectedBudgetMB(facts);
  const result: GpuBudget =
    detected === undefined
      ? { budgetMB: DEFAULT_GPU_BUDGET_MB, source: 'default' }
      : { budgetMB: detected, source: 'detected' };
  return overrideError ? { ...result, overrideError } : result;
}

/** The budget the adapter facts justify, or undefined when none of them says anything. */
function detectedBudgetMB(facts: GpuBudgetFacts): number | undefined {
  if (facts.isFallbackAdapter) return FALLBACK_ADAPTER_BUDGET_MB;
  const caps: number[] = [];
  if (isPositive(facts.deviceMemoryGB)) {
    caps.push(Math.min(Math.floor((facts.deviceMemoryGB * 1024) / 2), MAX_DETECTED_BUDGET_MB));
  }
  const bufferLimits = [facts.maxBufferSize, facts.maxStorageBufferBindingSize].filter(isPositive);
  if (bufferLimits.some((limit) => limit < LOW_END_MAX_BUFFER_BYTES)) caps.push(LOW_END_ADAPTER_BUDGET_MB);
  return caps.length === 0 ? undefined : Math.min(...caps);
}

function isPositive(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** The budget for this GPU, or the user's override. */
export function gpuBudget(capabilities: GpuCapabilities | null, override: number | null): GpuBudget {
  return detectGpuBudgetMB({
    maxBufferSize: capabilities?.maxBufferSize,
    maxStorageBufferBindingSize: capabilities?.maxStorageBufferBindingSize,
    isFallbackAdapter: capabilities?.isFallbackAdapter,
    deviceMemoryGB: capabilities?.deviceMemoryGB,
    ...(override === null ? {} : { override }),
  });
}
