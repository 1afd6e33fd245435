// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureSelection } from '../capture-selection';
import { classifyTextField } from '../text-field-kind';
import type { EditingError } from '../types';

afterEach(() => {
  document.body.innerHTML = '';
  document.getSelection()?.removeAllRanges();
});

/** Each field, as a page writes it, and the refusal Tacit must give (null: an ordinary field it may read). */
const FIELDS: ReadonlyArray<readonly [string, EditingError | null]> = [
  ['<input autocomplete="cc-number">', { ok: false, code: 'sensitive-field', sensitive: 'card-number' }],
  ['<input autocomplete="cc-exp-month">', { ok: false, code: 'sensitive-field', sensitive: 'card-expiry' }],
  ['<input autocomplete="cc-exp-year">', { ok: false, code: 'sensitive-field', sensitive: 'card-expiry' }],
  ['<input autocomplete="billing cc-exp">', { ok: false, code: 'sensitive-field', sensitive: 'card-expiry' }],
  ['<input autocomplete="cc-csc">', { ok: false, code: 'sensitive-field', sensitive: 'card-security-code' }],
  ['<input autocomplete="cc-name">', { ok: false, code: 'sensitive-field', sensitive: 'card-details' }],
  ['<input autocomplete="cc-family-name">', { ok: false, code: 'sensitive-field', sensitive: 'card-details' }],
  ['<input autocomplete="cc-type">', { ok: false, code: 'sensitive-field', sensitive: 'card-details' }],
  ['<input autocomplete="one-time-code">', { ok: false, code: 'sensitive-field', sensitive: 'one-time-code' }],
  ['<input autocomplete="current-password">', { ok: false, code: 'password-field' }],
  ['<input type="text" autocomplete="new-password">', { ok: false, code: 'password-field' }],
  ['<input name="password" type="text">', { ok: false, code: 'password-field' }],
  ['<input name="cardnumber">', { ok: false, code: 'sensitive-field', sensitive: 'card-number' }],
  ['<input id="ccNum">', { ok: false, code: 'sensitive-field', sensitive: 'card-number' }],
  ['<input name="card_number">', { ok: false, code: 'sensitive-field', sensitive: 'card-number' }],
  ['<input name="otp" inputmode="numeric">', { ok: false, code: 'sensitive-field', sensitive: 'one-time-code' }],
  ['<input name="cvc">', { ok: false, code: 'sensitive-field', sensitive: 'card-security-code' }],
  ['<input placeholder="CVV">', { ok: false, code: 'sensitive-field', sensitive: 'card-security-code' }],
  ['<input placeholder="MM / YY">', { ok: false, code: 'sensitive-field', sensitive: 'card-expiry' }],
  ['<input name="iban">', { ok: false, code: 'sensitive-field', sensitive: 'iban' }],
  ['<input aria-label="PIN">', { ok: false, code: 'sensitive-field', sensitive: 'pin' }],
  ['<input name="tan">', { ok: false, code: 'sensitive-field', sensitive: 'tan' }],
  ['<input name="ssn">', { ok: false, code: 'sensitive-field', sensitive: 'national-id' }],
  ['<input aria-label="Social Security number">', { ok: false, code: 'sensitive-field', sensitive: 'national-id' }],
  ['<input name="twoFactorCode">', { ok: false, code: 'sensitive-field', sensitive: 'one-time-code' }],
  ['<input name="2fa">', { ok: false, code: 'sensitive-field', sensitive: 'one-time-code' }],
  // German
  ['<label>Kartennummer <input></label>', { ok: false, code: 'sensitive-field', sensitive: 'card-number' }],
  ['<label>Kartenprüfnummer <input></label>', { ok: false, code: 'sensitive-field', sensitive: 'card-security-code' }],
  ['<label>Gültig bis <input></label>', { ok: false, code: 'sensitive-field', sensitive: 'card-expiry' }],
  ['<label>Bestätigungscode <input></label>', { ok: false, code: 'sensitive-field', sensitive: 'one-time-code' }],
  ['<label>Passwort <input></label>', { ok: false, code: 'password-field' }],
  // French
  ['<label>Numéro de carte <input></label>', { ok: false, code: 'sensitive-field', sensitive: 'card-number' }],
  [
    '<label>Cryptogramme visuel <input></label>',
    { ok: false, code: 'sensitive-field', sensitive: 'card-security-code' },
  ],
  ['<label>Date d’expiration <input></label>', { ok: false, code: 'sensitive-field', sensitive: 'card-expiry' }],
  ['<input placeholder="Code de vérification">', { ok: false, code: 'sensitive-field', sensitive: 'one-time-code' }],
  [
    '<label>Numéro de sécurité sociale <input></label>',
    { ok: false, code: 'sensitive-field', sensitive: 'national-id' },
  ],
  // Spanish
  ['<label>Número de tarjeta <input></label>', { ok: false, code: 'sensitive-field', sensitive: 'card-number' }],
  [
    '<label>Código de seguridad <input></label>',
    { ok: false, code: 'sensitive-field', sensitive: 'card-security-code' },
  ],
  ['<label>Fecha de caducidad <input></label>', { ok: false, code: 'sensitive-field', sensitive: 'card-expiry' }],
  ['<input aria-label="Contraseña">', { ok: false, code: 'password-field' }],
  // Labels by reference, and short numeric fields beside code words
  [
    '<span id="l">Card number</span><input aria-labelledby="l">',
    { ok: false, code: 'sensitive-field', sensitive: 'card-number' },
  ],
  [
    '<div><p>Enter the 6-digit code we sent you</p><input inputmode="numeric" maxlength="6"></div>',
    { ok: false, code: 'sensitive-field', sensitive: 'one-time-code' },
  ],
  [
    '<div>Geben Sie die 6 Ziffern ein <input type="tel" maxlength="6"></div>',
    { ok: false, code: 'sensitive-field', sensitive: 'one-time-code' },
  ],
  ['<textarea name="card-number"></textarea>', { ok: false, code: 'sensitive-field', sensitive: 'card-number' }],
  // Ordinary fields stay readable
  ['<input name="message">', null],
  ['<input name="shipping-address">', null],
  ['<input name="spinner-label">', null],
  ['<label>Your comment <input></label>', null],
  ['<div><p>Quantity</p><input inputmode="numeric"></div>', null],
  ['<input autocomplete="email" type="email">', null],
  ['<textarea placeholder="Write your reply"></textarea>', null],
];

