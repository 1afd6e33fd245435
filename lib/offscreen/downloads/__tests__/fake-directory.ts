/** An in-memory OPFS folder for GgufStore tests: files, writables that commit on close, and a storage quota. */
import type { DirectoryLike, FileHandleLike, WritableLike } from '../gguf-store';

export class FakeDirectory implements DirectoryLike {
  readonly files = new Map<string, Uint8Array>();

  /** quotaBytes: total bytes the folder may hold; a write beyond it throws QuotaExceededError. */
  constructor(private readonly quotaBytes = Number.POSITIVE_INFINITY) {}

  async getFileHandle(name: string, options: { create?: boolean } = {}): Promise<FileHandleLike> {
    if (!this.files.has(name)) {
      if (!options.create) throw new DOMException(`${name} not found`, 'NotFoundError');
      this.files.set(name, new Uint8Array());
    }
    return {
      getFile: async () => new File([Uint8Array.from(this.files.get(name) ?? [])], name),
      createWritable: async ({ keepExistingData = false } = {}) => this.writable(name, keepExistingData),
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

  /** Like OPFS: writes go to a copy that replaces the file on close. */
  private writable(name: string, keepExistingData: boolean): WritableLike {
    let buffer = keepExistingData ? Uint8Array.from(this.files.get(name) ?? []) : new Uint8Array();
    let position = 0;
    return {
      seek: async (offset) => {
        position = offset;
      },
      write: async (data) => {
        const end = position + data.length;
        const others = this.totalBytes() - (this.files.get(name)?.length ?? 0);
        if (others + Math.max(end, buffer.length) > this.quotaBytes) {
          throw new DOMException('quota', 'QuotaExceededError');
        }
        if (end > buffer.length) {
          const grown = new Uint8Array(end);
          grown.set(buffer);
          buffer = grown;
        }
        buffer.set(data, position);
        position = end;
      },
      close: async () => {
        this.files.set(name, buffer);
      },
    };
  }
}
