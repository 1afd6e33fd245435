/**
 * Applies a `MarkdownStream`'s patches to a container: each finished block's nodes are kept by key and left alone,
 * only the open tail's nodes are replaced (of a long block shown in pieces, only its last piece, rows, lines or items).
 * The container ends up with the same children as one-shot rendering into its innerHTML, with no wrapper around the
 * blocks.
 *
 * A browser lays a paragraph out whole whenever its text changes, so a paragraph that grows for pages costs more
 * with every word. While one is written, its finished lines are moved into blocks of their own (`sealLines`), cut
 * where the browser broke the line anyway, so it looks the same and only its last lines are laid out again.
 *
 * Likewise a frame's layout and paint walk every block of the reply: while it streams, finished blocks are kept in
 * groups that the browser skips when they are off screen (`content-visibility: auto` in the panel's style), so a frame
 * costs about the same at the 4,000th token as at the 100th. Once the reply is complete the groups are taken away,
 * a few blocks per frame (each block taken out is laid out afresh), leaving what a one-shot render gives.
 */
import type { OpenPatch, StreamPatch } from './markdown-stream';

/** A long paragraph shown in pieces: the blocks before it, its element, and the nodes of its last piece. */
interface OpenParagraph {
  lead: ChildNode[];
  element: HTMLParagraphElement;
  /** The line break a one-shot render puts after a paragraph: the text is the same before and after the final render. */
  lineBreak: Text;
  tail: ChildNode[];
  /** Characters of kept pieces not yet moved into a block of lines. */
  unsealed: number;
}

/**
 * A long table or list shown in pieces: the blocks before it, the block (and the line break after it), the element its
 * rows or items are in (a table's body, the list), and its last rows or items.
 */
interface OpenRows {
  kind: 'table' | 'list';
  lead: ChildNode[];
  nodes: ChildNode[];
  body: Element;
  tail: ChildNode[];
}

/** A long code block shown in pieces: the blocks before it, the block (and the line break after it), and its last lines. */
interface OpenCode {
  lead: ChildNode[];
  nodes: ChildNode[];
  code: Element;
  tail: Text;
}

/** Kept text in a paragraph's last lines beyond which its finished lines are moved into a block of their own. */
const SEAL_CHARS = 1500;
/** More characters than this in a row without a box: nothing is laid out (a hidden panel). */
const BOXLESS_RUN = 64;
/**
 * The class of a block of finished lines, of a paragraph or a code block still being written (the panel's style makes
 * it a block without margins).
 */
export const PARAGRAPH_LINES_CLASS = 'paragraph-lines';
/** The class of a group of finished blocks while the reply streams (the panel's style lets off-screen ones be skipped). */
export const BLOCK_GROUP_CLASS = 'block-group';
/** Finished blocks taken out of their group per frame once the reply is complete. */
const UNGROUP_BLOCKS_PER_FRAME = 3;
/** Finished blocks per group: a few screens of text. */
const BLOCKS_PER_GROUP = 12;
/**
 * Blocks that may start a group (after the first): those the panel's style gives no top margin. A group's edge stops
 * margins collapsing across it, so the space before such a block is the previous one's bottom margin either way.
 */
const GROUP_STARTS = new Set(['P', 'UL', 'OL', 'TABLE']);

/** Runs `work` at the next frame (the panel's), or soon; returns a function that cancels it. */
export type NextFrame = (work: () => void) => () => void;

const soon: NextFrame = (work) => {
  const timer = setTimeout(work, 0);
  return () => clearTimeout(timer);
};

export class RenderedBlocks {
  private readonly blocks = new Map<number, ChildNode[]>();
  /** The open tail's nodes, when it is shown whole. */
  private open: ChildNode[] = [];
  private paragraph: OpenParagraph | undefined;
  private rows: OpenRows | undefined;
  private code: OpenCode | undefined;

  private readonly inert: Document;
  /** The group finished blocks go into while the reply streams, and how many it holds. */
  private group: { element: HTMLElement; blocks: number } | undefined;

  /** Cancels the taking away of groups still under way. */
  private cancelUngroup: (() => void) | undefined;
  /**
   * Finished blocks still shown in blocks of lines because the user is selecting text in them, with what they become
   * once the selection goes; and a function that stops waiting for that.
   */
  private linesKept: Array<{ live: Element; parsed: Element }> = [];
  private cancelLinesKept: (() => void) | undefined;

