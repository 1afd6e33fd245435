/** Presses a client's own button the way a mouse does, since some toolbars act on mousedown/mouseup rather than click. */

/** Gmail's toolbar buttons react to mouseup, its links and the other clients' buttons to click: all three are sent. */
export function pressButton(button: Element): void {
  const view = button.ownerDocument.defaultView;
  if (!view) return;
  for (const type of ['mousedown', 'mouseup', 'click']) {
    button.dispatchEvent(new view.MouseEvent(type, { bubbles: true, cancelable: true, composed: true, view, button: 0 }));
  }
}

/** Whether a button can be pressed now (not disabled or aria-disabled). */
export function isEnabled(button: Element): boolean {
  return !button.hasAttribute('disabled') && button.getAttribute('aria-disabled') !== 'true';
}
