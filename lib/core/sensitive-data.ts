/**
 * What counts as sensitive (secrets and payment data Tacit never reads), decided from a field's names and labels in
 * English, German, French and Spanish, from autocomplete tokens, and from card numbers (Luhn-valid) in text.
 */

/** Why a field or a selection is refused; each has its own sentence in the locale files. */
export type SensitiveKind =
  | 'card-number'
  | 'card-security-code'
  | 'card-expiry'
  | 'card-details'
  | 'one-time-code'
  | 'iban'
  | 'pin'
  | 'tan'
  | 'national-id'
  /** A Luhn-valid 13–19 digit number in selected text. */
  | 'card-number-in-text';

/** What an autocomplete token says: a password (refused as one) or another sensitive kind. */
export type AutocompleteVerdict = 'password' | SensitiveKind;

const AUTOCOMPLETE_KINDS: ReadonlyMap<string, AutocompleteVerdict> = new Map([
  ['current-password', 'password'],
  ['new-password', 'password'],
  ['one-time-code', 'one-time-code'],
  ['cc-number', 'card-number'],
  ['cc-csc', 'card-security-code'],
  ['cc-exp', 'card-expiry'],
  ['cc-exp-month', 'card-expiry'],
  ['cc-exp-year', 'card-expiry'],
  ['cc-name', 'card-details'],
  ['cc-given-name', 'card-details'],
  ['cc-additional-name', 'card-details'],
  ['cc-family-name', 'card-details'],
  ['cc-type', 'card-details'],
]);

/** The verdict of the first sensitive token in an autocomplete attribute (any `cc-*` token is payment data). */
export function autocompleteVerdict(autocomplete: string): AutocompleteVerdict | null {
  for (const token of autocomplete.toLowerCase().split(/\s+/)) {
    const verdict = AUTOCOMPLETE_KINDS.get(token);
    if (verdict) return verdict;
    if (token.startsWith('cc-')) return 'card-details';
  }
  return null;
}

/**
 * Patterns over normalised hints (lower case, no accents, camelCase and punctuation split into words), checked in
 * order: the more specific kinds come first ("card security code" is a CVC, not a card number).
 */
const HINT_PATTERNS: ReadonlyArray<readonly [AutocompleteVerdict, RegExp]> = [
  [
    'card-security-code',
    /\b(cvc2?|cvv2?|csc|cvn|card (verification|security) (code|value|number)|security code of (the|your) card|kartenprufnummer|prufnummer|kartensicherheitscode|cryptogramme( visuel)?|code (de securite|de verification) (de la )?carte|codigo de seguridad( de la tarjeta)?)\b/,
  ],
  [
    'card-expiry',
    /\b(expiry( date)?|expiration( date| month| year)?|expires( on)?|exp (date|month|year|mm|yy)|valid (thru|through|until)|ablaufdatum|gultig bis|verfallsdatum|date d expiration|date de validite|fecha de (caducidad|vencimiento|expiracion)|caducidad|vencimiento|mm (yy|yyyy|aa|aaaa|jj))\b/,
  ],
  [
    'card-number',
    /\b(card ?(number|num|no|nr)|cc ?(num|number|no)|ccnum|(credit|debit|payment) card|kartennummer|kreditkarte(nnummer)?|karten ?nr|numero de (la )?carte|carte (bancaire|de credit)|numero de (la )?tarjeta|num tarjeta|tarjeta de (credito|debito))\b/,
  ],
  [
    'card-details',
    /\b(cardholder|card holder|name on (the )?card|karteninhaber|titulaire de la carte|titular de la tarjeta)\b/,
  ],
  [
    'one-time-code',
    /\b(otp|totp|one ?time (code|password|passcode|pin)|2fa|mfa|two ?factor|2 ?step|verification code|authenticator|auth code|sms code|einmal(code|passwort|kennwort)|bestatigungscode|verifizierungscode|sicherheitscode|code de (verification|confirmation|securite)|code a usage unique|mot de passe a usage unique|codigo de (verificacion|confirmacion|seguridad)|codigo de un solo uso)\b/,
  ],
  ['iban', /\b(iban|kontonummer|bank account number)\b/],
  ['tan', /\b(m?tan|tan (nummer|code)|transaktionsnummer|push ?tan|sms ?tan)\b/],
  ['pin', /\b(pin|pin (code|nummer|number)|geheimzahl|code pin|code secret|numero secreto|clave pin)\b/],
  [
    'national-id',
    /\b(ssn|social security( number)?|sozialversicherungsnummer|steuer ?id|steueridentifikationsnummer|numero de securite sociale|securite sociale|numero de seguridad social|seguridad social)\b/,
  ],
  ['password', /\b(password|passwort|kennwort|mot de passe|contrasena|passcode)\b/],
];

/** Words near a short numeric field that make it a code (its digits are then the secret). */
const CODE_WORDS =
  /\b(code|codes|pin|tan|otp|digits?|ziffern|chiffres|digitos|verification|verifizierung|bestatigung|confirmation|verificacion)\b/;

/** Lower case, accents removed, camelCase and every non-letter-or-digit turned into single spaces. */
export function normaliseHint(hint: string): string {
  return hint
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The kind the first matching hint names (names, ids, labels, placeholders), or null. */
export function hintVerdict(hints: readonly string[]): AutocompleteVerdict | null {
  const normalised = hints.map(normaliseHint).filter(Boolean);
  for (const [kind, pattern] of HINT_PATTERNS) {
    if (normalised.some((hint) => pattern.test(hint))) return kind;
  }
  return null;
}

/** Whether text around a short numeric field speaks of a code, PIN or digits. */
export function speaksOfCode(text: string): boolean {
  return CODE_WORDS.test(normaliseHint(text));
}

/** Runs of 13–19 digits, optionally grouped by single spaces or dashes, not part of a longer number. */
const DIGIT_RUN = /(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])/g;

export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index -= 1) {
    let digit = digits.charCodeAt(index) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Whether the text holds a payment card number: 13–19 digits that pass the Luhn check and are not all one digit. */
export function containsCardNumber(text: string): boolean {
  for (const match of text.matchAll(DIGIT_RUN)) {
    const digits = match[0].replace(/[ -]/g, '');
    if (digits.length < 13 || digits.length > 19 || /^(\d)\1*$/.test(digits)) continue;
    if (isLuhnValid(digits)) return true;
  }
  return false;
}
