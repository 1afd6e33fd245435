/**
 * Merges streamed text on its way through one hop (engine host, background relay, panel) so that a flood of tokens
 * becomes a few messages or screen updates, with bounded delay: the first delta goes at once; later ones go at once
 * when the last send is at least `intervalMs` old, and otherwise wait, merged, for one scheduled flush.
 * While deltas come in a burst (the last send merged several), the interval is `burstIntervalMs` instead: a flood then
 * costs each hop one message a frame, and a reply at a model's usual pace still goes token by token.
 * Per delta the work is O(1) (text is joined once per send).
 */

/** Runs `flush` once after about `delayMs` (a timer, or the next animation frame); returns a function that cancels it. */
export type FlushScheduler = (flush: () => void, delayMs: number) => () => void;

export interface DeltaBatcherOptions {
  /** Least time between two sends; `Infinity` sends only the first delta at once and the rest when scheduled. */
  intervalMs: number;
  /** Least time between two sends after a send that merged several deltas; `intervalMs` when not given. */
  burstIntervalMs?: number;
  schedule: FlushScheduler;
  now: () => number;
}

export class DeltaBatcher {
  private parts: string[] = [];
  private lastSentAt: number | undefined;
  /** The interval after the last send: longer while deltas come in a burst. */
  private interval = 0;
  private cancelFlush: (() => void) | undefined;

  constructor(
    private readonly send: (text: string) => void,
    private readonly options: DeltaBatcherOptions,
  ) {}

  push(text: string): void {
    if (text === '') return;
    this.parts.push(text);
    const wait = this.lastSentAt === undefined ? 0 : this.lastSentAt + this.interval - this.options.now();
    // Checked on every delta, not left to the timer alone: a flood of tasks can hold timers back for seconds.
    if (wait <= 0) return this.flush();
    if (this.cancelFlush) return;
    this.cancelFlush = this.options.schedule(() => {
      this.cancelFlush = undefined;
      this.flush();
    }, wait);
  }

  /** Sends what waits now: before anything that must come after the text (done, an error, a phase, Stop). */
  flush(): void {
    this.cancelScheduled();
    if (this.parts.length === 0) return;
    const burst = this.parts.length > 1;
    const text = burst ? this.parts.join('') : this.parts[0]!;
    this.parts = [];
    this.lastSentAt = this.options.now();
    this.interval = burst ? (this.options.burstIntervalMs ?? this.options.intervalMs) : this.options.intervalMs;
    this.send(text);
  }

  /** Drops what waits, and makes the next delta go at once (a new run). */
  reset(): void {
    this.cancelScheduled();
    this.parts = [];
    this.lastSentAt = undefined;
  }

  private cancelScheduled(): void {
    this.cancelFlush?.();
    this.cancelFlush = undefined;
  }
}

/** A timer scheduler, for the hops that have no frames (engine host, service worker). */
export const timerScheduler: FlushScheduler = (flush, delayMs) => {
  const timer = setTimeout(flush, delayMs);
  return () => clearTimeout(timer);
};

/**
 * Between the engine and the panel: a quarter of a frame, so a reply at a model's usual pace (~100 tokens/s) goes
 * token by token, and a few tokens that come together (a model catching up, a busy machine) wait a few ms at most.
 */
export const HOP_INTERVAL_MS = 4;
/**
 * Once tokens come faster than that: half a frame. Every message costs the main thread that the panel and the engine's
 * page share; at ~250 messages a second per hop a flood outran the panel, and text queued for 100+ ms. A whole frame
 * (16 ms) kept text waiting at this hop for up to a frame before the panel's own wait for its next frame: over 12
 * floods of 20,000 tokens each, the p95 from the engine to the screen was 62 ms at the median with 16 ms, 51 with 8.
 */
export const HOP_BURST_INTERVAL_MS = 8;

/**
 * A batcher where the text comes from, token by token (an engine's worker): timer-paced at HOP_INTERVAL_MS, or
 * HOP_BURST_INTERVAL_MS in a burst. The hops after it relay its batches (relayBatcher).
 */
export function hopBatcher(send: (text: string) => void): DeltaBatcher {
  return new DeltaBatcher(send, {
    intervalMs: HOP_INTERVAL_MS,
    burstIntervalMs: HOP_BURST_INTERVAL_MS,
    schedule: timerScheduler,
    now: () => performance.now(),
  });
}

/**
 * A batcher for a hop that relays what a batching hop sent (the engine host after the engine's worker, the background
 * after the engine host): that text already comes at most once a frame, so it goes on at once, and merges only when
 * several messages arrive together (a thread that was busy for a while). A relay that waited for its own frame too
 * would add up to a frame of delay per hop.
 */
export function relayBatcher(send: (text: string) => void): DeltaBatcher {
  return new DeltaBatcher(send, {
    intervalMs: HOP_INTERVAL_MS,
    schedule: timerScheduler,
    now: () => performance.now(),
  });
}
