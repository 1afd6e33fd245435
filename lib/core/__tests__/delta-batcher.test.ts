import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeltaBatcher, HOP_BURST_INTERVAL_MS, hopBatcher, relayBatcher, type FlushScheduler } from '../delta-batcher';

/** A clock the test moves by hand; scheduled flushes run when their time comes. */
class FakeClock {
  time = 0;
  private pending: Array<{ at: number; run: () => void; cancelled: boolean }> = [];

  readonly now = () => this.time;

  readonly schedule: FlushScheduler = (run, delayMs) => {
    const entry = { at: this.time + delayMs, run, cancelled: false };
    this.pending.push(entry);
    return () => {
      entry.cancelled = true;
    };
  };

  get scheduled(): number {
    return this.pending.filter((entry) => !entry.cancelled).length;
  }

  advance(ms: number): void {
    this.time += ms;
    const due = this.pending.filter((entry) => !entry.cancelled && entry.at <= this.time);
    this.pending = this.pending.filter((entry) => !due.includes(entry));
    due.forEach((entry) => entry.run());
  }
}

function setup(intervalMs = 8, burstIntervalMs?: number) {
  const clock = new FakeClock();
  const sent: Array<{ at: number; text: string }> = [];
  const batcher = new DeltaBatcher((text) => sent.push({ at: clock.time, text }), {
    intervalMs,
    burstIntervalMs,
    schedule: clock.schedule,
    now: clock.now,
  });
  return { clock, sent, batcher };
}

describe('DeltaBatcher', () => {
  it('sends the first delta at once', () => {
    const { sent, batcher } = setup();
    batcher.push('Hello');
    expect(sent).toEqual([{ at: 0, text: 'Hello' }]);
  });

  it('merges what arrives within the interval into one send at its end', () => {
    const { clock, sent, batcher } = setup();
    batcher.push('a');
    clock.advance(2);
    batcher.push('b');
    clock.advance(3);
    batcher.push('c');
    expect(sent.map((send) => send.text)).toEqual(['a']);
    clock.advance(3);
    expect(sent).toEqual([
      { at: 0, text: 'a' },
      { at: 8, text: 'bc' },
    ]);
  });

  it('adds no delay to deltas that are further apart than the interval', () => {
    const { clock, sent, batcher } = setup();
    for (let token = 0; token < 5; token++) {
      batcher.push(`t${token} `);
      clock.advance(10);
    }
    expect(sent.map((send) => send.at)).toEqual([0, 10, 20, 30, 40]);
  });

  it('turns a flood into one send per interval and loses nothing', () => {
    const { clock, sent, batcher } = setup();
    const tokens = Array.from({ length: 1000 }, (_, index) => `w${index} `);
    tokens.forEach((token, index) => {
      batcher.push(token);
      if (index % 10 === 9) clock.advance(1);
    });
    clock.advance(8);
    expect(sent.length).toBeLessThanOrEqual(100 / 8 + 2);
    expect(sent.map((send) => send.text).join('')).toBe(tokens.join(''));
    sent.slice(1).forEach((send, index) => expect(send.at - sent[index]!.at).toBeGreaterThanOrEqual(8));
  });

  it('waits the burst interval after a send that merged several deltas, and the short one again once they slow down', () => {
    const { clock, sent, batcher } = setup(4, 16);
    // A burst: one token each ms.
    for (let ms = 0; ms < 40; ms++) {
      batcher.push(`b${ms} `);
      clock.advance(1);
    }
    // The first goes at once, the next ones merge for 4 ms, after that for 16 ms each.
    expect(sent.map((send) => send.at)).toEqual([0, 4, 20, 36]);
    clock.advance(16);
    expect(sent.map((send) => send.text).join('')).toBe(Array.from({ length: 40 }, (_, ms) => `b${ms} `).join(''));
    // At a model's usual pace (10 ms apart) every token goes alone and at once again: the burst is over.
    const paced = sent.length;
    clock.advance(20);
    for (let token = 0; token < 5; token++) {
      clock.advance(10);
      batcher.push(`p${token} `);
    }
    expect(sent.slice(paced)).toEqual([86, 96, 106, 116, 126].map((at, token) => ({ at, text: `p${token} ` })));
    expect(clock.scheduled).toBe(0);
  });

  it('sends at the next delta once the interval is over, even when the scheduled flush has not run yet', () => {
    const { clock, sent, batcher } = setup();
    batcher.push('a');
    batcher.push('b');
    clock.time = 9;
    batcher.push('c');
    expect(sent).toEqual([
      { at: 0, text: 'a' },
      { at: 9, text: 'bc' },
    ]);
    expect(clock.scheduled).toBe(0);
  });

  it('flush sends what waits at once and cancels the scheduled send', () => {
    const { clock, sent, batcher } = setup();
    batcher.push('a');
    batcher.push('b');
    expect(clock.scheduled).toBe(1);
    batcher.flush();
    expect(sent.map((send) => send.text)).toEqual(['a', 'b']);
    expect(clock.scheduled).toBe(0);
    batcher.flush();
    expect(sent).toHaveLength(2);
  });

  it('reset drops what waits and lets the next delta go at once', () => {
    const { clock, sent, batcher } = setup();
    batcher.push('old');
    batcher.push(' stale');
    batcher.reset();
    clock.advance(20);
    expect(sent.map((send) => send.text)).toEqual(['old']);
    batcher.push('new');
    expect(sent.map((send) => send.text)).toEqual(['old', 'new']);
  });

  it('with an infinite interval, sends only the first delta at once and the rest at the next frame', () => {
    const frames: Array<() => void> = [];
    const sent: string[] = [];
    const batcher = new DeltaBatcher((text) => sent.push(text), {
      intervalMs: Number.POSITIVE_INFINITY,
      schedule: (flush) => {
        frames.push(flush);
        return () => undefined;
      },
      now: () => 1000,
    });
    batcher.push('first');
    batcher.push('second');
    batcher.push(' third');
    expect(sent).toEqual(['first']);
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(sent).toEqual(['first', 'second third']);
    batcher.push('fourth');
    expect(sent).toHaveLength(2);
    frames.shift()!();
    expect(sent).toEqual(['first', 'second third', 'fourth']);
  });

  it('ignores empty deltas', () => {
    const { clock, sent, batcher } = setup();
    batcher.push('');
    expect(sent).toEqual([]);
    expect(clock.scheduled).toBe(0);
  });
});

