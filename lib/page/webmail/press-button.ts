/** Presses a client's own button the way a mouse does, since some toolbars act on mousedown/mouseup rather than click. */

/**
 * Gmail's toolbar buttons react to mouseup, its links and the other clients' buttons to click: all three are sent.
 * False when there is no button to press, so an adapter's openReply can return what this returns.
 */
export function pressButton(button: Element | null | undefined): boolean {
  if (!button) return false;
  const view = button.ownerDocument.defaultView;
  if (view) {
    for (const type of ['mousedown', 'mouseup', 'click']) {
      button.dispatchEvent(
        new view.MouseEvent(type, { bubbles: true, cancelable: true, composed: true, view, button: 0 }),
      );
    }
  }
  return true;
}

/** Whether a button can be pressed now (not disabled or aria-disabled). */
export function isEnabled(button: Element): boolean {
  return !button.hasAttribute('disabled') && button.getAttribute('aria-disabled') !== 'true';
}