  constructor(
    private readonly container: HTMLElement,
    private readonly schedule: NextFrame = soon,
  ) {
    this.inert = container.ownerDocument.implementation.createHTMLDocument('');
  }

  /** Whether the container still holds groups of blocks (until a few frames after the reply is complete). */
  get grouped(): boolean {
    return this.container.querySelector(`:scope > .${BLOCK_GROUP_CLASS}`) !== null;
  }

  /** `complete`: the reply is whole (no more text is coming), so finished blocks are no longer grouped. */
  apply(patch: StreamPatch, complete = false): void {
    if (patch.reset) this.clear();
    // The last group holds the open tail: it goes first, so that what follows goes into the container itself.
    // Unless the user is selecting text in the reply: moving nodes would drop the selection. The groups then go later.
    if (complete && this.group && !selectionIn(this.container)) this.ungroupLast();
    for (const { key, html } of patch.changed) {
      const nodes = this.blocks.get(key);
      if (nodes)
        this.blocks.set(
          key,
          this.replace(nodes, html, () => this.firstNodeAfter(key)),
        );
    }
    for (const { key, html } of patch.added) {
      this.parse(html);
      const parent = complete ? this.openParent() : this.groupFor();
      // The open tail is shown anew below: until then, what it showed may become the finished block.
      const kept = patch.open !== null ? this.finishShown() : undefined;
      if (kept) {
        this.blocks.set(key, kept);
        continue;
      }
      const end = this.firstOpenNode();
      this.blocks.set(key, this.moveParsed(end?.parentNode === parent ? end : null, parent));
    }
    if (patch.open !== null) this.applyOpen(patch.open);
    if (complete) this.ungroupInFrames();
  }

  clear(): void {
    this.cancelUngroup?.();
    this.cancelUngroup = undefined;
    this.cancelLinesKept?.();
    this.cancelLinesKept = undefined;
    this.linesKept = [];
    this.container.replaceChildren();
    this.group = undefined;
    this.blocks.clear();
    this.open = [];
    this.paragraph = undefined;
    this.rows = undefined;
    this.code = undefined;
  }

  private applyOpen(patch: OpenPatch): void {
    if ('html' in patch) {
      // A long block shown in pieces is now shown whole (the reply ended in it): its element stays where it can.
      const kept = this.rows || this.code || this.paragraph ? this.showWhole(patch.html) : undefined;
      if (kept) return;
      this.removeOpen();
      this.open = this.insert(patch.html, null, this.openParent());
      return;
    }
    if ('table' in patch) {
      this.applyOpenRows('table', patch.table);
      return;
    }
    if ('list' in patch) {
      this.applyOpenRows('list', patch.list);
      return;
    }
    if ('code' in patch) {
      this.applyOpenCode(patch.code);
      return;
    }
    const { start, lead, append, tail } = patch.paragraph;
    if (start || !this.paragraph) {
      this.removeOpen();
      const element = this.container.ownerDocument.createElement('p');
      const lineBreak = this.container.ownerDocument.createTextNode('\n');
      const leadNodes = this.insert(lead ?? '', null, this.openParent());
      this.paragraph = { lead: leadNodes, element, lineBreak, tail: [], unsealed: 0 };
      this.openParent().append(element, lineBreak);
    } else if (lead !== null) {
      this.paragraph.lead = this.replace(this.paragraph.lead, lead, () => this.paragraph!.element);
    }
    const paragraph = this.paragraph;
    // Sealed by the lines the last frame laid out, before this update changes the paragraph: the browser has them at
    // hand, where after the update it would lay the paragraph out once more just to say where its lines break.
    if (paragraph.unsealed > SEAL_CHARS)
      paragraph.unsealed = sealLines(paragraph.element, paragraph.unsealed, paragraph.tail[0] ?? null);
    // Kept pieces go after those already there; the last piece's nodes are replaced.
    paragraph.tail.forEach((node) => node.remove());
    for (const html of append) {
      for (const node of this.insert(html, null, paragraph.element)) paragraph.unsealed += node.textContent!.length;
    }
    paragraph.tail = this.insert(tail, null, paragraph.element);
  }

