/** Finds the contenteditable editing host around a node, so rich editors and designMode pages count as editable. */

const EDITABLE_VALUES = new Set(['', 'true', 'plaintext-only']);

function elementOf(node: Node): Element | null {
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

/** The nearest ancestor with a meaningful contenteditable value (invalid values inherit, as in browsers). */
function nearestContentEditable(element: Element | null): Element | null {
  let current = element?.closest('[contenteditable]') ?? null;
  while (current) {
    const value = (current.getAttribute('contenteditable') ?? '').toLowerCase();
    if (value === 'false' || EDITABLE_VALUES.has(value)) return current;
    current = current.parentElement?.closest('[contenteditable]') ?? null;
  }
  return null;
}

function isEditableDeclaration(element: Element): boolean {
  return EDITABLE_VALUES.has((element.getAttribute('contenteditable') ?? '').toLowerCase());
}

/** The outermost contiguous editable ancestor of a node, or null when the node is not editable. */
export function editingHostOf(node: Node): HTMLElement | null {
  const element = elementOf(node);
  if (!element) return null;
  const doc = element.ownerDocument;
  // Optional chaining because designMode is missing from some DOM implementations (happy-dom).
  if ((doc.designMode as string | undefined)?.toLowerCase() === 'on' && doc.body?.contains(element)) return doc.body;
  let host = nearestContentEditable(element);
  if (!host || !isEditableDeclaration(host)) return null;
  for (;;) {
    const outer = nearestContentEditable(host.parentElement);
    if (!outer || !isEditableDeclaration(outer)) return host as HTMLElement;
    host = outer;
  }
}

/** The single editing host containing the whole range, or null when any part of it is read-only. */
export function editingHostOfRange(range: Range): HTMLElement | null {
  const startHost = editingHostOf(range.startContainer);
  if (!startHost) return null;
  return editingHostOf(range.endContainer) === startHost ? startHost : null;
}

/** Whether the host only accepts plain text, so line breaks must be inserted as characters rather than <br>. */
export function isPlainTextOnly(host: HTMLElement): boolean {
  return (host.getAttribute('contenteditable') ?? '').toLowerCase() === 'plaintext-only';
}
