/** Renders a DOM subtree as structured plain text: markdown headings, list items, fenced code, blank-line paragraphs. */
import { collapseWhitespace, normalizeParagraph, normalizePreformatted } from './whitespace';

export interface RenderOptions {
  /** Elements skipped with their whole subtree. */
  isExcluded: (el: Element) => boolean;
  /** Render what an open shadow root shows instead of the host's light children. */
  enterShadowRoots: boolean;
  /** Render the document of same-origin iframes in place. */
  enterFrames: boolean;
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
  'p',
  'section',
  'summary',
  'caption',
  'tr',
  'td',
  'th',
]);

/** Collects finished blocks, and the inline text of the paragraph being built. */
class BlockWriter {
  readonly blocks: string[] = [];
  private inline = '';

  text(text: string): void {
    this.inline += text;
  }

  flush(): void {
    const paragraph = normalizeParagraph(this.inline);
    if (paragraph) this.blocks.push(paragraph);
    this.inline = '';
  }

  block(text: string): void {
    this.flush();
    if (text) this.blocks.push(text);
  }
}

interface RenderContext extends RenderOptions {
  frameDepth: number;
}

export function renderStructuredText(root: Node, options: RenderOptions): string {
  const context: RenderContext = { ...options, frameDepth: 0 };
  return renderBlocks(root, context).join('\n\n');
}

function renderBlocks(parent: Node, context: RenderContext): string[] {
  const writer = new BlockWriter();
  visitChildren(parent, writer, context);
  writer.flush();
  return writer.blocks;
}

function inlineText(el: Element, context: RenderContext): string {
  return renderBlocks(el, context).join(' ').replace(/\s+/g, ' ').trim();
}

function visitChildren(parent: Node, writer: BlockWriter, context: RenderContext): void {
  for (const child of renderedChildren(parent, context)) visit(child, writer, context);
}

/** The nodes a reader sees under `parent`: shadow tree for open hosts, assigned nodes for slots. */
function renderedChildren(parent: Node, context: RenderContext): Iterable<Node> {
  if (parent.nodeType !== ELEMENT_NODE) return parent.childNodes;
  const el = parent as Element;
  if (context.enterShadowRoots && el.shadowRoot) return el.shadowRoot.childNodes;
  if (el.localName === 'slot' && typeof (el as HTMLSlotElement).assignedNodes === 'function') {
    const assigned = (el as HTMLSlotElement).assignedNodes();
    if (assigned.length > 0) return assigned;
  }
  return el.childNodes;
}

function visit(node: Node, writer: BlockWriter, context: RenderContext): void {
  if (node.nodeType === TEXT_NODE) {
    writer.text(collapseWhitespace((node as Text).data));
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const el = node as Element;
  if (context.isExcluded(el)) return;
  const tag = el.localName;
  const headingLevel = /^h([1-6])$/.exec(tag)?.[1];
  if (headingLevel) {
    const heading = inlineText(el, context);
    writer.block(heading ? `${'#'.repeat(Number(headingLevel))} ${heading}` : '');
    return;
  }
  switch (tag) {
    case 'br':
      writer.text('\n');
      return;
    case 'hr':
      writer.flush();
      return;
    case 'img':
      return;
    case 'pre':
      writer.block(renderCodeBlock(el));
      return;
    case 'code':
      writer.text(renderInlineCode(el));
      return;
    case 'ul':
    case 'ol':
      writer.block(renderList(el, context));
      return;
    case 'blockquote':
      writer.block(renderQuote(el, context));
      return;
    case 'table':
      renderTable(el, writer, context);
      return;
    case 'iframe':
      renderFrame(el as HTMLIFrameElement, writer, context);
      return;
  }
  if (BLOCK_TAGS.has(tag) || tag.includes('-') || (context.enterShadowRoots && el.shadowRoot)) {
    writer.flush();
    visitChildren(el, writer, context);
    writer.flush();
  } else {
    visitChildren(el, writer, context);
  }
}

function renderCodeBlock(pre: Element): string {
  const code = normalizePreformatted(pre.textContent ?? '');
  if (!code.trim()) return '';
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

function renderList(list: Element, context: RenderContext): string {
  const ordered = list.localName === 'ol';
  let number = Number.parseInt(list.getAttribute('start') ?? '1', 10) || 1;
  const lines: string[] = [];
  for (const child of Array.from(list.children)) {
    if (context.isExcluded(child)) continue;
    const blocks = renderBlocks(child, context);
    if (blocks.length === 0) continue;
    const marker = ordered ? `${number++}. ` : '- ';
    const indent = ' '.repeat(marker.length);
    const body = blocks.join('\n').split('\n');
    lines.push(marker + body[0], ...body.slice(1).map((line) => indent + line));
  }
  return lines.join('\n');
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
  cellRows.forEach((cells, index) => {
    const texts = cells.map((cell) => inlineText(cell, context).replace(/\|/g, '\\|'));
    if (texts.every((text) => !text)) return;
    lines.push(`| ${texts.join(' | ')} |`);
    if (index === 0 && cells.every((cell) => cell.localName === 'th')) {
      lines.push(`| ${texts.map(() => '---').join(' | ')} |`);
    }
  });
  const caption = table.querySelector('caption');
  if (caption && !context.isExcluded(caption)) writer.block(inlineText(caption, context));
  writer.block(lines.join('\n'));
}

function isBlockHeavy(cell: Element): boolean {
  return cell.querySelector('p, ul, ol, pre, table, h1, h2, h3, h4, h5, h6, div') !== null;
}

function renderFrame(frame: HTMLIFrameElement, writer: BlockWriter, context: RenderContext): void {
  if (!context.enterFrames || context.frameDepth >= MAX_FRAME_DEPTH) return;
  let body: HTMLElement | null;
  try {
    body = frame.contentDocument?.body ?? null; // null, or a throw in some engines, for cross-origin frames
  } catch {
    return;
  }
  if (!body) return;
  writer.flush();
  for (const block of renderBlocks(body, { ...context, frameDepth: context.frameDepth + 1 })) writer.block(block);
}
