/**
 * Renders a DOM subtree as structured plain text: markdown headings, list items, fenced code, blank-line paragraphs.
 * Every text node that is rendered appears once; text held directly in a list or table flows into its own paragraph.
 */
import { collapseWhitespace, normalizePreformatted } from './whitespace';
import { NameMatcher } from './element-names';
import { BlockWriter, countParagraph, keepTeasers, trimLinkBlocks, type TextStats } from './block-writer';
import type { PageVisibility, VisibilityScope } from './visibility';
import { isSiteLink, siteOf, SITE_LINK_ATTRIBUTE, type Site } from './site-links';

export type { TextStats } from './block-writer';

export interface RenderOptions {
  /** Elements skipped with their whole subtree. */
  isExcluded: (el: Element) => boolean;
  /** On a live page: what the page does not show is skipped. Absent for a detached copy. */
  visibility?: PageVisibility;
  /** Render what an open shadow root shows instead of the host's light children. */
  enterShadowRoots: boolean;
  /** Render the document of same-origin frames (iframes, a frameset's frames) in place. */
  enterFrames: boolean;
  /** Leave out link lists and menus before the first and after the last block of content (share bars, "most read"). */
  trimLinkBlocks?: boolean;
  /** Leave out paragraphs that are a web page's furniture (an ad's label, a "Read more:" cross-link); not in mail. */
  leaveOutFurniture?: boolean;
  /**
   * Number an `<ol>`'s items, as mail needs: a reply answers "point 2". Otherwise they are `- ` items like any list's:
   * the numbers are drawn by the browser, not written in the page, and extractors and their benchmarks read a page's
   * text without them (a "10 things" list scored 0.90 with them against Readability's 0.98).
   */
  numberOrderedLists?: boolean;
}

export interface RenderedText {
  text: string;
  stats: TextStats;
}

/** A page's text read as a listing (`keepTeasers`), with the number of headlines and teaser lines it kept. */
export interface ListingText extends RenderedText {
  teasers: number;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const MAX_FRAME_DEPTH = 3;

/** Elements that start a new paragraph; anything else is inline and flows into the current one. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'body',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hgroup',
  'li',
  'main',
  'nav',
  'p',
  'section',
  'summary',
  'caption',
  'tr',
  'td',
  'th',
]);

interface RenderContext extends RenderOptions {
  frameDepth: number;
  scope: VisibilityScope | null;
  linkDepth: number;
  /** Links to another page of the site, among the links the text is in. */
  siteLinkDepth: number;
  stats: TextStats;
  /** The site the rendered document belongs to, read when a list of links is first met. */
  site?: Site;
  /** Each caption's text, with the first element that had it (web pages only). */
  captions: Map<string, Element>;
}

export function renderText(root: Node, options: RenderOptions): RenderedText {
  const { writer, stats } = walk(root, options);
  const blocks = options.trimLinkBlocks ? trimLinkBlocks(writer) : writer.blocks;
  return { text: blocks.join('\n\n'), stats };
}

/**
 * One walk of a live page's region, read two ways: as an article's text (link blocks at its edges trimmed) and as a
 * listing (its headlines and teasers kept, menus left out). The page reader may need both, and the walk is the cost.
 */
export function renderTextAndListing(root: Node, options: RenderOptions): { text: RenderedText; listing: ListingText } {
  const { writer, stats } = walk(root, options);
  const listing = keepTeasers(writer);
  return {
    text: { text: trimLinkBlocks(writer).join('\n\n'), stats },
    listing: { text: listing.blocks.join('\n\n'), stats, teasers: listing.teasers },
  };
}

function walk(root: Node, options: RenderOptions): { writer: BlockWriter; stats: TextStats } {
  const stats: TextStats = { chars: 0, linkChars: 0, proseChars: 0, linkOnlyParagraphs: 0 };
  const context: RenderContext = {
    ...options,
    frameDepth: 0,
    scope: options.visibility?.rootScope ?? null,
    linkDepth: 0,
    siteLinkDepth: 0,
    stats,
    captions: new Map(),
  };
  const writer = new BlockWriter(stats, options.leaveOutFurniture);
  visitChildren(root, writer, context);
  writer.flush();
  return { writer, stats };
}

