/** Reads a Range as the text a user sees (blocks and <br> become line breaks) and maps it to and from text offsets. */

/** Used only when computed styles are unavailable (tests, detached nodes). */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD']);
const PRESERVING_WHITE_SPACE = /^(pre|pre-wrap|pre-line|break-spaces)$/;

interface ElementLayout {
  hidden: boolean;
  /** Line breaks required before and after: blocks get one, paragraphs an extra one after (as Chromium's Selection.toString). */
  breaksBefore: number;
  breaksAfter: number;
  preservesWhiteSpace: boolean;
}

function layoutOf(element: Element, parentPreserves: boolean): ElementLayout {
  const style = element.ownerDocument.defaultView?.getComputedStyle(element);
  const display = style?.display ?? '';
  const whiteSpace = style?.whiteSpace ?? '';
  const tag = element.nodeName;
  const isBlock = display
    ? !display.startsWith('inline') && display !== 'contents' && !display.startsWith('table-cell')
    : BLOCK_TAGS.has(tag);
  return {
    hidden: SKIPPED_TAGS.has(tag) || display === 'none',
    breaksBefore: isBlock ? 1 : 0,
    breaksAfter: isBlock ? (tag === 'P' ? 2 : 1) : 0,
    preservesWhiteSpace: whiteSpace
      ? PRESERVING_WHITE_SPACE.test(whiteSpace)
      : parentPreserves || tag === 'PRE' || tag === 'TEXTAREA',
  };
}

/**
 * Accumulates text, collapsing required line breaks with the newlines already written. Every step costs the size of
 * what it writes, not of what was written: what the text ends with (spaces, newlines) is kept as counts, because
 * reading the end of a string built by appending copies it whole, which made a long selection take minutes.
 */
class PlainTextWriter {
  private readonly chunks: string[] = [];
  /** Spaces at the end, held back: a line break or the end of the text drops them, more text writes them. */
  private heldSpaces = '';
  /** Newlines at the end of the chunks (which never end in a space). */
  private trailingNewlines = 0;
  private pendingBreaks = 0;

  constructor(private readonly keepLeadingBreaks: boolean) {}

  requireBreaks(count: number): void {
    this.pendingBreaks = Math.max(this.pendingBreaks, count);
  }

  writeLineBreak(): void {
    this.flushBreaks();
    this.heldSpaces = '';
    this.commit('\n');
  }

  writeText(data: string, preservesWhiteSpace: boolean): void {
    let chunk = preservesWhiteSpace ? data : data.replace(/[ \t\n\r\f]+/g, ' ');
    if (!chunk) return;
    this.flushBreaks();
    if (!preservesWhiteSpace && (this.isEmpty() || this.heldSpaces !== '' || this.trailingNewlines > 0)) {
      chunk = chunk.replace(/^ /, '');
    }
    const body = chunk.slice(0, chunk.length - runAtEnd(chunk, ' '));
    if (body === '') {
      this.heldSpaces += chunk;
      return;
    }
    this.commit(this.heldSpaces + body);
    this.heldSpaces = chunk.slice(body.length);
  }

  result(): string {
    return this.chunks.join('');
  }

  private isEmpty(): boolean {
    return this.chunks.length === 0 && this.heldSpaces === '';
  }

  /** Appends text that does not end in a space. */
  private commit(text: string): void {
    const newlines = runAtEnd(text, '\n');
    this.trailingNewlines = newlines === text.length ? this.trailingNewlines + newlines : newlines;
    this.chunks.push(text);
  }

  private flushBreaks(): void {
    if (this.pendingBreaks > 0 && (!this.isEmpty() || this.keepLeadingBreaks)) {
      this.heldSpaces = '';
      const missing = this.pendingBreaks - this.trailingNewlines;
      if (missing > 0) this.commit('\n'.repeat(missing));
    }
    this.pendingBreaks = 0;
  }
}

/** How many times `char` repeats at the end of `text`. */
function runAtEnd(text: string, char: string): number {
  let at = text.length;
  while (at > 0 && text[at - 1] === char) at--;
  return text.length - at;
}

function clippedData(text: Text, range: Range): string {
  const end = text === range.endContainer ? range.endOffset : text.data.length;
  const start = text === range.startContainer ? range.startOffset : 0;
  return text.data.slice(start, end);
}