  /** Kept rows or items go after those already there; the last ones are replaced. */
  private applyOpenRows(
    kind: OpenRows['kind'],
    { start, lead, head, append, tail }: Extract<OpenPatch, { table: unknown }>['table'],
  ): void {
    if (start || this.rows?.kind !== kind) {
      const block = this.startBlock(lead, head);
      const body = rowsElement(kind, block.element, this.container.ownerDocument);
      this.rows = { kind, lead: block.lead, nodes: block.nodes, body, tail: [] };
    } else {
      this.replaceLead(this.rows, lead);
    }
    const rows = this.rows;
    rows.tail.forEach((node) => node.remove());
    for (const html of append) rows.body.append(...this.rowsIn(kind, html));
    rows.tail = this.rowsIn(kind, tail);
    rows.body.append(...rows.tail);
  }

  /**
   * Finished lines go into blocks of their own (like a paragraph's finished lines), so that the browser lays out only
   * the last lines again when they change; the final render gives the block as a one-shot render has it.
   */
  private applyOpenCode({ start, lead, head, append, tail }: Extract<OpenPatch, { code: unknown }>['code']): void {
    const document = this.container.ownerDocument;
    if (start || !this.code) {
      const block = this.startBlock(lead, head);
      const code = block.element?.querySelector('code') ?? block.element ?? document.createElement('code');
      const text = document.createTextNode('');
      code.replaceChildren(text);
      this.code = { lead: block.lead, nodes: block.nodes, code, tail: text };
    } else {
      this.replaceLead(this.code, lead);
    }
    const { code, tail: tailNode } = this.code;
    for (const text of append) {
      const lines = document.createElement('span');
      lines.className = PARAGRAPH_LINES_CLASS;
      lines.textContent = text;
      code.insertBefore(lines, tailNode);
    }
    if (tailNode.data !== tail) tailNode.data = tail;
  }

  /** A long block starts in pieces: what the open tail showed goes, and the blocks before it and its HTML come. */
  private startBlock(
    lead: string | null,
    head: string | null,
  ): { lead: ChildNode[]; nodes: ChildNode[]; element: Element | undefined } {
    this.removeOpen();
    const leadNodes = this.insert(lead ?? '', null, this.openParent());
    const nodes = this.insert(head ?? '', null, this.openParent());
    return { lead: leadNodes, nodes, element: nodes.find((node): node is Element => node instanceof Element) };
  }

  /** The blocks before a long block in pieces, when they changed (`lead` is null when they did not). */
  private replaceLead(block: { lead: ChildNode[]; nodes: ChildNode[] }, lead: string | null): void {
    if (lead !== null) block.lead = this.replace(block.lead, lead, () => block.nodes[0] ?? null);
  }

  /**
   * The rows of the table or the items of the list in `html`, with the line breaks between them, taken out of their
   * element (a bare row would not parse); a list's line break before its first item is the one shown already.
   */
  private rowsIn(kind: OpenRows['kind'], html: string): ChildNode[] {
    this.parse(html);
    const element = this.inert.body.querySelector(
      kind === 'table' ? ':scope > table > tbody' : ':scope > ul, :scope > ol',
    );
    const nodes = element ? [...element.childNodes] : [];
    if (kind === 'list' && nodes[0] instanceof Text && !nodes[0].data.trim()) nodes.shift();
    return nodes;
  }

  private removeOpen(): void {
    this.open.forEach((node) => node.remove());
    this.open = [];
    for (const block of [this.rows, this.code]) {
      block?.lead.forEach((node) => node.remove());
      block?.nodes.forEach((node) => node.remove());
    }
    this.rows = undefined;
    this.code = undefined;
    if (!this.paragraph) return;
    this.paragraph.lead.forEach((node) => node.remove());
    this.paragraph.element.remove();
    this.paragraph.lineBreak.remove();
    this.paragraph = undefined;
  }

  /**
   * The finished block just parsed, made of the open tail's first nodes where it showed the same blocks: a paragraph,
   * a table or list streamed row by row, keeps its element, and each of its rows, items or inline parts that reads as
   * it did keeps its nodes. What the user is selecting there stays selected, and nothing is laid out again for it.
   * Returns the nodes, or undefined when the open tail showed other blocks (a line that turned out to be a heading).
   */
  private finishShown(): ChildNode[] | undefined {
    const parsed = [...this.inert.body.childNodes];
    if (parsed.length === 0) return undefined;
    return this.takeShownAs(this.openNodes().slice(0, parsed.length), parsed);
  }