export function renderStructuredText(root: Node, options: RenderOptions): string {
  return renderText(root, options).text;
}

function renderBlocks(parent: Node, context: RenderContext): string[] {
  const writer = new BlockWriter(context.stats, context.leaveOutFurniture);
  visitChildren(parent, writer, context);
  writer.flush();
  return writer.blocks;
}

function inlineText(el: Element, context: RenderContext): string {
  return renderBlocks(el, context).join(' ').replace(/\s+/g, ' ').trim();
}

function visitChildren(parent: Node, writer: BlockWriter, context: RenderContext): void {
  const projected = projectedChildren(parent, context);
  if (projected) {
    for (const child of projected) visit(child, writer, context);
  } else {
    for (let child = parent.firstChild; child; child = child.nextSibling) visit(child, writer, context);
  }
}

/** What a reader sees under `parent` when it is not its child nodes: the shadow tree of an open host, a slot's nodes. */
function projectedChildren(parent: Node, context: RenderContext): Iterable<Node> | null {
  if (parent.nodeType !== ELEMENT_NODE) return null;
  const el = parent as Element;
  if (context.enterShadowRoots && el.shadowRoot) return el.shadowRoot.childNodes;
  if (el.localName === 'slot' && typeof (el as HTMLSlotElement).assignedNodes === 'function') {
    const assigned = (el as HTMLSlotElement).assignedNodes();
    if (assigned.length > 0) return assigned;
  }
  return null;
}

/** Enters a shown element: the visibility scope for its children is set; false (and nothing set) when it is skipped. */
function enter(el: Element, context: RenderContext): boolean {
  if (context.isExcluded(el)) return false;
  if (!context.visibility) return true;
  const scope = context.visibility.enter(el, context.scope!);
  if (!scope) return false;
  context.scope = scope;
  return true;
}

function visit(node: Node, writer: BlockWriter, context: RenderContext): void {
  if (node.nodeType === TEXT_NODE) {
    writer.text(collapseWhitespace((node as Text).data), context.linkDepth > 0, context.siteLinkDepth > 0);
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const outer = context.scope;
  if (!enter(node as Element, context)) return;
  if (!(context.leaveOutFurniture && isRepeatedCaption(node as Element, context)))
    visitElement(node as Element, writer, context);
  context.scope = outer;
}

/** `caption` as a part of a class (`wp-caption-text`, `article__caption`). */
const CAPTION_CLASS = new NameMatcher({ parts: ['caption'] });

/**
 * A caption said word for word before (a gallery or a template that puts one caption under every picture): it is
 * said once. A caption inside the one that first had the text (`wp-caption-text` in `wp-caption`) is that caption.
 */
function isRepeatedCaption(el: Element, context: RenderContext): boolean {
  if (el.localName !== 'figcaption' && !CAPTION_CLASS.test(el.getAttribute('class') ?? '')) return false;
  const text = collapseWhitespace(el.textContent ?? '').trim();
  if (!text) return false;
  const first = context.captions.get(text);
  if (!first) context.captions.set(text, el);
  return first !== undefined && !first.contains(el);
}

const HEADING_MARKS: Readonly<Record<string, string>> = {
  h1: '#',
  h2: '##',
  h3: '###',
  h4: '####',
  h5: '#####',
  h6: '######',
};

function visitElement(el: Element, writer: BlockWriter, context: RenderContext): void {
  const tag = el.localName;
  const headingMarks = HEADING_MARKS[tag];
  if (headingMarks) {
    const { chars, linkChars } = context.stats;
    const heading = inlineText(el, context);
    // A heading that links to its story (a listing's headline): mostly link text.
    const linked = (context.stats.linkChars - linkChars) * 2 > context.stats.chars - chars;
    writer.block(heading ? `${headingMarks} ${heading}` : '', 'heading', linked);
    return;
  }
  switch (tag) {
    case 'br':
      writer.lineBreak();
      return;
    case 'hr':
      writer.flush();
      return;
    case 'img':
      return;
    case 'pre':
      writer.block(renderCodeBlock(el, context.stats));
      return;
    case 'code':
      writer.text(renderInlineCode(el), context.linkDepth > 0, context.siteLinkDepth > 0);
      return;
    case 'ul':
    case 'ol':
      renderList(el, writer, context);
      return;
    case 'blockquote':
      writer.block(renderQuote(el, context));
      return;
    case 'table':
      renderTable(el, writer, context);
      return;
    case 'iframe':
    case 'frame': // a page made of frames (<frameset>): old documentation and intranet sites
      renderFrame(el as HTMLIFrameElement | HTMLFrameElement, writer, context);
      return;
    case 'a': {
      const withinSite = isLinkWithinSite(el, context) ? 1 : 0;
      context.linkDepth++;
      context.siteLinkDepth += withinSite;
      try {
        visitChildren(el, writer, context);
      } finally {
        context.linkDepth--;
        context.siteLinkDepth -= withinSite;
      }
      return;
    }
  }
  if (BLOCK_TAGS.has(tag) || tag.includes('-') || (context.enterShadowRoots && el.shadowRoot !== null)) {
    writer.flush();
    visitChildren(el, writer, context);
    writer.flush();
  } else {
    visitChildren(el, writer, context);
  }
}

function renderCodeBlock(pre: Element, stats: TextStats): string {
  const code = normalizePreformatted(pre.textContent ?? '');
  if (!code.trim()) return '';
  countParagraph(stats, code.length, 0);
  const language = codeLanguage(pre) ?? codeLanguage(pre.querySelector('code'));
  const longestTicks = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestTicks + 1));
  return `${fence}${language ?? ''}\n${code}\n${fence}`;
}

