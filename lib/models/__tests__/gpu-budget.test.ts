import { describe, expect, it } from 'vitest';
import { DEFAULT_GPU_BUDGET_MB, detectGpuBudgetMB, parseGpuBudgetOverride } from '../gpu-budget';

const GiB = 1024 ** 3;
const desktop = { maxBufferSize: 4 * GiB, maxStorageBufferBindingSize: 2 * GiB, isFallbackAdapter: false };

describe('detectGpuBudgetMB', () => {
  it('uses the conservative default when nothing says otherwise', () => {
    expect(detectGpuBudgetMB({})).toEqual({ budgetMB: DEFAULT_GPU_BUDGET_MB, source: 'default' });
    // Large buffer limits prove nothing about total VRAM.
    expect(detectGpuBudgetMB(desktop)).toEqual({ budgetMB: 3072, source: 'default' });
  });

  it('bounds the budget by half the device memory, up to 4096 MB', () => {
    expect(detectGpuBudgetMB({ ...desktop, deviceMemoryGB: 8 })).toEqual({ budgetMB: 4096, source: 'detected' });
    expect(detectGpuBudgetMB({ ...desktop, deviceMemoryGB: 4 })).toEqual({ budgetMB: 2048, source: 'detected' });
    expect(detectGpuBudgetMB({ ...desktop, deviceMemoryGB: 2 })).toEqual({ budgetMB: 1024, source: 'detected' });
    expect(detectGpuBudgetMB({ ...desktop, deviceMemoryGB: 0 })).toEqual({ budgetMB: 3072, source: 'default' });
  });

  it('gives a fallback (software) adapter a low budget whatever the memory', () => {
    expect(detectGpuBudgetMB({ ...desktop, isFallbackAdapter: true, deviceMemoryGB: 8 })).toEqual({
      budgetMB: 1200,
      source: 'detected',
    });
  });

  it('caps low-end adapters with small buffer limits', () => {
    expect(detectGpuBudgetMB({ maxBufferSize: 256 * 1024 ** 2, deviceMemoryGB: 8 })).toEqual({
      budgetMB: 2048,
      source: 'detected',
    });
    expect(detectGpuBudgetMB({ maxBufferSize: 4 * GiB, maxStorageBufferBindingSize: 512 * 1024 ** 2 })).toEqual({
      budgetMB: 2048,
      source: 'detected',
    });
  });

  it('lets a valid override win, even over a fallback adapter', () => {
    expect(detectGpuBudgetMB({ ...desktop, isFallbackAdapter: true, override: 6000 })).toEqual({
      budgetMB: 6000,
      source: 'override',
    });
    expect(detectGpuBudgetMB({ ...desktop, override: ' 8192 ' })).toEqual({ budgetMB: 8192, source: 'override' });
  });

  it('ignores an invalid override and says why', () => {
    expect(detectGpuBudgetMB({ ...desktop, deviceMemoryGB: 4, override: 100 })).toEqual({
      budgetMB: 2048,
      source: 'detected',
      overrideError: { code: 'out-of-range' },
    });
    expect(detectGpuBudgetMB({ override: 'lots' }).overrideError).toEqual({ code: 'not-a-number' });
    expect(detectGpuBudgetMB({ override: '' })).toEqual({ budgetMB: 3072, source: 'default' });
  });
});

describe('parseGpuBudgetOverride', () => {
  it('accepts whole MB within 256..65536', () => {
    expect(parseGpuBudgetOverride(256)).toEqual({ ok: true, budgetMB: 256 });
    expect(parseGpuBudgetOverride(65536)).toEqual({ ok: true, budgetMB: 65536 });
    expect(parseGpuBudgetOverride('3000.4')).toEqual({ ok: true, budgetMB: 3000 });
  });

  it('rejects out of range and non-numbers', () => {
    expect(parseGpuBudgetOverride(255)).toEqual({ ok: false, error: { code: 'out-of-range' } });
    expect(parseGpuBudgetOverride(65537)).toEqual({ ok: false, error: { code: 'out-of-range' } });
    expect(parseGpuBudgetOverride(NaN)).toEqual({ ok: false, error: { code: 'not-a-number' } });
    expect(parseGpuBudgetOverride(Infinity)).toEqual({ ok: false, error: { code: 'not-a-number' } });
    expect(parseGpuBudgetOverride('-3000')).toEqual({ ok: false, error: { code: 'not-a-number' } });
    expect(parseGpuBudgetOverride('3e3')).toEqual({ ok: false, error: { code: 'not-a-number' } });
  });
});