  /** The open tail shown whole in place of its pieces, made of the nodes it showed as `finishShown` does. */
  private showWhole(html: string): ChildNode[] | undefined {
    this.parse(html);
    const kept = this.takeShownAs(this.openNodes(), [...this.inert.body.childNodes]);
    if (kept) this.open = kept;
    return kept;
  }

  /** Makes the open tail's nodes `shown` equal to `parsed` and takes them out of the open tail, if they are alike. */
  private takeShownAs(shown: ChildNode[], parsed: ChildNode[]): ChildNode[] | undefined {
    if (shown.length !== parsed.length || !parsed.every((node, index) => sameKind(node, shown[index]!)))
      return undefined;
    const kept = parsed.map((node, index) => this.finish(shown[index]!, node));
    this.forgetOpen(new Set(shown));
    return kept;
  }

  /**
   * `morph`, unless the user is selecting text in a long paragraph or code block whose blocks of lines begin as its
   * one-shot render does: replacing those would drop the selection, so they stay until it goes (`keepLines`).
   */
  private finish(live: ChildNode, parsed: ChildNode): ChildNode {
    if (!(live instanceof Element && parsed instanceof Element) || !selectionIn(live) || !keepLines(live, parsed))
      return morph(live, parsed);
    this.linesKept.push({ live, parsed });
    this.cancelLinesKept ??= whenSelectionLeaves(this.container, () => {
      this.cancelLinesKept = undefined;
      for (const { live, parsed } of this.linesKept.splice(0)) if (live.isConnected) morph(live, parsed);
    });
    return live;
  }

  /** Takes nodes that became a finished block out of the open tail's: what the open tail shows next leaves them alone. */
  private forgetOpen(kept: Set<ChildNode>): void {
    const left = (nodes: ChildNode[]) => nodes.filter((node) => !kept.has(node));
    this.open = left(this.open);
    const block = this.rows ?? this.code;
    if (block) {
      block.lead = left(block.lead);
      if (block.nodes.some((node) => kept.has(node))) {
        // The block itself is finished: what is left of its nodes (none, or its line break) is plain open tail.
        this.open.push(...left(block.nodes));
        this.rows = undefined;
        this.code = undefined;
      }
    }
    const paragraph = this.paragraph;
    if (!paragraph) return;
    paragraph.lead = left(paragraph.lead);
    if (!kept.has(paragraph.element)) return;
    if (!kept.has(paragraph.lineBreak)) this.open.push(paragraph.lineBreak);
    this.paragraph = undefined;
  }

  private firstOpenNode(): ChildNode | null {
    const block = this.rows ?? this.code;
    if (block) return block.lead[0] ?? block.nodes[0] ?? null;
    if (this.paragraph) return this.paragraph.lead[0] ?? this.paragraph.element;
    return this.open[0] ?? null;
  }

  /** Parsed in a document of its own, which is inert (nothing in it loads or runs), then moved into place. */
  private insert(html: string, before: ChildNode | null, parent: Node = this.container): ChildNode[] {
    this.parse(html);
    return this.moveParsed(before, parent);
  }

  private parse(html: string): void {
    this.inert.body.innerHTML = html;
  }

  private moveParsed(before: ChildNode | null, parent: Node): ChildNode[] {
    const nodes = [...this.inert.body.childNodes];
    for (const node of nodes) parent.insertBefore(node, before);
    return nodes;
  }

  /**
   * Where the finished block just parsed goes while the reply streams: the current group, or a new one when that one
   * is full and this block may start one. The open tail always follows in the last group, so that the margins between
   * it and the finished blocks collapse as they do without groups.
   */
  private groupFor(): HTMLElement {
    const first = this.inert.body.firstElementChild;
    const mayStart = first !== null && GROUP_STARTS.has(first.tagName);
    // A new group takes the open tail in, and moving nodes drops a selection in them: while the user selects text
    // there, the blocks go on into the current group, or into the container before the open tail.
    const selecting = this.openNodes().some((node) => selectionIn(node));
    if (this.group && (this.group.blocks < BLOCKS_PER_GROUP || !mayStart || selecting)) {
      this.group.blocks += 1;
      return this.group.element;
    }
    if (selecting) return this.container;
    const element = this.container.ownerDocument.createElement('div');
    element.className = BLOCK_GROUP_CLASS;
    this.container.append(element);
    element.append(...this.openNodes());
    this.group = { element, blocks: 1 };
    return element;
  }

