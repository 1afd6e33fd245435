/** The panel's end of the token pipeline: the first text of a run is shown at once, the rest once per frame. */
import { DeltaBatcher, type FlushScheduler } from '../core/delta-batcher';

/** A hidden panel gets no animation frames; its (throttled) timers still bring the text in. */
const NO_FRAME_FALLBACK_MS = 100;

const nextFrame: FlushScheduler = (flush) => {
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

/** Calls `write` with the text that arrived since the last frame: one signal write (one render) per frame at most. */
export function frameBatcher(write: (text: string) => void): DeltaBatcher {
  return new DeltaBatcher(write, {
    intervalMs: Number.POSITIVE_INFINITY,
    schedule: nextFrame,
    now: () => performance.now(),
  });
}
