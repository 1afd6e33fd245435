import { describe, expect, it } from 'vitest';
import type { FlushScheduler } from '../../core/delta-batcher';
import { FrameBatcher } from '../frame-batcher';

/** Frames on demand: `frame()` runs what waits for the next one. */
function frames() {
  let waiting: (() => void) | undefined;
  const schedule: FlushScheduler = (flush) => {
    waiting = flush;
    return () => (waiting = undefined);
  };
  const frame = () => {
    const run = waiting;
    waiting = undefined;
    run?.();
  };
  return { schedule, frame, pending: () => waiting !== undefined };
}

describe('FrameBatcher', () => {
  it('writes at once when nothing was written since the last frame, else once in the next frame', () => {
    const { schedule, frame } = frames();
    const writes: string[] = [];
    const batcher = new FrameBatcher((text) => writes.push(text), schedule);
    batcher.push('a');
    batcher.push('b');
    batcher.push('c');
    expect(writes).toEqual(['a']);
    frame();
    expect(writes).toEqual(['a', 'bc']);
    batcher.push('d');
    expect(writes).toEqual(['a', 'bc']);
    frame();
    frame();
    expect(writes).toEqual(['a', 'bc', 'd']);
    // A frame went by with nothing to write: the next text is written at once again.
    batcher.push('e');
    expect(writes).toEqual(['a', 'bc', 'd', 'e']);
  });

  it('writes a flood once per frame, every delta in order', () => {
    const { schedule, frame } = frames();
    const writes: string[] = [];
    const batcher = new FrameBatcher((text) => writes.push(text), schedule);
    for (let index = 0; index < 1000; index++) {
      batcher.push(`${index} `);
      if (index % 100 === 99) frame();
    }
    batcher.flush();
    expect(writes.length).toBeLessThanOrEqual(11);
    expect(writes.join('')).toBe(Array.from({ length: 1000 }, (_, index) => `${index} `).join(''));
  });

  it('flushes what waits on demand and drops it on reset', () => {
    const { schedule, frame, pending } = frames();
    const writes: string[] = [];
    const batcher = new FrameBatcher((text) => writes.push(text), schedule);
    batcher.push('one');
    batcher.push(' two');
    batcher.flush();
    expect(writes).toEqual(['one', ' two']);
    batcher.push(' three');
    batcher.reset();
    expect(pending()).toBe(false);
    frame();
    batcher.push('new');
    expect(writes).toEqual(['one', ' two', 'new']);
  });
});
