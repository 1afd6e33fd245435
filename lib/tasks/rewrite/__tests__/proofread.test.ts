import { describe, expect, it } from 'vitest';
import { parseChangeLine, parseProofreadOutput } from '../proofread';

describe('parseProofreadOutput', () => {
  it('parses well-formed output', () => {
    const raw = [
      'I have a meeting tomorrow.',
      'It is their problem.',
      '---CHANGES---',
      '- "a meeting tommorow" → "a meeting tomorrow": spelling',
      '- "there problem" → "their problem": wrong word',
    ].join('\n');
    expect(parseProofreadOutput(raw)).toEqual({
      corrected: 'I have a meeting tomorrow.\nIt is their problem.',
      changes: [
        { from: 'a meeting tommorow', to: 'a meeting tomorrow', reason: 'spelling' },
        { from: 'there problem', to: 'their problem', reason: 'wrong word' },
      ],
    });
  });

  it('treats a missing changes section as no changes', () => {
    expect(parseProofreadOutput('All good here.\nSecond line.')).toEqual({
      corrected: 'All good here.\nSecond line.',
      changes: [],
    });
  });

  it('reads "none" as no changes', () => {
    expect(parseProofreadOutput('Fine text.\n---CHANGES---\nnone')).toEqual({ corrected: 'Fine text.', changes: [] });
  });

  it('tolerates a sloppy marker, other arrows, quotes and bullets, and skips malformed lines', () => {
    const raw = [
      'Its fine.',
      '',
      '**--- Changes ---**',
      '* “teh” -> “the” – typo',
      "1. 'its' => 'it's': apostrophe",
      '- "recieve" → "receive"',
      'Here are the corrections I made:',
      '- "broken → "line',
      '- "same" → "same": no-op',
      '- alot → a lot: two words',
      '- "teh" → "the": typo of "the"',
    ].join('\n');
    const result = parseProofreadOutput(raw);
    expect(result.corrected).toBe('Its fine.');
    expect(result.changes).toEqual([
      { from: 'teh', to: 'the', reason: 'typo' },
      { from: 'its', to: "it's", reason: 'apostrophe' },
      { from: 'recieve', to: 'receive', reason: '' },
      { from: 'alot', to: 'a lot', reason: 'two words' },
      { from: 'teh', to: 'the', reason: 'typo of "the"' },
    ]);
  });

  it('cleans the corrected text against the original when given', () => {
    const raw = 'Here is the corrected text:\n"I received it."\n---CHANGES---\n- "recieved" → "received": spelling';
    expect(parseProofreadOutput(raw, 'I recieved it.')).toEqual({
      corrected: 'I received it.',
      changes: [{ from: 'recieved', to: 'received', reason: 'spelling' }],
    });
  });

  it('splits at the last marker and handles CRLF', () => {
    const raw = 'Text mentions ---CHANGES--- inline.\r\n---CHANGES---\r\n- "a" → "b": x';
    expect(parseProofreadOutput(raw)).toEqual({
      corrected: 'Text mentions ---CHANGES--- inline.',
      changes: [{ from: 'a', to: 'b', reason: 'x' }],
    });
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
