/**
 * An in-memory OPFS folder for GgufStore tests: files, writables that commit on close (and keep nothing when never
 * closed, like a browser closed mid-write), a storage quota whose refusal breaks the writable, as Chromium's does.
 */
import type { DirectoryLike, FileHandleLike, WritableLike } from '../gguf-store';

export class FakeDirectory implements DirectoryLike {
  readonly files = new Map<string, Uint8Array>();

  /** quotaBytes: total bytes the folder may hold; a write beyond it throws QuotaExceededError. */
  constructor(public quotaBytes = Number.POSITIVE_INFINITY) {}

  async getFileHandle(name: string, options: { create?: boolean } = {}): Promise<FileHandleLike> {
    if (!this.files.has(name)) {
      if (!options.create) throw new DOMException(`${name} not found`, 'NotFoundError');
      this.files.set(name, new Uint8Array());
    }
    return {
      getFile: async () => new File([Uint8Array.from(this.files.get(name) ?? [])], name),
      createWritable: async () => this.writable(name),
    };
  }

  async removeEntry(name: string): Promise<void> {
    if (!this.files.delete(name)) throw new DOMException(`${name} not found`, 'NotFoundError');
  }

  async *keys(): AsyncIterable<string> {
    yield* [...this.files.keys()];
  }

  totalBytes(): number {
    return [...this.files.values()].reduce((sum, bytes) => sum + bytes.length, 0);
  }

  /** Like OPFS: writes go to a copy that replaces the file on close; a refused write errors the stream. */
  private writable(name: string): WritableLike {
    let buffer = new Uint8Array();
    let errored = false;
    return {
      write: async (data) => {
        if (errored) throw new TypeError('Cannot write to an ERRORED writable stream');
        const others = this.totalBytes() - (this.files.get(name)?.length ?? 0);
        if (others + buffer.length + data.length > this.quotaBytes) {
          errored = true;
          throw new DOMException('quota', 'QuotaExceededError');
        }
        const grown = new Uint8Array(buffer.length + data.length);
        grown.set(buffer);
        grown.set(data, buffer.length);
        buffer = grown;
      },
      close: async () => {
        if (errored) throw new TypeError('Cannot close a ERRORED writable stream');
        this.files.set(name, buffer);
      },
      abort: async () => {
        errored = true;
      },
    };
  }
}