  /** Where the open tail goes: the last group, if the finished blocks are grouped. */
  private openParent(): HTMLElement {
    return this.group?.element ?? this.container;
  }

  private openNodes(): ChildNode[] {
    const block = this.rows ?? this.code;
    if (block) return [...this.open, ...block.lead, ...block.nodes];
    if (!this.paragraph) return this.open;
    return [...this.open, ...this.paragraph.lead, this.paragraph.element, this.paragraph.lineBreak];
  }

  private ungroupLast(): void {
    const last = this.group!.element;
    this.group = undefined;
    last.replaceWith(...last.childNodes);
  }

  /**
   * The reply is whole: its blocks go back to being the container's own children, as a one-shot render has them. A
   * few blocks a frame, from the top down: each block taken out is laid out afresh, and what follows it moves, which
   * costs little when what follows is still in groups the browser skips (from the end up, every frame moved the
   * blocks already taken out, and the frames at the end of a long reply took 30–60 ms). Moving a node drops a
   * selection in it, so while the user selects text in the reply this waits until the selection is elsewhere.
   */
  private ungroupInFrames(): void {
    if (this.cancelUngroup || !this.grouped) return;
    const step = () => {
      if (selectionIn(this.container)) {
        this.cancelUngroup = whenSelectionLeaves(this.container, () => (this.cancelUngroup = this.schedule(step)));
        return;
      }
      const groups = this.container.querySelectorAll(`:scope > .${BLOCK_GROUP_CLASS}`);
      const emptied = groups[0] ? takeBlocksOut(groups[0], UNGROUP_BLOCKS_PER_FRAME) : true;
      this.cancelUngroup = groups.length > 1 || !emptied ? this.schedule(step) : undefined;
    };
    this.cancelUngroup = this.schedule(step);
  }

  /** `where` says where a block that had no nodes goes. */
  private replace(nodes: ChildNode[], html: string, where: () => ChildNode | null): ChildNode[] {
    const before = nodes.length > 0 ? nodes.at(-1)!.nextSibling : where();
    const parent = before?.parentNode ?? nodes.at(-1)?.parentNode ?? this.container;
    nodes.forEach((node) => node.remove());
    return this.insert(html, before, parent);
  }

  private firstNodeAfter(key: number): ChildNode | null {
    for (const [other, nodes] of this.blocks) if (other > key && nodes.length > 0) return nodes[0]!;
    return this.firstOpenNode();
  }
}

/** Where a table's rows or a list's items go: a table with no rows yet has no body (one-shot gives it one with them). */
function rowsElement(kind: OpenRows['kind'], element: Element | undefined, document: Document): Element {
  if (kind === 'list' && element) return element;
  if (element instanceof HTMLTableElement) return element.tBodies[0] ?? element.createTBody();
  return document.createElement(kind === 'table' ? 'tbody' : 'ul');
}

/** Whether two nodes are the same kind of node: text, or elements of the same name. */
function sameKind(one: Node, other: Node): boolean {
  return one.nodeType === other.nodeType && one.nodeName === other.nodeName;
}

/**
 * Makes `live` (in the page) equal to `parsed` (detached), keeping each of its nodes that is equal already and each
 * element of the same name and attributes, and adding to a text that `parsed` begins with; returns what is in `live`'s
 * place afterwards.
 */
function morph(live: ChildNode, parsed: ChildNode): ChildNode {
  if (live.isEqualNode(parsed)) return live;
  // The last words of a block come with its end: added to the text shown, which keeps a selection in it.
  if (live instanceof Text && parsed instanceof Text && parsed.data.startsWith(live.data)) {
    live.appendData(parsed.data.slice(live.data.length));
    return live;
  }
  if (
    !(live instanceof Element && parsed instanceof Element) ||
    !sameKind(live, parsed) ||
    !sameAttributes(live, parsed)
  ) {
    live.replaceWith(parsed);
    return parsed;
  }
  const liveChildren = [...live.childNodes];
  const parsedChildren = [...parsed.childNodes];
  parsedChildren.forEach((child, index) => {
    const old = liveChildren[index];
    if (old) morph(old, child);
    else live.append(child);
  });
  for (const extra of liveChildren.slice(parsedChildren.length)) extra.remove();
  return live;
}

