import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DRAFT_OPTIONS,
  DRAFT_MAX_TOKENS,
  draftLengthRule,
  draftToneRule,
  normalizeDraftOptions,
} from '../options';
import { DRAFT_LENGTHS, DRAFT_TONES } from '../types';

describe('normalizeDraftOptions', () => {
  it('keeps valid options as they are', () => {
    expect(normalizeDraftOptions({ tone: 'formal', length: 'long', language: 'de-AT' })).toEqual({
      tone: 'formal',
      length: 'long',
      language: 'de-AT',
    });
  });

  it('gives the defaults for anything that is not an object', () => {
    for (const value of [undefined, null, 'formal', 42, ['formal']]) {
      expect(normalizeDraftOptions(value)).toEqual(DEFAULT_DRAFT_OPTIONS);
    }
    expect(DEFAULT_DRAFT_OPTIONS).toEqual({ tone: 'neutral', length: 'medium', language: 'page' });
  });

  it('keeps the valid parts and defaults the rest', () => {
    expect(normalizeDraftOptions({ tone: 'sarcastic', length: 'short', language: 7 })).toEqual({
      tone: 'neutral',
      length: 'short',
      language: 'page',
    });
    expect(normalizeDraftOptions({ tone: 'casual', length: 'huge' })).toEqual({
      tone: 'casual',
      length: 'medium',
      language: 'page',
    });
  });

  it('accepts a language tag up to 35 characters and falls back to the thread language otherwise', () => {
    expect(normalizeDraftOptions({ language: 'a'.repeat(35) }).language).toBe('a'.repeat(35));
    expect(normalizeDraftOptions({ language: 'a'.repeat(36) }).language).toBe('page');
    expect(normalizeDraftOptions({ language: '   ' }).language).toBe('page');
    expect(normalizeDraftOptions({ language: ' fr ' }).language).toBe('fr');
  });
});

describe('tone and length rules', () => {
  it('has a distinct rule for every tone', () => {
    const rules = DRAFT_TONES.map(draftToneRule);
    expect(new Set(rules).size).toBe(DRAFT_TONES.length);
    expect(draftToneRule('formal')).toMatch(/no slang or contractions/);
    expect(draftToneRule('apologetic')).toMatch(/acknowledge the problem/);
  });

  it('asks for more text and allows more tokens as the length grows', () => {
    expect(draftLengthRule('short')).toMatch(/1 to 3 sentences/);
    expect(draftLengthRule('medium')).toMatch(/one or two short paragraphs/);
    expect(draftLengthRule('long')).toMatch(/two to four paragraphs/);
    const budgets = DRAFT_LENGTHS.map((length) => DRAFT_MAX_TOKENS[length]);
    expect(budgets).toEqual([...budgets].sort((a, b) => a - b));
    expect(new Set(budgets).size).toBe(3);
  });
});
