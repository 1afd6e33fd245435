import type { ModelRecord } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { automaticChoice, fitsBudget, modelDisplayName, resolveTaskModel } from '../registry';

const CUSTOM: ModelRecord = {
  model: 'https://models.example.org/mlc-ai/Tiny-Custom-q4f32_1-MLC',
  model_id: 'Tiny-Custom-q4f32_1-MLC',
  model_lib: 'https://models.example.org/libs/Tiny-Custom-q4f32_1-webgpu.wasm',
  vram_required_MB: 400,
};

function resolvedId(result: ReturnType<typeof resolveTaskModel>): string {
  if (!result.ok) throw new Error(`expected a record, got ${result.reason} for ${result.modelId}`);
  return result.record.model_id;
}

describe('resolveTaskModel', () => {
  it.each([
    ['summarize', 'f32', 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC'],
    ['summarize', 'f16', 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC'],
    ['draft', 'f32', 'Llama-3.2-3B-Instruct-q4f32_1-MLC'],
    ['draft', 'f16', 'Llama-3.2-3B-Instruct-q4f16_1-MLC'],
  ] as const)('gives %s its default model in %s precision when nothing was chosen', (task, precision, modelId) => {
    const result = resolveTaskModel(task, undefined, precision, []);
    expect(resolvedId(result)).toBe(modelId);
    expect(result).toMatchObject({ ok: true, choice: 'default' });
    expect(resolveTaskModel(task, 'default', precision, [])).toEqual(result);
  });

  it.each([
    ['rewrite', 'f32', 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC'],
    ['rewrite', 'f16', 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC'],
    ['draft', 'f32', 'Llama-3.2-1B-Instruct-q4f32_1-MLC'],
    ['draft', 'f16', 'Llama-3.2-1B-Instruct-q4f16_1-MLC'],
  ] as const)('gives %s its light model in %s precision', (task, precision, modelId) => {
    const result = resolveTaskModel(task, 'light', precision, []);
    expect(resolvedId(result)).toBe(modelId);
    expect(result).toMatchObject({ ok: true, choice: 'light' });
  });

  it('resolves the prebuilt record with its size, so the budget can be checked', () => {
    const result = resolveTaskModel('draft', 'default', 'f32', []);
    expect(result.ok && 'vram_required_MB' in result.record && result.record.vram_required_MB).toBe(2951.51);
  });

  it('uses a custom model picked by id exactly as the user recorded it', () => {
    const result = resolveTaskModel('summarize', 'Tiny-Custom-q4f32_1-MLC', 'f16', [CUSTOM]);
    expect(result).toEqual({ ok: true, record: CUSTOM, choice: 'custom' });
  });

  it('resolves a prebuilt model picked by id whatever the precision', () => {
    const result = resolveTaskModel('chat', 'Llama-3.2-1B-Instruct-q4f32_1-MLC', 'f16', []);
    expect(resolvedId(result)).toBe('Llama-3.2-1B-Instruct-q4f32_1-MLC');
  });

  it('says which model is unknown when the chosen id is neither prebuilt nor custom', () => {
    expect(resolveTaskModel('rewrite', 'Removed-Model-MLC', 'f32', [CUSTOM])).toEqual({
      ok: false,
      reason: 'unknown-model',
      modelId: 'Removed-Model-MLC',
    });
    // A custom model the user deleted is unknown too, not silently replaced by the default.
    expect(resolveTaskModel('rewrite', 'Tiny-Custom-q4f32_1-MLC', 'f32', [])).toMatchObject({
      ok: false,
      reason: 'unknown-model',
    });
  });
});

describe('modelDisplayName', () => {
  it("names prebuilt models by their family in either precision, and the user's own models by their id", () => {
    expect(modelDisplayName('Qwen2.5-1.5B-Instruct-q4f32_1-MLC')).toBe('Qwen2.5 1.5B Instruct');
    expect(modelDisplayName('Llama-3.2-1B-Instruct-q4f16_1-MLC')).toBe('Llama 3.2 1B Instruct');
    expect(modelDisplayName('My-Model-q4f16_1-MLC')).toBe('My-Model-q4f16_1-MLC');
  });
});

describe('automaticChoice', () => {
  it('takes the default model when it fits the budget, the lighter one when only that fits', () => {
    // Qwen2.5-1.5B q4f32 needs about 1.9 GB, Qwen2.5-0.5B about 0.9 GB.
    expect(automaticChoice('summarize', 'f32', 4096)).toBe('default');
    expect(automaticChoice('summarize', 'f32', 1200)).toBe('light');
  });

  it('stays with the default when neither fits', () => {
    expect(automaticChoice('draft', 'f32', 500)).toBe('default');
  });

  it('counts a record that does not say what it needs as fitting', () => {
    expect(fitsBudget({ ...CUSTOM, vram_required_MB: undefined }, 100)).toBe(true);
    expect(fitsBudget(CUSTOM, 399)).toBe(false);
  });
});
