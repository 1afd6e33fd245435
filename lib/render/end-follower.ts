/**
 * Keeps the end of a scrolling page in view while what is on it grows (a reply streaming in), as long as the user is
 * there: scrolled to the end, or asking something new. Scrolling up (wheel, keys, touch, scroll bar) stops it at
 * once, so the user reads in peace; scrolling back to the end starts it again. While the user holds the pointer down
 * (selecting text), the page does not move under it.
 */

/** Closer than this to the end counts as at the end (a line's height: rounding, a last line half drawn). */
const AT_END_PX = 24;
/** Keys that move the page up (when no text field has the focus). */
const KEYS_UP = new Set(['ArrowUp', 'PageUp', 'Home']);

export type ObserveSize = (element: Element, changed: () => void) => () => void;

const observeSize: ObserveSize = (element, changed) => {
  const observer = new ResizeObserver(changed);
  observer.observe(element);
  return () => observer.disconnect();
};

export class EndFollower {
  private following = true;
  private pointerHeld = false;
  /** Where the page was scrolled to at the last scroll event: which way the next one went. */
  private lastTop = 0;
  private readonly stops: Array<() => void> = [];

  /**
   * `scroller` scrolls (the page's scrolling element); `content` is what grows inside it. `changed` hears when the end
   * starts or stops being followed (a "jump to the end" button shows meanwhile).
   */
  constructor(
    private readonly scroller: HTMLElement,
    content: Element,
    private readonly changed: (following: boolean) => void = () => undefined,
    observe: ObserveSize = observeSize,
  ) {
    const view = scroller.ownerDocument.defaultView!;
    this.listen(view, 'scroll', () => this.scrolled());
    this.listen(view, 'wheel', (event) => {
      if ((event as WheelEvent).deltaY < 0) this.setFollowing(false);
    });
    this.listen(view, 'keydown', (event) => {
      if (KEYS_UP.has((event as KeyboardEvent).key) && !isTextField((event as KeyboardEvent).target)) {
        this.setFollowing(false);
      }
    });
    this.listen(view, 'pointerdown', () => (this.pointerHeld = true));
    this.listen(view, 'pointerup', () => (this.pointerHeld = false));
    this.listen(view, 'pointercancel', () => (this.pointerHeld = false));
    this.stops.push(observe(content, () => this.grew()));
  }

  /** Whether the end is followed now. */
  get isFollowing(): boolean {
    return this.following;
  }

  /** The user asked for something that shows at the end: go there and follow it. */
  follow(): void {
    this.setFollowing(true);
    this.toEnd();
  }

  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  /**
   * Up, away from the end (the scroll bar, a touch): no longer followed. Down, or at the end: followed again when it
   * reaches the end. Going down never stops it: the page may measure taller for a moment than it ends up.
   */
  private scrolled(): void {
    const top = this.scroller.scrollTop;
    const up = top < this.lastTop;
    this.lastTop = top;
    if (up || !this.following) this.setFollowing(this.atEnd());
  }

  private setFollowing(value: boolean): void {
    if (value === this.following) return;
    this.following = value;
    this.changed(value);
  }

  private grew(): void {
    if (this.following && !this.pointerHeld) this.toEnd();
  }

  private toEnd(): void {
    const end = this.scroller.scrollHeight - this.scroller.clientHeight;
    if (end <= this.scroller.scrollTop) return;
    this.scroller.scrollTop = end;
    this.lastTop = this.scroller.scrollTop;
  }

  private atEnd(): boolean {
    return this.scroller.scrollHeight - this.scroller.clientHeight - this.scroller.scrollTop <= AT_END_PX;
  }

  private listen(target: EventTarget, type: string, handler: (event: Event) => void): void {
    target.addEventListener(type, handler, { passive: true });
    this.stops.push(() => target.removeEventListener(type, handler));
  }
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.matches('input, textarea, select, [contenteditable]:not([contenteditable="false"])');
}
