/** How much text an element shows, without the inline scripts and styles a page may keep inside its markup. */

const NEVER_SHOWN = new Set(['script', 'style', 'noscript', 'template']);

/** A TreeWalker's filter for the nodes `textContent` is made of: text and CDATA sections (NodeFilter's numbers). */
export const TEXT_CONTENT_NODES = 0x4 /* SHOW_TEXT */ | 0x8; /* SHOW_CDATA_SECTION */

/** The characters of text under `root` (counting stops once past `limit`). */
export function textLength(root: Element | null, limit = Infinity): number {
  if (!root) return 0;
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let length = 0;
  for (let node = walker.nextNode(); node && length <= limit; node = walker.nextNode()) {
    if (!NEVER_SHOWN.has(node.parentElement?.localName ?? '')) length += node.nodeValue?.length ?? 0;
  }
  return length;
}

/**
 * `root.textContent.length`, counted without building the text (a page's body can hold megabytes of inline scripts),
 * and only until it is past `limit`.
 */
export function textContentLength(root: Element, limit = Infinity): number {
  const walker = root.ownerDocument.createTreeWalker(root, TEXT_CONTENT_NODES);
  let length = 0;
  for (let node = walker.nextNode(); node && length <= limit; node = walker.nextNode()) {
    length += node.nodeValue?.length ?? 0;
  }
  return length;
}