describe('a hop that relays batches', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Batches of which three at a time arrive together every `everyMs` (the receiving thread was busy). */
  function relayTriples(batcher: DeltaBatcher, triples: number, everyMs = 16): void {
    for (let triple = 0; triple < triples; triple++) {
      for (const part of ['a', 'b', 'c']) batcher.push(`${part}${triple} `);
      vi.advanceTimersByTime(everyMs);
    }
  }

  it('passes batches on at once or within 4 ms, where a hop of its own would hold each group back', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const relayed: number[] = [];
    const relay = relayBatcher(() => relayed.push(performance.now()));
    relayTriples(relay, 4);
    // Each group: the first at once, the others merged for 4 ms at most.
    expect(relayed).toEqual([0, 4, 16, 20, 32, 36, 48, 52]);

    // Groups 4 ms apart: the relay passes each on within 4 ms ...
    const relayedFast: number[] = [];
    const relayFast = relayBatcher(() => relayedFast.push(performance.now()));
    let start = performance.now();
    relayTriples(relayFast, 4, 4);
    vi.advanceTimersByTime(HOP_BURST_INTERVAL_MS);
    expect(relayedFast.map((at) => at - start)).toEqual([0, 4, 8, 12, 16]);

    // ... where a hop of its own, after a merged send, waits its burst interval: later groups wait for it, merged.
    const hopped: number[] = [];
    const hop = hopBatcher(() => hopped.push(performance.now()));
    start = performance.now();
    relayTriples(hop, 4, 4);
    vi.advanceTimersByTime(HOP_BURST_INTERVAL_MS);
    expect(hopped.map((at) => at - start)).toEqual([0, 4, 4 + HOP_BURST_INTERVAL_MS, 4 + 2 * HOP_BURST_INTERVAL_MS]);
  });
});