function codeLanguage(el: Element | null): string | undefined {
  const className = el?.getAttribute('class') ?? '';
  return /(?:^|\s)(?:language|lang)-([\w+#.-]+)/.exec(className)?.[1];
}

function renderInlineCode(el: Element): string {
  const code = collapseWhitespace(el.textContent ?? '').trim();
  if (!code) return '';
  const fence = code.includes('`') ? '``' : '`';
  return `${fence}${code}${fence}`;
}

/**
 * `<li>` children become `- ` items (`1. ` in an `<ol>` when numbered); anything else in the list (text written straight into a `<ul>`, an old
 * way to indent) is rendered in place as ordinary paragraphs, between the items it separates.
 */
function renderList(list: Element, writer: BlockWriter, context: RenderContext): void {
  const numbered = context.numberOrderedLists === true && list.localName === 'ol';
  let number = Number.parseInt(list.getAttribute('start') ?? '1', 10) || 1;
  let lines: string[] = [];
  let items = 0;
  let linkItems = 0;
  let siteLinkItems = 0;
  writer.flush();
  const endItems = () => {
    if (lines.length > 0) {
      // A list of one link is a "links" block only when it points within the site (some sites put each in a list).
      const kind = siteLinkItems === items ? 'site-links' : linkItems === items && items > 1 ? 'links' : 'other';
      writer.block(lines.join('\n'), kind);
    }
    lines = [];
    items = 0;
    linkItems = 0;
    siteLinkItems = 0;
  };
  for (const child of projectedChildren(list, context) ?? Array.from(list.childNodes)) {
    if (child.nodeType === ELEMENT_NODE && (child as Element).localName === 'li') {
      const outer = context.scope;
      if (!enter(child as Element, context)) continue;
      const { chars, linkOnlyParagraphs } = context.stats;
      const blocks = renderBlocks(child, context);
      context.scope = outer;
      if (blocks.length === 0) continue;
      items++;
      // An item of one link-only paragraph (nested lists or text make it content).
      if (
        context.stats.linkOnlyParagraphs === linkOnlyParagraphs + 1 &&
        blocks.length === 1 &&
        context.stats.chars > chars
      ) {
        linkItems++;
        if (linksWithinSite(child as Element, context)) siteLinkItems++;
      }
      if (lines.length === 0) writer.flush();
      const marker = numbered ? `${number++}. ` : '- ';
      const indent = ' '.repeat(marker.length);
      const body = blocks.join('\n').split('\n');
      lines.push(marker + body[0], ...body.slice(1).map((line) => indent + line));
    } else {
      // White space between items is layout; between inline children it is a word break.
      if (lines.length > 0 && child.nodeType === TEXT_NODE && !(child as Text).data.trim()) continue;
      endItems();
      visit(child, writer, context);
    }
  }
  endItems();
  writer.flush();
}

/** Every link of `item` goes to another page of the site (marked so in the reader's copy, which has no addresses). */
function linksWithinSite(item: Element, context: RenderContext): boolean {
  const links = item.getElementsByTagName('a');
  if (links.length === 0) return false;
  for (let i = 0; i < links.length; i++) if (!isLinkWithinSite(links[i]!, context)) return false;
  return true;
}

function isLinkWithinSite(link: Element, context: RenderContext): boolean {
  if (link.hasAttribute(SITE_LINK_ATTRIBUTE)) return true;
  const href = link.getAttribute('href');
  if (href === null) return false;
  context.site ??= siteOf(link.ownerDocument);
  return isSiteLink(href, context.site);
}

function renderQuote(quote: Element, context: RenderContext): string {
  return renderBlocks(quote, context)
    .join('\n\n')
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

/** Data tables become `| a | b |` rows; layout tables (one column, or cells holding paragraphs) render as blocks. */
function renderTable(table: Element, writer: BlockWriter, context: RenderContext): void {
  const rows = Array.from(table.querySelectorAll('tr')).filter((row) => row.closest('table') === table);
  const cellRows = rows.map((row) => Array.from(row.children).filter((cell) => !context.isExcluded(cell)));
  const isLayout = cellRows.every((cells) => cells.length <= 1) || cellRows.some((cells) => cells.some(isBlockHeavy));
  if (isLayout) {
    writer.flush();
    visitChildren(table, writer, context);
    writer.flush();
    return;
  }
  const lines: string[] = [];
  let caption = '';
  const outer = context.scope;
  for (const child of Array.from(table.children)) {
    if (child.localName === 'caption' && enter(child, context)) caption = inlineText(child, context);
    context.scope = outer;
  }
  cellRows.forEach((cells, index) => {
    const texts: string[] = [];
    for (const cell of cells) {
      if (enter(cell, context)) texts.push(inlineText(cell, context).replace(/\|/g, '\\|'));
      context.scope = outer;
    }
    if (texts.every((text) => !text)) return;
    lines.push(`| ${texts.join(' | ')} |`);
    if (index === 0 && cells.every((cell) => cell.localName === 'th')) {
      lines.push(`| ${texts.map(() => '---').join(' | ')} |`);
    }
  });
  writer.block(caption);
  writer.block(lines.join('\n'));
}

function isBlockHeavy(cell: Element): boolean {
  return cell.querySelector('p, ul, ol, pre, table, h1, h2, h3, h4, h5, h6, div') !== null;
}

function renderFrame(frame: HTMLIFrameElement | HTMLFrameElement, writer: BlockWriter, context: RenderContext): void {
  if (!context.enterFrames || context.frameDepth >= MAX_FRAME_DEPTH) return;
  let body: HTMLElement | null;
  try {
    body = frame.contentDocument?.body ?? null; // null, or a throw in some engines, for cross-origin frames
  } catch {
    return;
  }
  if (!body) return;
  const visibility = context.visibility?.forDocument(body.ownerDocument);
  const inner: RenderContext = {
    ...context,
    visibility,
    scope: visibility?.rootScope ?? null,
    frameDepth: context.frameDepth + 1,
  };
  writer.flush();
  for (const block of renderBlocks(body, inner)) writer.block(block);
}
