import { describe, expect, it } from 'vitest';
import { parseChangeLine, readProofreadOutput, splitProofreadOutput } from '../proofread';

const ORIGINAL = 'I have a meeting tommorow.\nIts there problem, not our.';
const CORRECTED = "I have a meeting tomorrow.\nIt's their problem, not ours.";

describe('readProofreadOutput', () => {
  it('lists what changed, with the reasons the model gave (also when it quoted more words)', () => {
    const raw = [
      CORRECTED,
      '---CHANGES---',
      '- "a meeting tommorow" → "a meeting tomorrow": spelling',
      '- "Its" → "It\'s": contraction',
      '- "there problem" → "their problem": wrong word',
      '- "our" → "ours": pronoun',
    ].join('\n');
    expect(readProofreadOutput(raw, ORIGINAL)).toEqual({
      corrected: CORRECTED,
      changes: [
        { from: 'tommorow', to: 'tomorrow', reason: 'spelling' },
        { from: 'Its', to: "It's", reason: 'contraction' },
        { from: 'there', to: 'their', reason: 'wrong word' },
        { from: 'our', to: 'ours', reason: 'pronoun' },
      ],
    });
  });

  it('lists the changes when the model wrote no list at all', () => {
    expect(readProofreadOutput(CORRECTED, ORIGINAL).changes).toEqual([
      { from: 'tommorow', to: 'tomorrow' },
      { from: 'Its', to: "It's" },
      { from: 'there', to: 'their' },
      { from: 'our', to: 'ours' },
    ]);
  });

  it('lists the changes the model made although it wrote "none"', () => {
    const raw = `${CORRECTED}\n---CHANGES---\nnone`;
    expect(readProofreadOutput(raw, ORIGINAL).changes).toHaveLength(4);
  });

  it('lists nothing when the text is unchanged, whatever the model claims', () => {
    const original = 'The report is ready.';
    const raw = 'The report is ready.\n---CHANGES---\n- "raedy" → "ready": spelling\n- "The" → "The": capitalisation';
    expect(readProofreadOutput(raw, original)).toEqual({ corrected: original, changes: [] });
  });

  it('keeps only reasons that match a real change: partial, invented and reversed claims', () => {
    const raw = [
      CORRECTED,
      '---CHANGES---',
      '- "recieve" → "receive": spelling',
      '- "their" → "there": wrong word',
      '- "our" → "ours": pronoun',
    ].join('\n');
    expect(readProofreadOutput(raw, ORIGINAL).changes).toEqual([
      { from: 'tommorow', to: 'tomorrow' },
      { from: 'Its', to: "It's" },
      { from: 'there', to: 'their' },
      { from: 'our', to: 'ours', reason: 'pronoun' },
    ]);
  });

  it('matches a claim that covers two changes, and quotes or apostrophes written differently', () => {
    const raw = [
      'The quick fox, isn’t it?',
      '--- Changes ---',
      '* “teh quik” -> “the quick” – typos',
      "1. 'isnt' => 'isn't': apostrophe",
    ].join('\n');
    expect(readProofreadOutput(raw, 'Teh quik fox, isnt it?').changes).toEqual([
      { from: 'Teh', to: 'The' },
      { from: 'quik', to: 'quick', reason: 'typos' },
      { from: 'isnt', to: 'isn’t', reason: 'apostrophe' },
    ]);
  });

  it('takes a list the model appended without the marker out of the text', () => {
    const raw = `Here is the corrected text:\n\n${CORRECTED}\n\nChanges:\n- "tommorow" → "tomorrow": spelling\n- "our" → "ours": pronoun`;
    expect(readProofreadOutput(raw, ORIGINAL)).toEqual({
      corrected: CORRECTED,
      changes: [
        { from: 'tommorow', to: 'tomorrow', reason: 'spelling' },
        { from: 'Its', to: "It's" },
        { from: 'there', to: 'their' },
        { from: 'our', to: 'ours', reason: 'pronoun' },
      ],
    });
  });

  it('drops a closing "no changes" line the model added, and says nothing changed', () => {
    const original = 'Everything here is correct.';
    expect(readProofreadOutput(`${original}\n\nNo changes needed.`, original)).toEqual({
      corrected: original,
      changes: [],
    });
    expect(readProofreadOutput(`${original}\n**Changes:** none`, original).changes).toEqual([]);
  });

  it('keeps lines of the original that look like a list of changes', () => {
    const original = 'Release notes\nChanges:\n- "beta" → "stable": promoted';
    const corrected = 'Release notes\nChanges:\n- "beta" → "stable": promoted.';
    expect(readProofreadOutput(corrected, original)).toEqual({
      corrected,
      changes: [{ from: 'promoted', to: 'promoted.' }],
    });
  });

  it('shows a change across a line break, and keeps the original line endings', () => {
    const original = 'Kind regards\r\nAna';
    const raw = 'Kind regards,\nAna\n---CHANGES---\n- "regards" → "regards,": comma after the closing';
    expect(readProofreadOutput(raw, original)).toEqual({
      corrected: 'Kind regards,\r\nAna',
      changes: [{ from: 'regards', to: 'regards,', reason: 'comma after the closing' }],
    });
  });

  it('proofreads Japanese without spaces, with the reason for the particle', () => {
    const raw = '私は学生です。\n---CHANGES---\n- "私わ" → "私は": particle';
    expect(readProofreadOutput(raw, '私わ学生です。').changes).toEqual([{ from: 'わ', to: 'は', reason: 'particle' }]);
  });
});

describe('splitProofreadOutput', () => {
  it('splits at the last marker line and handles CRLF', () => {
    const raw = 'Text mentions ---CHANGES--- inline.\r\n---CHANGES---\r\n- "a" → "b": x';
    expect(splitProofreadOutput(raw, 'Text mentions ---CHANGES--- inline.')).toEqual({
      text: 'Text mentions ---CHANGES--- inline.',
      claimed: [{ from: 'a', to: 'b', reason: 'x' }],
    });
  });

  it('reads claims in sloppy formats and skips malformed or no-op lines', () => {
    const raw = [
      'Its fine.',
      '**--- Changes ---**',
      '* “teh” -> “the” – typo',
      "1. 'its' => 'it's': apostrophe",
      '- "recieve" → "receive"',
      'Here are the corrections I made:',
      '- "broken → "line',
      '- "same" → "same": no-op',
      '- alot → a lot: two words',
    ].join('\n');
    expect(splitProofreadOutput(raw, 'Its fine.').claimed).toEqual([
      { from: 'teh', to: 'the', reason: 'typo' },
      { from: 'its', to: "it's", reason: 'apostrophe' },
      { from: 'recieve', to: 'receive', reason: '' },
      { from: 'alot', to: 'a lot', reason: 'two words' },
    ]);
  });
});

describe('parseChangeLine', () => {
  it('returns null for prose and empty lines', () => {
    expect(parseChangeLine('')).toBeNull();
    expect(parseChangeLine('No changes were needed.')).toBeNull();
    expect(parseChangeLine('none')).toBeNull();
  });

  it('allows an empty replacement for a deleted word', () => {
    expect(parseChangeLine('- "the the" → "the": duplicate')).toEqual({
      from: 'the the',
      to: 'the',
      reason: 'duplicate',
    });
    expect(parseChangeLine('- "very " → "": filler')).toEqual({ from: 'very ', to: '', reason: 'filler' });
  });
});
