import { describe, expect, it } from 'vitest';
import { textChanges, wordTokens } from '../text-changes';

describe('textChanges', () => {
  it('is empty exactly when the texts are equal', () => {
    expect(textChanges('Fine as it is.', 'Fine as it is.')).toEqual([]);
    expect(textChanges('', '')).toEqual([]);
    expect(textChanges('Fine as it is.', 'Fine as it is. ')).not.toEqual([]);
  });

  it('lists each changed word on its own, in text order', () => {
    expect(textChanges('pls fix this asap', 'Please fix this ASAP')).toEqual([
      { from: 'pls', to: 'Please' },
      { from: 'asap', to: 'ASAP' },
    ]);
    expect(textChanges('teh quik brown fox', 'the quick brown fox')).toEqual([
      { from: 'teh', to: 'the' },
      { from: 'quik', to: 'quick' },
    ]);
  });

  it('keeps a change of word count together', () => {
    expect(textChanges('It costs alot more.', 'It costs a lot more.')).toEqual([{ from: 'alot', to: 'a lot' }]);
    expect(textChanges('I could of gone', 'I could have gone')).toEqual([{ from: 'of', to: 'have' }]);
  });

  it('shows a punctuation change with the word it belongs to', () => {
    expect(textChanges('Hello Maya how are you', 'Hello, Maya, how are you?')).toEqual([
      { from: 'Hello', to: 'Hello,' },
      { from: 'Maya', to: 'Maya,' },
      { from: 'you', to: 'you?' },
    ]);
    expect(textChanges('Thanks.', 'Thanks!')).toEqual([{ from: 'Thanks.', to: 'Thanks!' }]);
    expect(textChanges('its fine', "it's fine")).toEqual([{ from: 'its', to: "it's" }]);
  });

  it('shows a deleted or inserted word with a neighbour', () => {
    expect(textChanges('See the the report.', 'See the report.')).toEqual([{ from: 'the the', to: 'the' }]);
    expect(textChanges('Send it today', 'Send it to me today')).toEqual([{ from: 'it', to: 'it to me' }]);
  });

  it('shows a change of spacing or line breaks between the words around it', () => {
    expect(textChanges('Thanks  for waiting.', 'Thanks for waiting.')).toEqual([
      { from: 'Thanks  for', to: 'Thanks for' },
    ]);
    expect(textChanges('See you soon.\nAna', 'See you soon. Ana')).toEqual([{ from: 'soon.\nAna', to: 'soon. Ana' }]);
    expect(textChanges('Hi Ana,\nthanks', 'Hi Ana,\n\nthanks')).toEqual([
      { from: 'Ana,\nthanks', to: 'Ana,\n\nthanks' },
    ]);
  });

  it('finds changes across line breaks without touching the lines around them', () => {
    const before = 'Dear team,\n\nthe release moved to friday.\nPlease tell you clients.\n\nBest,\nAna';
    const after = 'Dear team,\n\nthe release moved to Friday.\nPlease tell your clients.\n\nBest,\nAna';
    expect(textChanges(before, after)).toEqual([
      { from: 'friday', to: 'Friday' },
      { from: 'you', to: 'your' },
    ]);
  });

  it('splits Chinese and Japanese text into words, though they have no spaces', () => {
    expect(textChanges('我今天很高兴去公园。', '我今天很高兴地去公园。')).toEqual([{ from: '高兴', to: '高兴地' }]);
    expect(textChanges('私わ学生です。', '私は学生です。')).toEqual([{ from: 'わ', to: 'は' }]);
    expect(textChanges('これはペンです.', 'これはペンです。')).toEqual([{ from: 'です.', to: 'です。' }]);
  });

  it('handles a text that became empty or was empty', () => {
    expect(textChanges('Some words', '')).toEqual([{ from: 'Some words', to: '' }]);
    expect(textChanges('', 'New words')).toEqual([{ from: '', to: 'New words' }]);
  });

  it('still lists word by word in a long text with many corrections', () => {
    const words = Array.from({ length: 3000 }, (_, index) => `word${index}`);
    const corrected = words.map((word, index) => (index % 16 === 0 ? word.toUpperCase() : word));
    const changes = textChanges(words.join(' '), corrected.join(' '));
    expect(changes).toHaveLength(188);
    expect(changes[1]).toEqual({ from: 'word16', to: 'WORD16' });
  });

  it('lists a rewrite too different for a word list line by line', () => {
    const line = (word: string) => Array.from({ length: 300 }, (_, index) => `${word}${index}`).join(' ');
    const before = [line('alpha'), line('beta'), line('gamma')].join('\n');
    const after = [line('delta'), line('beta'), line('epsilon')].join('\n');
    expect(textChanges(before, after)).toEqual([
      { from: line('alpha'), to: line('delta') },
      { from: line('gamma'), to: line('epsilon') },
    ]);
  });

  it('covers every difference: the texts agree outside the listed changes', () => {
    const before = 'Teh meeting is on monday , at 10am.\nPlease  bring you laptop.';
    const after = 'The meeting is on Monday, at 10 am.\nPlease bring your laptop!';
    const changes = textChanges(before, after);
    let rest = before;
    let rebuilt = '';
    for (const { from, to } of changes) {
      const at = rest.indexOf(from);
      expect(at).toBeGreaterThanOrEqual(0);
      rebuilt += rest.slice(0, at) + to;
      rest = rest.slice(at + from.length);
    }
    expect(rebuilt + rest).toBe(after);
  });
});

describe('wordTokens', () => {
  it('splits words, punctuation and CJK words, skipping whitespace', () => {
    expect(wordTokens('Hi, it’s 3.5% — 我们今天去公园!').map((token) => token.text)).toEqual([
      'Hi',
      ',',
      'it’s',
      '3.5',
      '%',
      '—',
      '我们',
      '今天',
      '去',
      '公园',
      '!',
    ]);
  });

  it('keeps offsets into the text, also for a long run without spaces', () => {
    const text = `a ${'我们去公园。'.repeat(100)} b`;
    const tokens = wordTokens(text);
    expect(tokens.every((token) => text.slice(token.start, token.end) === token.text)).toBe(true);
    expect(tokens.map((token) => token.text).join('')).toBe(text.replace(/\s/g, ''));
    expect(tokens.filter((token) => token.text === '公园')).toHaveLength(100);
  });
});
