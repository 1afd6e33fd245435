/** Splits structured text into blocks (paragraphs, headings, lists, whole fenced code blocks) with exact offsets. */

export interface TextBlock {
  /** Offset of the block's first character. */
  start: number;
  /** Offset just past the block and the blank lines after it, i.e. the next block's start. */
  end: number;
  /** 1–6 for a markdown heading line, otherwise undefined. */
  headingLevel?: number;
  /** Heading text without the `#` marks. */
  heading?: string;
}

const HEADING_LINE = /^(#{1,6})[ \t]+(\S.*)$/;
const FENCE_LINE = /^[ \t]*(`{3,}|~{3,})/;

/**
 * A block ends at a blank line, or just before a heading line. Blank lines inside a ``` or ~~~ fence do not end it,
 * so a code block stays whole. Blocks tile the text: block[i].end === block[i+1].start, last end === text.length.
 */
export function parseTextBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: TextBlock | null = null;
  let afterBlank = false;
  let openFence: string | null = null;
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const isBlank = line.trim() === '';
    if (openFence !== null) {
      if (line.trim().startsWith(openFence) && line.trim().replace(/^[`~]+/, '') === '') openFence = null;
    } else if (!isBlank) {
      const heading = HEADING_LINE.exec(line);
      if (!current || afterBlank || heading) {
        if (current) current.end = lineStart;
        current = { start: lineStart, end: text.length };
        if (heading) {
          current.headingLevel = heading[1]!.length;
          current.heading = heading[2]!.replace(/\s+#+\s*$/, '').trim();
        }
        blocks.push(current);
      }
      const fence = FENCE_LINE.exec(line)?.[1];
      if (fence) openFence = fence;
      afterBlank = false;
    } else {
      afterBlank = true;
    }
    lineStart = lineEnd + 1;
  }
  if (blocks.length === 0) return text ? [{ start: 0, end: text.length }] : [];
  blocks[0]!.start = 0; // leading blank lines belong to the first block so blocks tile the text
  return blocks;
}
