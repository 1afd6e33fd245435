import { describe, expect, it } from 'vitest';
import { isTacitError, tacitError } from '../../core/errors';
import { isRequestEnvelope } from '../messages';

describe('isRequestEnvelope', () => {
  it('accepts a Tacit request envelope', () => {
    expect(isRequestEnvelope({ tacit: 1, to: 'background', type: 'panel/status', payload: {} })).toBe(true);
  });

  it('rejects messages that are not Tacit envelopes', () => {
    expect(isRequestEnvelope(null)).toBe(false);
    expect(isRequestEnvelope(undefined)).toBe(false);
    expect(isRequestEnvelope('panel/status')).toBe(false);
    expect(isRequestEnvelope({ type: 'panel/status', to: 'background' })).toBe(false);
    expect(isRequestEnvelope({ tacit: 2, to: 'background', type: 'panel/status' })).toBe(false);
    expect(isRequestEnvelope({ tacit: '1', to: 'background', type: 'panel/status' })).toBe(false);
  });

  it('rejects envelopes without a target or a type', () => {
    expect(isRequestEnvelope({ tacit: 1, type: 'panel/status' })).toBe(false);
    expect(isRequestEnvelope({ tacit: 1, to: 'background' })).toBe(false);
    expect(isRequestEnvelope({ tacit: 1, to: 'background', type: 42 })).toBe(false);
  });
});

describe('tacitError', () => {
  it('carries the code and the detail', () => {
    expect(tacitError('model-download-failed', 'huggingface.co')).toEqual({
      code: 'model-download-failed',
      detail: 'huggingface.co',
    });
  });

  it('leaves the detail out when there is none, so it survives structured cloning unchanged', () => {
    const error = tacitError('no-webgpu');
    expect(error).toEqual({ code: 'no-webgpu' });
    expect(Object.keys(error)).toEqual(['code']);
  });
});

describe('isTacitError', () => {
  it('recognises a Tacit error', () => {
    expect(isTacitError(tacitError('unknown', 'x'))).toBe(true);
  });

  it('rejects plain errors, strings and empty values', () => {
    expect(isTacitError(new Error('boom'))).toBe(false);
    expect(isTacitError('no-webgpu')).toBe(false);
    expect(isTacitError(null)).toBe(false);
    expect(isTacitError({ code: 42 })).toBe(false);
  });
});