function sameAttributes(one: Element, other: Element): boolean {
  if (one.attributes.length !== other.attributes.length) return false;
  for (const { name, value } of one.attributes) if (other.getAttribute(name) !== value) return false;
  return true;
}

/**
 * When `live`, a long paragraph or code block shown in blocks of lines, begins as `parsed` does: keeps its blocks and
 * puts the rest of `parsed` after them in place of what they showed there (the last words, which came with the block's
 * end). Returns whether it did. The blocks read as `parsed` once they are taken away, where an inline element a
 * line's edge went through (a link, emphasis) is in two halves, as the browser draws it over two lines anyway.
 */
function keepLines(live: Element, parsed: Element): boolean {
  const blocks = [...live.querySelectorAll(`.${PARAGRAPH_LINES_CLASS}`)];
  const holder = blocks[0]?.parentElement;
  if (!holder || blocks.some((block) => block.parentElement !== holder)) return false;
  const parsedCopy = parsed.cloneNode(true) as Element;
  const parsedHolder = counterpart(live, holder, parsedCopy);
  if (!parsedHolder) return false;
  // What the blocks show, as one run of nodes; and as much of the parsed block, cut where they end.
  const shown = holder.ownerDocument.createElement('div');
  const edges: Array<{ end: ChildNode | null; start: ChildNode | null }> = [];
  for (const block of blocks) {
    const copies = [...block.cloneNode(true).childNodes];
    edges.push({ end: shown.lastChild, start: copies[0] ?? null });
    shown.append(...copies);
  }
  edges.forEach(({ end, start }) => joinHalves(end, start));
  shown.normalize();
  const head = cutAt(parsedHolder, shown.textContent!.length);
  if (!head) return false;
  const expected = holder.ownerDocument.createElement('div');
  expected.append(head);
  expected.normalize();
  if (!shown.isEqualNode(expected)) return false;
  const lastBlock = blocks.at(-1)!;
  while (lastBlock.nextSibling) lastBlock.nextSibling.remove();
  holder.append(...parsedHolder.childNodes);
  return true;
}

/**
 * The element of `parsed` at the place `inner` has in `live`, where every element on the way has the same name,
 * attributes and number of children in both; null where they differ.
 */
function counterpart(live: Element, inner: Element, parsed: Element): Element | null {
  const path: number[] = [];
  for (let el = inner; el !== live; el = el.parentElement!) path.unshift([...el.parentNode!.childNodes].indexOf(el));
  let [liveAt, parsedAt]: [Element, Element] = [live, parsed];
  for (const index of path) {
    if (liveAt.childNodes.length !== parsedAt.childNodes.length) return null;
    const [liveNext, parsedNext] = [liveAt.childNodes[index]!, parsedAt.childNodes[index]];
    if (!(parsedNext instanceof Element) || !sameKind(liveNext, parsedNext)) return null;
    if (!sameAttributes(liveNext as Element, parsedNext)) return null;
    [liveAt, parsedAt] = [liveNext as Element, parsedNext];
  }
  return sameKind(liveAt, parsedAt) && sameAttributes(liveAt, parsedAt) ? parsedAt : null;
}

/**
 * Takes the first `length` characters of `element`'s text out of it, with the elements around them (those the cut
 * goes through are split in two); null when it has fewer.
 */
function cutAt(element: Element, length: number): DocumentFragment | null {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let left = length;
  for (let text = walker.nextNode() as Text | null; text; text = walker.nextNode() as Text | null) {
    if (left <= text.length) {
      const range = element.ownerDocument.createRange();
      range.setStart(element, 0);
      range.setEnd(text, left);
      return range.extractContents();
    }
    left -= text.length;
  }
  return null;
}

/** Joins an inline element cut in two at a line's edge (and the elements in it that were cut too) into one. */
function joinHalves(end: ChildNode | null, start: ChildNode | null): void {
  while (
    end instanceof Element &&
    start instanceof Element &&
    end.nextSibling === start &&
    sameKind(end, start) &&
    sameAttributes(end, start)
  ) {
    const [innerEnd, innerStart] = [end.lastChild, start.firstChild];
    end.append(...start.childNodes);
    start.remove();
    [end, start] = [innerEnd, innerStart];
  }
}

