import { describe, expect, it } from 'vitest';
import { TextTail } from '../text-tail';
import { seededRandom } from './markdown-samples';

describe('TextTail', () => {
  it('reads as the whole text would, from any place not let go, after random appends and drops', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 50; round++) {
      const tail = new TextTail();
      let whole = '';
      let base = 0;
      for (let step = 0; step < 200; step++) {
        const piece = Array.from({ length: Math.floor(random() * 300) }, () =>
          random() < 0.05 ? '\n' : String.fromCharCode(97 + Math.floor(random() * 26)),
        ).join('');
        tail.append(piece);
        whole += piece;
        expect(tail.length).toBe(whole.length);
        if (random() < 0.2) {
          base = Math.floor(base + random() * (whole.length - base));
          tail.dropBefore(base);
        }
        expect(tail.base).toBeLessThanOrEqual(base);
        const from = Math.floor(base + random() * (whole.length - base + 1));
        expect(tail.slice(from)).toBe(whole.slice(from));
        const lastBreak = tail.lastIndexOf('\n');
        expect(lastBreak === -1 ? whole.lastIndexOf('\n') < tail.base : lastBreak).toBe(
          lastBreak === -1 ? true : whole.lastIndexOf('\n'),
        );
      }
    }
  });

  it('reads the end of a long text without reading the rest', () => {
    const tail = new TextTail();
    for (let index = 0; index < 100_000; index++) tail.append(`w${index % 10} `);
    expect(tail.length).toBe(300_000);
    tail.chunksRead = 0;
    expect(tail.slice(tail.length - 100)).toBe('w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 '.repeat(4).slice(-100));
    expect(tail.chunksRead).toBeLessThanOrEqual(2);
  });

  it('refuses to read what was let go', () => {
    const tail = new TextTail();
    tail.append('a'.repeat(5000));
    tail.append('b'.repeat(5000));
    tail.dropBefore(6000);
    expect(tail.slice(6000)).toBe('b'.repeat(4000));
    expect(() => tail.slice(10)).toThrow(RangeError);
  });
});
