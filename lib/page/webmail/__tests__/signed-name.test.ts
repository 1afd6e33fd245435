import { describe, expect, it } from 'vitest';
import { withoutSignedName } from '../signed-name';

describe('withoutSignedName', () => {
  it('leaves the closing name to a signature that already gives it', () => {
    expect(withoutSignedName('Thanks!\n\nBest,\nJonas', '--\nJonas Weber\nHead of Operations')).toBe(
      'Thanks!\n\nBest,',
    );
    expect(withoutSignedName('Danke!\n\nViele Grüße, Jonas', 'Jonas Weber | Produktion')).toBe(
      'Danke!\n\nViele Grüße,',
    );
    expect(withoutSignedName('Merci !\n\nÉlodie Martin', 'Élodie Martin\nService clients')).toBe('Merci !');
  });

  it('keeps the draft as it is when the signature does not name the writer, or there is none', () => {
    const draft = 'Thanks!\n\nBest,\nJonas';
    expect(withoutSignedName(draft, 'Sent with Proton Mail secure email.')).toBe(draft);
    expect(withoutSignedName(draft, '')).toBe(draft);
    // A last line that is a sentence, not a name, stays.
    expect(withoutSignedName('See you on Monday.', 'Monday Logistics Ltd')).toBe('See you on Monday.');
  });
});
