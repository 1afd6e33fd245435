import { describe, expect, it } from 'vitest';
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
