import { describe, expect, it } from 'vitest';
import { MAX_CAUSE_LENGTH, tacitError, unknownError } from '../errors';

describe('tacitError', () => {
  it('carries the code and its typed facts', () => {
    expect(tacitError('model-too-large', { neededMB: 2952, budgetMB: 2000 })).toEqual({
      code: 'model-too-large',
      neededMB: 2952,
      budgetMB: 2000,
    });
    expect(tacitError('model-download-failed', { host: 'huggingface.co', status: 404 })).toEqual({
      code: 'model-download-failed',
      host: 'huggingface.co',
      status: 404,
    });
  });

  it('leaves unset facts out, so the value survives structured cloning unchanged', () => {
    const error = tacitError('model-source-unreachable', { host: undefined });
    expect(Object.keys(error)).toEqual(['code']);
    expect(structuredClone(error)).toStrictEqual({ code: 'model-source-unreachable' });
    expect(Object.keys(tacitError('no-webgpu'))).toEqual(['code']);
  });
});

describe('tacitError types (checked by tsc --noEmit)', () => {
  it('cannot build a code without the facts its message needs', () => {
    // @ts-expect-error model-too-large needs neededMB and budgetMB
    expect(tacitError('model-too-large')).toEqual({ code: 'model-too-large' });
    // @ts-expect-error a restricted page needs its reason
    expect(tacitError('restricted-page', {})).toEqual({ code: 'restricted-page' });
    // @ts-expect-error the reason must be one Tacit knows
    expect(tacitError('restricted-page', { page: 'some-page' })).toEqual({
      code: 'restricted-page',
      page: 'some-page',
    });
    // @ts-expect-error 'unknown' is built by unknownError, which caps its cause
    expect(tacitError('unknown', { cause: 'x' })).toEqual({ code: 'unknown', cause: 'x' });
  });
});

describe('unknownError', () => {
  it('keeps a short cause whole', () => {
    expect(unknownError('RangeError: offset is out of bounds')).toEqual({
      code: 'unknown',
      cause: 'RangeError: offset is out of bounds',
    });
  });

  it('cuts a long cause to the maximum length', () => {
    const cause = `Error: ${'x'.repeat(500)}`;
    expect(unknownError(cause)).toEqual({ code: 'unknown', cause: cause.slice(0, MAX_CAUSE_LENGTH) });
    expect(unknownError(cause).cause).toHaveLength(MAX_CAUSE_LENGTH);
  });
});
