/** How many MB of RAM the CPU engine's loaded models may use together: a user override, or half the device's memory. */
import { parseGpuBudgetOverride, type GpuBudgetOverrideError } from './gpu-budget';

/**
 * - A user override from Options always wins (same range as the GPU override).
 * - `navigator.deviceMemory` (GB, rounded down to a power of two and capped at 8 by Chromium) allows half of it:
 *   the browser, the pages and the system need the rest. At the cap that is 4 GB: the 1.5B model and the 3B draft model.
 * - Where the browser does not say (Firefox): DEFAULT_RAM_BUDGET_MB, enough for the 3B draft model alone.
 */
export const DEFAULT_RAM_BUDGET_MB = 3072;
export const MAX_DETECTED_RAM_BUDGET_MB = 4096;

export interface RamBudget {
  budgetMB: number;
  source: 'override' | 'detected' | 'default';
  overrideError?: GpuBudgetOverrideError;
}

export function detectRamBudgetMB(facts: { deviceMemoryGB?: number; override?: number | string }): RamBudget {
  let overrideError: GpuBudgetOverrideError | undefined;
  if (facts.override !== undefined && facts.override !== '') {
    const parsed = parseGpuBudgetOverride(facts.override);
    if (parsed.ok) return { budgetMB: parsed.budgetMB, source: 'override' };
    overrideError = parsed.error;
  }
  const memory = facts.deviceMemoryGB;
  const result: RamBudget =
    typeof memory === 'number' && Number.isFinite(memory) && memory > 0
      ? { budgetMB: Math.min(Math.floor((memory * 1024) / 2), MAX_DETECTED_RAM_BUDGET_MB), source: 'detected' }
      : { budgetMB: DEFAULT_RAM_BUDGET_MB, source: 'default' };
  return overrideError ? { ...result, overrideError } : result;
}

/** From the device's memory as the browser tells it (`navigator.deviceMemory`; Firefox does not) and the override. */
export function ramBudget(override: number | null): RamBudget {
  const deviceMemoryGB = (globalThis.navigator as { deviceMemory?: number } | undefined)?.deviceMemory;
  return detectRamBudgetMB({ deviceMemoryGB, ...(override === null ? {} : { override }) });
}
