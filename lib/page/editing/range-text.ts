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

/** Accumulates text, collapsing required line breaks with the newlines already written. */
class PlainTextWriter {
  private text = '';
  private pendingBreaks = 0;

  constructor(private readonly keepLeadingBreaks: boolean) {}

  requireBreaks(count: number): void {
    this.pendingBreaks = Math.max(this.pendingBreaks, count);
  }

  writeLineBreak(): void {
    this.flushBreaks();
    this.text = this.text.replace(/ +$/, '') + '\n';
  }

  writeText(data: string, preservesWhiteSpace: boolean): void {
    let chunk = preservesWhiteSpace ? data : data.replace(/[ \t\n\r\f]+/g, ' ');
    if (!chunk) return;
    this.flushBreaks();
    if (!preservesWhiteSpace && (this.text === '' || /[ \n]$/.test(this.text))) chunk = chunk.replace(/^ /, '');
    this.text += chunk;
  }

  result(): string {
    return this.text.replace(/ +$/, '');
  }

  private flushBreaks(): void {
    if (this.pendingBreaks > 0 && (this.text !== '' || this.keepLeadingBreaks)) {
      this.text = this.text.replace(/ +$/, '');
      const written = /\n*$/.exec(this.text)?.[0].length ?? 0;
      this.text += '\n'.repeat(Math.max(0, this.pendingBreaks - written));
    }
    this.pendingBreaks = 0;
  }
}

function clippedData(text: Text, range: Range): string {
  const end = text === range.endContainer ? range.endOffset : text.data.length;
  const start = text === range.startContainer ? range.startOffset : 0;
  return text.data.slice(start, end);
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
  for (const child of Array.from(element.childNodes)) {
    if (range.intersectsNode(child)) writeNode(child, range, writer, layout.preservesWhiteSpace);
  }
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
    for (const child of Array.from(root.childNodes)) {
      if (range.intersectsNode(child)) writeNode(child, range, writer, preserves);
    }
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
