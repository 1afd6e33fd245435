/** How text to insert splits into an editor's paragraphs, and how to tell afterwards whether an edit landed as intended. */

/** Zero-width characters editors put in their DOM as carets and fillers (CKEditor, Slate, Lexical). */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/** How much text on each side of an edit a check compares: enough to see a lost sentence, not a virtualised page. */
const CONTEXT_CHARS = 240;

/**
 * The paragraphs of `text` as an editor should get them. In rich text a blank line is the paragraph break itself
 * (the model writes paragraphs apart as the selection showed them); in code, plain-text hosts and EditContext
 * hosts every line counts, blank ones too.
 */
export function paragraphsOf(text: string, keepBlankLines: boolean): string[] {
  return text.split(keepBlankLines ? /\r?\n/ : /\r?\n(?:[ \t]*\r?\n)*/);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Paragraphs as clipboard HTML, so each editor's paste parser makes one block of each. */
export function paragraphsAsHtml(paragraphs: readonly string[]): string {
  return paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('');
}

/** The text with everything an editor may render its own way (white space, line breaks, zero-width fillers) left out. */
export function textSignature(text: string): string {
  return text.replace(ZERO_WIDTH, '').replace(/\s+/g, '');
}

/**
 * Whether the editor's text after an edit holds the intended text with what surrounded the selection on both sides,
 * compared without white space (editors write paragraph breaks and spaces their own way).
 */
export function editLandedAsIntended(
  after: string,
  before: { prefix: string; suffix: string },
  written: string,
): boolean {
  const prefix = textSignature(before.prefix).slice(-CONTEXT_CHARS);
  const suffix = textSignature(before.suffix).slice(0, CONTEXT_CHARS);
  return textSignature(after).includes(prefix + textSignature(written) + suffix);
}
