/** Remembers where each captured selection was, by id, so a later replace finds the same place after focus moved away. */

export type TextField = HTMLInputElement | HTMLTextAreaElement;

/** A selection inside an input or textarea: character offsets into its value. */
export interface TextFieldAnchor {
  kind: 'text-field';
  field: TextField;
  start: number;
  end: number;
  original: string;
}

/** A selection in a contenteditable editing host; `original` is the range's raw `toString()`, used to detect edits. */
export interface RichTextAnchor {
  kind: 'rich-text';
  host: HTMLElement;
  range: Range;
  original: string;
}

/** A selection in an EditContext host (Monaco): offsets into the EditContext's text, which holds the editor's text. */
export interface EditContextAnchor {
  kind: 'edit-context';
  element: HTMLElement;
  start: number;
  end: number;
  original: string;
}

/** A selection in page text that cannot be edited; kept so errors can say so rather than "lost". */
export interface ReadOnlyAnchor {
  kind: 'read-only';
  range: Range;
  original: string;
}

export type SelectionAnchor = TextFieldAnchor | RichTextAnchor | EditContextAnchor | ReadOnlyAnchor;

/** Old anchors are dropped beyond this many so a long-lived page does not hold detached DOM forever. */
const MAX_ANCHORS = 32;

const anchors = new Map<string, SelectionAnchor>();
let counter = 0;

function newAnchorId(): string {
  counter += 1;
  const random = globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2);
  return `sel-${counter}-${random}`;
}

export function rememberAnchor(anchor: SelectionAnchor): string {
  const id = newAnchorId();
  anchors.set(id, anchor);
  while (anchors.size > MAX_ANCHORS) {
    const oldest = anchors.keys().next().value;
    if (oldest === undefined) break;
    anchors.delete(oldest);
  }
  return id;
}

export function lookUpAnchor(id: string): SelectionAnchor | undefined {
  return anchors.get(id);
}

/** Replaces the stored anchor after an edit, so a second replace targets the text that is there now. */
export function updateAnchor(id: string, anchor: SelectionAnchor): void {
  if (anchors.has(id)) anchors.set(id, anchor);
}

export function forgetAnchor(id: string): void {
  anchors.delete(id);
}
