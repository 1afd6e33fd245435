/** A detached copy of the document with hidden, boilerplate and secondary elements removed; the live page is only read. */
import { isExcludedElement, isSecondaryContent } from './excluded-elements';

/**
 * Clones `doc` and removes, from the clone, every element that is excluded in the live document.
 * Visibility is judged on the live tree because only it has computed styles; the clone has the same
 * shape (a deep clone, taken synchronously), so elements are matched by position.
 */
export function cloneVisibleDocument(doc: Document): Document {
  const clone = doc.cloneNode(true) as Document;
  const live = doc.documentElement;
  const copy = clone.documentElement;
  if (!live || !copy) return clone;
  const doomed: Element[] = [];
  collectExcluded(live, copy, doomed);
  for (const el of doomed) el.remove();
  return clone;
}

function collectExcluded(live: Element, copy: Element, doomed: Element[]): void {
  const liveChildren = live.children;
  const copyChildren = copy.children;
  const count = Math.min(liveChildren.length, copyChildren.length);
  for (let i = 0; i < count; i++) {
    const liveChild = liveChildren[i]!;
    const copyChild = copyChildren[i]!;
    if (liveChild.localName !== copyChild.localName) return; // shapes diverged: stop rather than remove the wrong node
    if (liveChild.localName === 'head') continue; // Readability reads metadata from <head>
    if (isExcludedElement(liveChild) || isSecondaryContent(liveChild)) doomed.push(copyChild);
    else collectExcluded(liveChild, copyChild, doomed);
  }
}
