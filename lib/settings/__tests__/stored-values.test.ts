import { describe, expect, it } from 'vitest';
import type { ModelRecord } from '@mlc-ai/web-llm';
import {
  MAX_CUSTOM_MODELS,
  checkCustomModels,
  checkWithSchema,
  draftOptionsSchema,
  engineIdleMsSchema,
  gpuBudgetOverrideSchema,
  lastCustomInstructionSchema,
  lastRewriteStyleSchema,
  modelMirrorUrlSchema,
  summaryOptionsSchema,
  taskModelsSchema,
} from '../stored-values';

const RECORD: ModelRecord = {
  model_id: 'My-Model-q4f32_1-MLC',
  model: 'https://models.example.org/mlc/MyModel',
  model_lib: 'https://models.example.org/libs/MyModel-webgpu.wasm',
  vram_required_MB: 900,
  overrides: { context_window_size: 4096 },
};

describe('stored settings', () => {
  it.each<[string, Parameters<typeof checkWithSchema>[0], unknown, boolean]>([
    ['idle time in ms', engineIdleMsSchema, 300000, true],
    ['idle time as text', engineIdleMsSchema, '300000', false],
    ['negative idle time', engineIdleMsSchema, -5, false],
    ['https mirror', modelMirrorUrlSchema, 'https://mirror.example.org', true],
    ['no mirror', modelMirrorUrlSchema, null, true],
    ['javascript: mirror', modelMirrorUrlSchema, 'javascript:alert(1)', false],
    ['5,000-character host', modelMirrorUrlSchema, `https://${'a'.repeat(5000)}.org`, false],
    ['known rewrite style', lastRewriteStyleSchema, 'formal', true],
    ['unknown rewrite style', lastRewriteStyleSchema, 'evil', false],
    ['short instruction', lastCustomInstructionSchema, 'make it rhyme', true],
    ['huge instruction', lastCustomInstructionSchema, 'x'.repeat(10000), false],
    ['task models', taskModelsSchema, { summarize: 'light', chat: 'default' }, true],
    ['task models as a list', taskModelsSchema, ['light'], false],
    ['task model as a number', taskModelsSchema, { summarize: 7 }, false],
    ['GPU budget', gpuBudgetOverrideSchema, 4096, true],
    ['negative GPU budget', gpuBudgetOverrideSchema, -1, false],
    ['summary options', summaryOptionsSchema, { type: 'tldr', length: 'short', language: 'page' }, true],
    ['summary options of another shape', summaryOptionsSchema, { type: 'poem', length: 'short', language: 'x' }, false],
    ['reply options', draftOptionsSchema, { tone: 'formal', length: 'long', language: 'de-AT' }, true],
    ['reply options with script', draftOptionsSchema, { tone: 'formal', length: 'long', language: '<b>' }, false],
  ])('%s', (_name, schema, raw, valid) => {
    expect(checkWithSchema(schema, raw, 'fallback').valid).toBe(valid);
    if (!valid) expect(checkWithSchema(schema, raw, 'fallback').value).toBe('fallback');
  });
});

describe('custom models read back from storage', () => {
  it('keeps valid records', () => {
    expect(checkCustomModels([RECORD], [])).toEqual({ value: [RECORD], valid: true });
  });

  it.each<[string, unknown]>([
    ['a string', 'garbage'],
    ['an object', { model_id: 'x' }],
    ['a number', 42],
  ])('gives no records for %s', (_name, raw) => {
    expect(checkCustomModels(raw, [])).toEqual({ value: [], valid: false });
  });

  it('drops what fails the Options rules and keeps the rest', () => {
    const stored = [
      null,
      RECORD,
      { ...RECORD, model_id: 'Evil', model: 'javascript:alert(1)' },
      { ...RECORD, model_id: 'Negative', vram_required_MB: -1 },
      { ...RECORD, model_id: 'Long', model: `https://models.example.org/${'a'.repeat(3000)}` },
      { ...RECORD, model_id: 'Host', model_lib: `https://${'b'.repeat(70)}.org/lib.wasm` },
      { ...RECORD },
    ];
    expect(checkCustomModels(stored, [])).toEqual({ value: [RECORD], valid: false });
  });

  it('refuses an id that a prebuilt model already has', () => {
    expect(checkCustomModels([RECORD], [RECORD.model_id.toLowerCase()]).value).toEqual([]);
  });

  it(`keeps at most ${MAX_CUSTOM_MODELS} records`, () => {
    const many = Array.from({ length: MAX_CUSTOM_MODELS + 3 }, (_, index) => ({ ...RECORD, model_id: `m${index}` }));
    const checked = checkCustomModels(many, []);
    expect(checked.value).toHaveLength(MAX_CUSTOM_MODELS);
    expect(checked.valid).toBe(false);
  });

  it('treats nothing stored as valid and empty', () => {
    expect(checkCustomModels(undefined, [])).toEqual({ value: [], valid: true });
  });
});