describe('sensitive fields', () => {
  it.each(FIELDS)('%s → %j', (html, expected) => {
    document.body.innerHTML = html;
    const field = document.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea')!;
    const valueRead = vi.fn(() => 'secret value');
    Object.defineProperty(field, 'value', { get: valueRead, configurable: true });
    const verdict = classifyTextField(field);
    if (expected) {
      expect(verdict).toEqual({ kind: 'refused', error: expected });
      field.focus();
      expect(captureSelection(document)).toEqual(expected);
      expect(valueRead).not.toHaveBeenCalled();
    } else {
      expect(verdict.kind).toBe('text-field');
    }
  });

  it('refuses a rich editor labelled as a card number without reading it', () => {
    document.body.innerHTML = '<div contenteditable="true" aria-label="Card number"><p id="t">4111 1111</p></div>';
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('t')!);
    document.getSelection()!.addRange(range);
    expect(captureSelection(document)).toEqual({ ok: false, code: 'sensitive-field', sensitive: 'card-number' });
  });

  it('refuses a selection that holds a Luhn-valid card number, and reads one that does not', () => {
    document.body.innerHTML =
      '<p id="a">Pay with 4242 4242 4242 4242 please.</p><p id="b">Order 4242 4242 4242 4241.</p>';
    const select = (id: string) => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById(id)!);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    };
    select('a');
    expect(captureSelection(document)).toEqual({
      ok: false,
      code: 'sensitive-field',
      sensitive: 'card-number-in-text',
    });
    select('b');
    expect(captureSelection(document)).toMatchObject({ ok: true, text: 'Order 4242 4242 4242 4241.' });
  });

  it('refuses a card number selected inside an ordinary text field', () => {
    document.body.innerHTML = '<textarea>my card is 5555-5555-5555-4444 ok</textarea>';
    const field = document.querySelector('textarea')!;
    field.focus();
    field.setSelectionRange(0, field.value.length);
    expect(captureSelection(document)).toMatchObject({ ok: false, sensitive: 'card-number-in-text' });
  });
});
