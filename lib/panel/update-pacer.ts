/**
 * Spaces the renders of a reply whose updates have become slow. An update parses and sanitises the reply's open
 * block whole, and one block can grow large while it streams (a table of hundreds of rows, a long list): rendering it
 * at every frame would take most of the main thread, which the panel shares with the engine's document. Once updates
 * take longer than a frame's share, each is followed by a pause, so rendering keeps to about a quarter of the thread;
 * updates that stay quick are never held back (one slow update alone, a pause of the machine's, changes nothing), and
 * the complete text is always shown at once.
 */

/** An update slower than this is slow. */
const SLOW_UPDATE_MS = 6;
/** Slow updates in a row before the next one waits: one alone is more likely the machine than the text. */
const SLOW_UPDATES_TO_PACE = 2;
/** Once paced, the next update starts no sooner than this many times the last one's length after it began. */
const SLOW_UPDATE_SPACING = 4;

export class UpdatePacer {
  private notBefore = 0;
  private slowInARow = 0;

  /** Milliseconds before the next update may run: 0 when it may run now. */
  waitMs(now: number): number {
    return Math.max(0, this.notBefore - now);
  }

  /** A new reply: nothing to wait for. */
  reset(): void {
    this.notBefore = 0;
    this.slowInARow = 0;
  }

  /** Notes an update that ran from `started` to `ended` (performance.now() times). */
  record(started: number, ended: number): void {
    const took = ended - started;
    this.slowInARow = took > SLOW_UPDATE_MS ? this.slowInARow + 1 : 0;
    this.notBefore = this.slowInARow >= SLOW_UPDATES_TO_PACE ? started + took * SLOW_UPDATE_SPACING : 0;
  }

  /** The same update, now drawn: its pause grows to count the drawing, if it is paced. */
  drawn(started: number, ended: number): void {
    if (this.notBefore > 0)
      this.notBefore = Math.max(this.notBefore, started + (ended - started) * SLOW_UPDATE_SPACING);
  }
}