/** Whether the user has text selected that lies, at least in part, in `node`. */
function selectionIn(node: Node): boolean {
  const selection = node.ownerDocument?.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return false;
  return selection.getRangeAt(0).intersectsNode(node);
}

/** Runs `work` once no selected text lies in `element`; returns a function that cancels it. */
function whenSelectionLeaves(element: Element, work: () => void): () => void {
  const document = element.ownerDocument;
  const listener = () => {
    if (selectionIn(element)) return;
    document.removeEventListener('selectionchange', listener);
    work();
  };
  document.addEventListener('selectionchange', listener);
  return () => document.removeEventListener('selectionchange', listener);
}

/**
 * Moves the group's first `count` blocks (with the text between them) before it; the group goes once it is empty.
 * Returns whether it went.
 */
function takeBlocksOut(group: Element, count: number): boolean {
  const moved: ChildNode[] = [];
  let blocks = 0;
  for (const node of group.childNodes) {
    if (node instanceof Element && ++blocks > count) break;
    moved.push(node);
  }
  const all = moved.length === group.childNodes.length;
  if (all) group.replaceWith(...moved);
  else group.before(...moved);
  return all;
}

/**
 * Moves the finished lines at the start of a paragraph's unsealed kept text (after its last block of lines, before
 * `tail`, the last piece's first node) into a block of their own, up to the line on which that text ends. Returns how
 * many characters stay unsealed. Needs layout: where nothing is laid out (a hidden panel), nothing moves.
 */
function sealLines(paragraph: HTMLElement, unsealed: number, tail: ChildNode | null): number {
  // Not laid out (a hidden panel): there are no lines to go by.
  if (paragraph.getClientRects().length === 0) return unsealed;
  const document = paragraph.ownerDocument;
  let first = paragraph.firstChild;
  while (first instanceof HTMLElement && first.classList.contains(PARAGRAPH_LINES_CLASS)) first = first.nextSibling;
  if (!first || first === tail) return unsealed;
  const texts: Text[] = [];
  for (let child: ChildNode | null = first; child && child !== tail; child = child.nextSibling) {
    if (child instanceof Text) {
      texts.push(child);
      continue;
    }
    const walker = document.createTreeWalker(child, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  }
  if (texts.length === 0) return unsealed;
  const start = lineStart(texts);
  if (!start) return unsealed;
  const range = document.createRange();
  range.setStartBefore(first);
  range.setEnd(start.node, start.offset);
  const lines = document.createElement('span');
  lines.className = PARAGRAPH_LINES_CLASS;
  // Inline elements the cut goes through (a link, emphasis) are split in two, as the browser splits them over lines.
  lines.append(range.extractContents());
  range.insertNode(lines);
  return Math.max(0, unsealed - lines.textContent!.length);
}

/**
 * Where the line on which `texts` end begins, found by binary search over the characters' boxes (a character whose
 * box lies above that line's top is on an earlier line); null when all of them are on that one line.
 */
function lineStart(texts: Text[]): { node: Text; offset: number } | null {
  const ends: number[] = [];
  let total = 0;
  for (const text of texts) ends.push((total += text.length));
  const range = texts[0]!.ownerDocument.createRange();
  const at = (index: number) => {
    const which = ends.findIndex((end) => index < end);
    return { node: texts[which]!, offset: index - (ends[which]! - texts[which]!.length) };
  };
  const box = (index: number): DOMRect | undefined => {
    const { node, offset } = at(index);
    range.setStart(node, offset);
    range.setEnd(node, offset + 1);
    const rect = range.getClientRects()[0];
    return rect && rect.height > 0 ? rect : undefined;
  };
  // Only white space the line break swallowed has no box: a run of characters without one means no layout at all.
  let last = total - 1;
  let lastBox = box(last);
  for (const stop = last - BOXLESS_RUN; !lastBox && last > Math.max(0, stop); lastBox = box(--last));
  if (!lastBox) return null;
  const lineTop = lastBox.top;
  // A character with no box counts with the next one that has one.
  const onEarlierLine = (index: number) => {
    for (let probe = index; probe <= Math.min(last, index + BOXLESS_RUN); probe++) {
      const rect = box(probe);
      if (rect) return (rect.top + rect.bottom) / 2 < lineTop;
    }
    return false;
  };
  let low = 0;
  let high = last;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (onEarlierLine(middle)) low = middle + 1;
    else high = middle;
  }
  return low > 0 ? at(low) : null;
}
