/**
 * What was written to a streamed text, for a view that renders it as it grows: the pieces appended since the text was
 * last replaced. A reader keeps a mark and takes only what came after it, so that following a long reply never reads
 * the whole of it (a string built by `+=` is copied whole the first time any part of it is read).
 */

/** Where a reader got to: opaque to it. */
export interface TextLogMark {
  readonly generation: number;
  readonly pieces: number;
}

export interface TextLogRead {
  mark: TextLogMark;
  /** What came after the reader's mark; the whole text when `replaced`. */
  text: string;
  /** The text was replaced since the mark (or there was none): `text` is all of it. */
  replaced: boolean;
}

export class TextLog {
  private pieces: string[] = [];
  private generation = 0;

  append(text: string): void {
    if (text !== '') this.pieces.push(text);
  }

  replace(text: string): void {
    this.generation++;
    this.pieces = text === '' ? [] : [text];
  }

  /** What was written since `mark`, and the mark to read from next time. */
  readSince(mark: TextLogMark | undefined): TextLogRead {
    const next = { generation: this.generation, pieces: this.pieces.length };
    if (mark?.generation !== this.generation) return { mark: next, text: this.pieces.join(''), replaced: true };
    return { mark: next, text: this.pieces.slice(mark.pieces).join(''), replaced: false };
  }
}
