// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { EndFollower } from '../end-follower';

/** A scrolling element with the sizes a browser would lay out, and what grows in it. */
function setUp(viewport = 600) {
  let height = 500;
  let top = 0;
  const scroller = document.createElement('div');
  Object.defineProperties(scroller, {
    scrollHeight: { get: () => Math.max(height, viewport) },
    clientHeight: { get: () => viewport },
    scrollTop: {
      get: () => top,
      set: (value: number) => (top = Math.max(0, Math.min(value, Math.max(height, viewport) - viewport))),
    },
  });
  const content = document.body.appendChild(document.createElement('main'));
  let grown: (() => void) | undefined;
  const changes: boolean[] = [];
  const follower = new EndFollower(
    scroller,
    content,
    (following) => changes.push(following),
    (_, changed) => {
      grown = changed;
      return () => (grown = undefined);
    },
  );
  disposals.push(() => {
    follower.dispose();
    content.remove();
  });
  return {
    follower,
    content,
    changes,
    get top() {
      return top;
    },
    /** The content grows by `by` pixels (a reply's next lines). */
    grow(by: number) {
      height += by;
      grown?.();
    },
    /** The user (or the browser) scrolls to `to`. */
    scrollTo(to: number) {
      scroller.scrollTop = to;
      window.dispatchEvent(new Event('scroll'));
    },
    end: () => Math.max(height, viewport) - viewport,
  };
}

const disposals: Array<() => void> = [];
afterEach(() => disposals.splice(0).forEach((dispose) => dispose()));

describe('EndFollower', () => {
  it('keeps the end in view as the content grows past the window, while the user is at the end', () => {
    const page = setUp();
    page.grow(300);
    expect(page.top).toBe(200);
    page.scrollTo(200);
    page.grow(100);
    expect(page.top).toBe(300);
    expect(page.follower.isFollowing).toBe(true);
  });

  it('stops at once when the user wheels up, and starts again once they are back at the end', () => {
    const page = setUp();
    page.grow(500);
    page.scrollTo(page.top);
    window.dispatchEvent(new WheelEvent('wheel', { deltaY: -100 }));
    page.grow(200);
    expect(page.top).toBe(400);
    page.scrollTo(page.end());
    page.grow(50);
    expect(page.top).toBe(page.end());
  });

  it('stops when the page is scrolled up some other way (the scroll bar), but not when it only went down', () => {
    const page = setUp();
    page.grow(1000);
    page.scrollTo(page.top);
    // Measured taller for a moment while the page scrolled down: still followed.
    page.scrollTo(page.top + 10);
    page.grow(100);
    expect(page.top).toBe(page.end());
    page.scrollTo(page.top - 300);
    const held = page.top;
    page.grow(100);
    expect(page.top).toBe(held);
    expect(page.follower.isFollowing).toBe(false);
  });

  it('does not move the page while the pointer is held down (a selection being made), and follows after', () => {
    const page = setUp();
    page.grow(300);
    page.scrollTo(page.top);
    window.dispatchEvent(new Event('pointerdown'));
    page.grow(100);
    expect(page.top).toBe(200);
    window.dispatchEvent(new Event('pointerup'));
    page.grow(100);
    expect(page.top).toBe(page.end());
  });

  it('stops for keys that move the page up, but not for the same keys in a text field', () => {
    const page = setUp();
    const box = page.content.appendChild(document.createElement('textarea'));
    page.grow(300);
    page.scrollTo(page.top);
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
    page.grow(100);
    expect(page.top).toBe(page.end());
    page.content.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageUp', bubbles: true }));
    page.grow(100);
    expect(page.top).toBe(300);
  });

  it('goes to the end and follows again when the user asks for something new', () => {
    const page = setUp();
    page.grow(1000);
    page.scrollTo(0);
    page.grow(100);
    expect(page.top).toBe(0);
    page.follower.follow();
    expect(page.top).toBe(page.end());
    page.grow(100);
    expect(page.top).toBe(page.end());
    // What a "jump to the end" button hears: followed no longer, then again.
    expect(page.changes).toEqual([false, true]);
  });

  it('stops listening once disposed', () => {
    const page = setUp();
    page.follower.dispose();
    page.grow(300);
    expect(page.top).toBe(0);
  });
});