/**
 * The children of `parent` that the range touches (what `range.intersectsNode` says of each), found from the range's
 * boundary points: they are a run from the child the range starts in to the one it ends in. Asking each child costs
 * its index every time, which on an element of thousands of children (lines broken by `<br>`) adds up to seconds.
 */
function childrenInRange(parent: Node, range: Range): ChildNode[] {
  const children = Array.from(parent.childNodes);
  const start = boundaryAmongChildren(parent, children, range.startContainer, range.startOffset);
  const end = boundaryAmongChildren(parent, children, range.endContainer, range.endOffset);
  // A point inside a child keeps that child; a point between children keeps those after it (start), before it (end).
  const first = start === null ? 0 : start.index;
  const last = end === null ? children.length - 1 : end.inside ? end.index : end.index - 1;
  return children.slice(first, last + 1);
}

/** Where a boundary point lies among `parent`'s children: inside one, or between two; null when outside `parent`. */
function boundaryAmongChildren(
  parent: Node,
  children: ChildNode[],
  container: Node,
  offset: number,
): { index: number; inside: boolean } | null {
  if (container === parent) return { index: offset, inside: false };
  let node: Node | null = container;
  while (node && node.parentNode !== parent) node = node.parentNode;
  return node ? { index: children.indexOf(node as ChildNode), inside: true } : null;
}

function writeNode(node: Node, range: Range, writer: PlainTextWriter, parentPreserves: boolean): void {
  if (node.nodeType === Node.TEXT_NODE) {
    writer.writeText(clippedData(node as Text, range), parentPreserves);
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  const element = node as Element;
  if (element.nodeName === 'BR') {
    writer.writeLineBreak();
    return;
  }
  const layout = layoutOf(element, parentPreserves);
  if (layout.hidden) return;
  // The block the range starts inside opened before the range did, so its leading break is not part of the text.
  if (!element.contains(range.startContainer)) writer.requireBreaks(layout.breaksBefore);
  for (const child of childrenInRange(element, range)) writeNode(child, range, writer, layout.preservesWhiteSpace);
  writer.requireBreaks(layout.breaksAfter);
}

/**
 * The selected text with line breaks where the page shows them; stable across browsers, unlike Selection.toString().
 * Leading line breaks are dropped unless `keepLeadingBreaks` (used to ask "does text follow on this line?").
 */
export function plainTextOf(range: Range, { keepLeadingBreaks = false } = {}): string {
  const writer = new PlainTextWriter(keepLeadingBreaks);
  const root = range.commonAncestorContainer;
  const parent = root.nodeType === Node.ELEMENT_NODE ? (root as Element) : root.parentElement;
  const preserves = parent ? layoutOf(parent, false).preservesWhiteSpace : false;
  if (root.nodeType === Node.TEXT_NODE) {
    writer.writeText(clippedData(root as Text, range), preserves);
  } else {
    for (const child of childrenInRange(root, range)) writeNode(child, range, writer, preserves);
  }
  return writer.result();
}

/** How many characters of `host.textContent` come before a boundary point inside it. */
export function textOffsetIn(host: Node, container: Node, offset: number): number {
  const prefix = host.ownerDocument!.createRange();
  prefix.setStart(host, 0);
  prefix.setEnd(container, offset);
  return prefix.toString().length;
}

function boundaryAt(host: Node, offset: number, preferNextNode: boolean): [Node, number] {
  const doc = host.ownerDocument!;
  const walker = doc.createTreeWalker(host, NodeFilter.SHOW_TEXT);
  let remaining = offset;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    if (remaining < length || (remaining === length && !preferNextNode)) return [node, remaining];
    remaining -= length;
    last = node;
  }
  return last ? [last, last.data.length] : [host, host.childNodes.length];
}

/** A Range over `host.textContent` characters [start, end), the inverse of textOffsetIn. */
export function rangeAtTextOffsets(host: Node, start: number, end: number): Range {
  const range = host.ownerDocument!.createRange();
  const [startNode, startOffset] = boundaryAt(host, start, true);
  const [endNode, endOffset] = boundaryAt(host, end, false);
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}
