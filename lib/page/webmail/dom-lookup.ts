/** Finds webmail elements by ordered fallback selectors, skipping hidden ones, and reads their short labels. */
import { collapseWhitespace } from '../extract/whitespace';

type Root = Document | Element;

/** Whether the element is rendered (not display:none itself or through an ancestor), including the frame it sits in. */
export function isShown(element: Element): boolean {
  const visible =
    typeof element.checkVisibility === 'function' ? element.checkVisibility({ visibilityProperty: true }) : true;
  if (!visible) return false;
  let frame: Element | null | undefined;
  try {
    frame = element.ownerDocument.defaultView?.frameElement;
  } catch {
    frame = null;
  }
  return frame ? isShown(frame) : true;
}

/** Every match of the selectors, in document order, visible ones only. */
export function allShown(root: Root, selectors: readonly string[]): Element[] {
  return Array.from(root.querySelectorAll(selectors.join(','))).filter(isShown);
}

/** The first selector (in the given order of preference) that matches anything, and its first match. */
export function firstMatch(root: Root, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/** Like firstMatch, but only visible elements count. */
export function firstShown(root: Root, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = Array.from(root.querySelectorAll(selector)).find(isShown);
    if (found) return found;
  }
  return null;
}

/** The first shown match, else the first match at all (a client may keep the one that counts hidden for a moment). */
export function shownOrFirst(root: Root, selectors: readonly string[]): Element | null {
  return firstShown(root, selectors) ?? firstMatch(root, selectors);
}

/** An element's text on one line, whitespace collapsed. */
export function labelText(element: Element | null | undefined): string {
  return collapseWhitespace(element?.textContent ?? '').trim();
}

/** The document of a same-origin frame, or null while it is loading or when it is cross-origin. */
export function frameDocument(frame: Element | null): Document | null {
  if (!frame || frame.nodeName !== 'IFRAME') return null;
  try {
    return (frame as HTMLIFrameElement).contentDocument;
  } catch {
    return null;
  }
}
