import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { PREBUILT_RECORDS } from '../prebuilt-records';
import { MODEL_FAMILIES } from '../registry';

describe('prebuilt model records', () => {
  it('match the installed WebLLM exactly (update the table when WebLLM is upgraded)', () => {
    for (const record of PREBUILT_RECORDS) {
      const upstream = prebuiltAppConfig.model_list.find((candidate) => candidate.model_id === record.model_id);
      expect(upstream, record.model_id).toBeDefined();
      expect(record).toEqual(upstream);
    }
  });

  it('cover every variant of every family the registry offers', () => {
    const ids = new Set(PREBUILT_RECORDS.map((record) => record.model_id));
    for (const family of Object.values(MODEL_FAMILIES)) {
      expect(ids.has(family.variants.f16), family.variants.f16).toBe(true);
      expect(ids.has(family.variants.f32), family.variants.f32).toBe(true);
    }
  });
});
