/**
 * The panel's end of the token pipeline: one write of streamed text (one render) per frame at most, with no wait
 * when none was made since the last frame. Text that arrives after a write waits, merged, for the next frame, where
 * it is written before that frame is drawn; so a reply at a model's usual pace is shown token by token, and a flood
 * is shown once per frame. Per delta the work is O(1) (the text is joined once per write).
 */
import type { FlushScheduler } from '../core/delta-batcher';

/** A hidden panel gets no animation frames; its (throttled) timers still bring the text in. */
const NO_FRAME_FALLBACK_MS = 100;

export const nextFrame: FlushScheduler = (flush) => {
  let pending = true;
  const run = () => {
    if (!pending) return;
    cancel();
    flush();
  };
  const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : undefined;
  const timer = setTimeout(run, NO_FRAME_FALLBACK_MS);
  const cancel = () => {
    pending = false;
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
  return cancel;
};

/**
 * Runs `work` once the next frame has been drawn: at that frame, the task after it. Returns a function that cancels it.
 * For work that must not hold back what that frame shows.
 */
export function afterNextPaint(work: () => void): () => void {
  let cancelTask: (() => void) | undefined;
  const cancelFrame = nextFrame(() => {
    const timer = setTimeout(work, 0);
    cancelTask = () => clearTimeout(timer);
  }, 0);
  return () => {
    cancelFrame();
    cancelTask?.();
  };
}

export class FrameBatcher {
  private parts: string[] = [];
  /** Set by a write until the next frame begins: text arriving meanwhile waits for that frame. */
  private wroteThisFrame = false;
  private cancelFrame: (() => void) | undefined;

  constructor(
    private readonly write: (text: string) => void,
    private readonly schedule: FlushScheduler = nextFrame,
  ) {}

  push(text: string): void {
    if (text === '') return;
    this.parts.push(text);
    if (!this.wroteThisFrame) this.flush();
  }

  /** Writes what waits now: before anything that must come after the text (done, an error, Stop). */
  flush(): void {
    if (this.parts.length === 0) return;
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    this.wroteThisFrame = true;
    this.cancelFrame ??= this.schedule(() => this.frameBegins(), 0);
    this.write(text);
  }

  /** Drops what waits: a new run starts with a write at once. */
  reset(): void {
    this.cancelFrame?.();
    this.cancelFrame = undefined;
    this.parts = [];
    this.wroteThisFrame = false;
  }

  private frameBegins(): void {
    this.cancelFrame = undefined;
    this.wroteThisFrame = false;
    this.flush();
  }
}
