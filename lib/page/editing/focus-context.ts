/** Follows focus down through same-origin iframes and open shadow roots to where the user actually is. */

/** Where focus ends up: the document, the tree (document or shadow root) and the focused element in it. */
export interface FocusContext {
  doc: Document;
  root: Document | ShadowRoot;
  active: Element | null;
}

/** Bounds the walk so a pathological page cannot loop us forever. */
const MAX_DEPTH = 16;

function isFrame(element: Element): element is HTMLIFrameElement {
  return element.nodeName === 'IFRAME' || element.nodeName === 'FRAME';
}

/** The frame's document when it is same-origin; cross-origin frames get their own content script instead. */
function sameOriginDocument(frame: HTMLIFrameElement): Document | null {
  try {
    return frame.contentDocument;
  } catch {
    // A cross-origin frame throws (or gives null): it is read by its own injected script.
    return null;
  }
}

export function deepestFocusContext(doc: Document): FocusContext {
  let context: FocusContext = { doc, root: doc, active: doc.activeElement };
  for (let depth = 0; depth < MAX_DEPTH; depth += 1) {
    const active = context.active;
    if (!active) break;
    if (isFrame(active)) {
      const inner = sameOriginDocument(active);
      if (!inner) break;
      context = { doc: inner, root: inner, active: inner.activeElement };
      continue;
    }
    const shadow = active.shadowRoot;
    if (shadow?.activeElement) {
      context = { doc: context.doc, root: shadow, active: shadow.activeElement };
      continue;
    }
    break;
  }
  return context;
}

type ShadowRootWithSelection = ShadowRoot & { getSelection?: () => Selection | null };
type SelectionWithComposedRanges = Selection & {
  getComposedRanges?: (options: { shadowRoots: ShadowRoot[] }) => StaticRange[];
};

function rangeFromStatic(doc: Document, staticRange: StaticRange): Range {
  const range = doc.createRange();
  range.setStart(staticRange.startContainer, staticRange.startOffset);
  range.setEnd(staticRange.endContainer, staticRange.endOffset);
  return range;
}

/** A copy of the first selected range in this tree, looking inside shadow roots where the browser allows it. */
export function selectedRangeIn(context: FocusContext): Range | null {
  const { doc, root } = context;
  if (root !== doc) {
    const shadowSelection = (root as ShadowRootWithSelection).getSelection?.();
    if (shadowSelection && shadowSelection.rangeCount > 0) return shadowSelection.getRangeAt(0).cloneRange();
    const selection = doc.getSelection() as SelectionWithComposedRanges | null;
    const composed = selection?.getComposedRanges?.({ shadowRoots: [root as ShadowRoot] })?.[0];
    if (composed) return rangeFromStatic(doc, composed);
  }
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  return selection.getRangeAt(0).cloneRange();
}

/** Makes `range` the document's selection; a clone is added so later user selections cannot move the stored range. */
export function selectRange(doc: Document, range: Range): void {
  const selection = doc.getSelection();
  if (!selection) return;
  selection.removeAllRanges();
  selection.addRange(range.cloneRange());
}
