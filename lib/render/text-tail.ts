/**
 * The end of a growing text, held in chunks: appending is O(1), and reading the text from some place on costs what is
 * read, however long the text is. A JavaScript string built by `+=` is read whole (copied into one piece) the first
 * time any part of it is read, so a stream that kept its whole text as one string copied all of it at every update.
 * Offsets are the whole text's; what lies before `base` was let go (`dropBefore`) and cannot be read.
 */

/** Chunks grow by appends up to about this many characters; reading a few characters copies at most one chunk. */
const CHUNK_CHARS = 1024;

export class TextTail {
  private chunks: string[] = [];
  /** Where each chunk begins in the whole text. */
  private starts: number[] = [];
  private total = 0;
  /** Chunks read by `slice` and `lastIndexOf` so far: what tests of its cost count. */
  chunksRead = 0;

  /** The whole text's length, including what was let go. */
  get length(): number {
    return this.total;
  }

  /** Where the text still held begins. */
  get base(): number {
    return this.starts[0] ?? this.total;
  }

  append(text: string): void {
    if (text === '') return;
    const last = this.chunks.length - 1;
    if (last >= 0 && this.chunks[last]!.length < CHUNK_CHARS) this.chunks[last] += text;
    else {
      this.chunks.push(text);
      this.starts.push(this.total);
    }
    this.total += text.length;
  }

  /** The text from `from` (an offset in the whole text, not before `base`) to its end. */
  slice(from: number): string {
    if (from < this.base) throw new RangeError(`Offset ${from} lies before ${this.base}, which was let go`);
    if (from >= this.total) return '';
    let index = this.chunks.length - 1;
    while (this.starts[index]! > from) index--;
    this.chunksRead += this.chunks.length - index;
    const first = this.chunks[index]!.slice(from - this.starts[index]!);
    return index === this.chunks.length - 1 ? first : first + this.chunks.slice(index + 1).join('');
  }

  /** The last offset of `search` (one character) in the text held, or -1: read from the end, as far as it is found. */
  lastIndexOf(search: string): number {
    for (let index = this.chunks.length - 1; index >= 0; index--) {
      this.chunksRead++;
      const at = this.chunks[index]!.lastIndexOf(search);
      if (at >= 0) return this.starts[index]! + at;
    }
    return -1;
  }

  /** Lets go of the chunks that end at or before `offset`: nothing before it will be read again. */
  dropBefore(offset: number): void {
    let count = 0;
    while (count < this.chunks.length && this.starts[count]! + this.chunks[count]!.length <= offset) count++;
    if (count === 0) return;
    this.chunks = this.chunks.slice(count);
    this.starts = this.starts.slice(count);
  }
}
