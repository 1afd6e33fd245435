/** Waits for a reply box to appear after Reply was pressed: the client renders it a moment later, sometimes in a frame. */

/** How often frames are re-checked: their documents change without the page's observer seeing it. */
const FRAME_POLL_MS = 100;

/** Resolves with the box once `find` returns one, or null after `timeoutMs`. */
export function waitForReplyBox(
  doc: Document,
  find: () => HTMLElement | null,
  timeoutMs: number,
): Promise<HTMLElement | null> {
  const now = find();
  const view = doc.defaultView;
  if (now || !view || timeoutMs <= 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    let settled = false;
    const check = () => {
      const box = find();
      if (box) finish(box);
    };
    const observer = new view.MutationObserver(check);
    const poll = view.setInterval(check, FRAME_POLL_MS);
    const timer = view.setTimeout(() => finish(find()), timeoutMs);
    function finish(box: HTMLElement | null): void {
      if (settled) return;
      settled = true;
      observer.disconnect();
      view!.clearInterval(poll);
      view!.clearTimeout(timer);
      resolve(box);
    }
    // Only changes that can show a box: webmail pages change other attributes constantly.
    observer.observe(doc.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['class', 'style', 'hidden', 'contenteditable', 'aria-hidden', 'srcdoc'],
    });
  });
}
