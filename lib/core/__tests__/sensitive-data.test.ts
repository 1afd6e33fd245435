import { describe, expect, it } from 'vitest';
import { autocompleteVerdict, containsCardNumber, hintVerdict, isLuhnValid, normaliseHint } from '../sensitive-data';

describe('card numbers in text', () => {
  it.each([
    ['4111111111111111', true],
    ['Visa 4111 1111 1111 1111.', true],
    ['amex 3782-822463-10005', true],
    ['5555555555554444', true],
    ['19 digits: 6011000990139424000', false],
    ['4111111111111112', false],
    ['0000000000000000', false],
    ['phone +49 30 1234567', false],
    ['12 digits 123456789012', false],
    ['part of 41111111111111110000 more digits', false],
  ])('%s → %s', (text, expected) => {
    expect(containsCardNumber(text)).toBe(expected);
  });

  it('checks the Luhn sum', () => {
    expect(isLuhnValid('79927398713')).toBe(true);
    expect(isLuhnValid('79927398710')).toBe(false);
  });
});

describe('hints', () => {
  it('normalises case, accents, camelCase and punctuation', () => {
    expect(normaliseHint('Kartenprüf-Nummer')).toBe('kartenpruf nummer');
    expect(normaliseHint('ccNumber_field')).toBe('cc number field');
  });

  it('reads autocomplete tokens, any cc-* token as payment data', () => {
    expect(autocompleteVerdict('section-pay billing cc-exp-month')).toBe('card-expiry');
    expect(autocompleteVerdict('cc-future-token')).toBe('card-details');
    expect(autocompleteVerdict('shipping street-address')).toBeNull();
  });

  it('leaves ordinary words alone', () => {
    expect(hintVerdict(['shipping', 'spinner', 'Tanzania', 'expert'])).toBeNull();
  });
});
