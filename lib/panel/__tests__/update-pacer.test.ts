import { describe, expect, it } from 'vitest';
import { UpdatePacer } from '../update-pacer';

describe('UpdatePacer', () => {
  it('never holds back updates that stay quick', () => {
    const pacer = new UpdatePacer();
    for (let at = 0; at < 1000; at += 16) {
      expect(pacer.waitMs(at)).toBe(0);
      pacer.record(at, at + 3);
    }
  });

  it('one slow update alone (a pause of the machine) holds nothing back', () => {
    const pacer = new UpdatePacer();
    pacer.record(0, 3);
    pacer.record(16, 46);
    expect(pacer.waitMs(46)).toBe(0);
    pacer.record(48, 50);
    pacer.record(64, 94);
    expect(pacer.waitMs(94)).toBe(0);
  });

  it('once updates are slow in a row, holds each next one until rendering has had a quarter of the time', () => {
    const pacer = new UpdatePacer();
    pacer.record(60, 80);
    pacer.record(100, 120); // 20 ms, the second in a row
    expect(pacer.waitMs(120)).toBe(60);
    expect(pacer.waitMs(150)).toBe(30);
    expect(pacer.waitMs(180)).toBe(0);
    // A quick update after it lifts the pause; a new reply does too.
    pacer.record(180, 182);
    expect(pacer.waitMs(182)).toBe(0);
    pacer.record(190, 230);
    pacer.record(240, 280);
    expect(pacer.waitMs(280)).toBe(120);
    // Drawn 30 ms after it ended: the pause counts the drawing too.
    pacer.drawn(240, 310);
    expect(pacer.waitMs(310)).toBe(210);
    pacer.reset();
    expect(pacer.waitMs(310)).toBe(0);
  });
});
