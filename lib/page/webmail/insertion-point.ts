/**
 * Where a draft goes in a reply box without touching what the user wrote: at the caret when it is in the box, else
 * after the user's own text, else at the top, always above the quoted history and signature. Reads, never edits.
 */
import { plainTextOf } from '../editing/range-text';
import { isAtOrAfter, quotedTextStart, replyBoundary } from './quoted-text';

export interface RichTextInsertion {
  /** Collapsed range to insert at. */
  at: Range;
  /** The draft with the line breaks that keep it apart from the text around it. */
  text: string;
}

export interface FieldInsertion {
  offset: number;
  text: string;
}

/** Line breaks at the start of `text`, ignoring spaces between them. */
function leadingBreaks(text: string): number {
  return (/^\s*/.exec(text)?.[0].match(/\n/g) ?? []).length;
}

/** Line breaks at the end of `text`, ignoring spaces between them. */
function trailingBreaks(text: string): number {
  return (/\s*$/.exec(text)?.[0].match(/\n/g) ?? []).length;
}

/**
 * The draft with a blank line between it and the text before and after it, counting the breaks already there.
 * A break typed after the draft opens a new line (the editing command splits the block), so one is enough when the
 * next text already starts on a line of its own.
 */
export function separatedDraft(draft: string, before: string, after: string): string {
  const lead = before.trim() ? '\n'.repeat(Math.max(0, 2 - trailingBreaks(before))) : '';
  const trail = after.trim() ? '\n'.repeat(Math.max(0, 2 - leadingBreaks(after))) : '';
  return lead + draft + trail;
}

/** The caret (or the end of a selection) when it lies inside `host`. */
function caretIn(host: HTMLElement): Range | null {
  const selection = host.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!host.contains(range.endContainer)) return null;
  const caret = range.cloneRange();
  caret.collapse(false);
  return caret;
}

/** Just after the last non-blank character the user typed above `boundary` (the quote or signature). */
function endOfUserText(host: HTMLElement, boundary: Element | null): Range | null {
  const doc = host.ownerDocument;
  const walker = doc.createTreeWalker(host, 4 /* NodeFilter.SHOW_TEXT */);
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (boundary && isAtOrAfter(node, boundary)) break;
    if (/\S/.test(node.data) && node.parentElement?.checkVisibility?.() !== false) last = node;
  }
  if (!last) return null;
  const range = doc.createRange();
  range.setStart(last, last.data.replace(/\s+$/, '').length);
  range.collapse(true);
  return range;
}

function textBetween(host: HTMLElement, at: Range, side: 'before' | 'after'): string {
  const range = host.ownerDocument.createRange();
  range.selectNodeContents(host);
  if (side === 'before') range.setEnd(at.startContainer, at.startOffset);
  else range.setStart(at.startContainer, at.startOffset);
  return plainTextOf(range, { keepLeadingBreaks: true });
}

/** Elements a caret cannot go inside. */
const LEAF_ELEMENTS = new Set(['BR', 'IMG', 'HR', 'INPUT', 'IFRAME', 'TABLE']);

function firstChildWithContent(node: Node): Node | null {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 3 /* text */ || /\S/.test(child.textContent ?? '')) return child;
  }
  return null;
}

/** The start of the box's first line: inside its first empty block, where the editors put the caret themselves. */
function startOfFirstLine(host: HTMLElement, boundary: Element | null): Range {
  let node: Node = host;
  for (let first = firstChildWithContent(node); first; first = firstChildWithContent(node)) {
    if (first.nodeType !== 1 || LEAF_ELEMENTS.has(first.nodeName) || (boundary && first.contains(boundary))) break;
    node = first;
  }
  const range = host.ownerDocument.createRange();
  range.setStart(node, 0);
  range.collapse(true);
  return range;
}

/** Where and what to insert in a contenteditable reply body. */
export function richTextInsertion(host: HTMLElement, draft: string): RichTextInsertion {
  const boundary = replyBoundary(host);
  const at = caretIn(host) ?? endOfUserText(host, boundary) ?? startOfFirstLine(host, boundary);
  return { at, text: separatedDraft(draft, textBetween(host, at, 'before'), textBetween(host, at, 'after')) };
}

/** Where and what to insert in a plain-text reply field (a textarea). */
export function fieldInsertion(field: HTMLTextAreaElement, draft: string): FieldInsertion {
  const value = field.value;
  let offset: number;
  if (field.ownerDocument.activeElement === field) {
    offset = field.selectionEnd ?? value.length;
  } else {
    const own = value.slice(0, quotedTextStart(value));
    offset = own.trim() ? own.replace(/\s+$/, '').length : 0;
  }
  return { offset, text: separatedDraft(draft, value.slice(0, offset), value.slice(offset)) };
}
