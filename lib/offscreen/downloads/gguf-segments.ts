/**
 * A GGUF part on disk as a run of segment files (`name`, `name.1`, `name.2`, …), each committed once full, so what a
 * download wrote survives a full disk or a closed browser up to the last full segment. A store from before segments
 * holds each part as `name` alone, which reads the same.
 */

/** The slice of OPFS the store uses, so Node tests can pass an in-memory folder. */
export interface WritableLike {
  write(data: Uint8Array): Promise<void>;
  /** Keeps what was written: until then the file is as it was (a browser closed mid-write keeps nothing of it). */
  close(): Promise<void>;
  /** Drops what was written. */
  abort(): Promise<void>;
}

export interface FileHandleLike {
  getFile(): Promise<Blob>;
  createWritable(): Promise<WritableLike>;
}

export interface DirectoryLike {
  /** Rejects (NotFoundError) when the file is missing and `create` is not set. */
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandleLike>;
  removeEntry(name: string): Promise<void>;
  keys(): AsyncIterable<string>;
}

export function segmentName(partName: string, index: number): string {
  return index === 0 ? partName : `${partName}.${index}`;
}

/** The part's stored segments in order, up to the first one that is missing or empty (a write that never closed). */
export async function storedSegments(directory: DirectoryLike, partName: string): Promise<File[]> {
  const files: File[] = [];
  for (let index = 0; ; index++) {
    const file = await directory
      .getFileHandle(segmentName(partName, index))
      .then((handle) => handle.getFile())
      .catch(() => undefined);
    if (!file || file.size === 0) return files;
    files.push(file as File);
  }
}

/** Deletes the part's first `count` segments (a download that starts over). */
export async function removeSegments(directory: DirectoryLike, partName: string, count: number): Promise<void> {
  for (let index = 0; index < count; index++)
    await directory.removeEntry(segmentName(partName, index)).catch(() => undefined);
}

/** Writes a part from segment `index` on: each segment is closed (kept) when it holds `limit` bytes. */
export class SegmentWriter {
  private writable: WritableLike | undefined;
  private filled = 0;

  constructor(
    private readonly directory: DirectoryLike,
    private readonly partName: string,
    private index: number,
    private readonly limit: number,
  ) {}

  async write(data: Uint8Array): Promise<void> {
    for (let offset = 0; offset < data.length;) {
      this.writable ??= await (
        await this.directory.getFileHandle(segmentName(this.partName, this.index), { create: true })
      ).createWritable();
      const take = Math.min(data.length - offset, this.limit - this.filled);
      await this.writable.write(data.subarray(offset, offset + take));
      this.filled += take;
      offset += take;
      if (this.filled >= this.limit) await this.commit();
    }
  }

  /** Keeps the segment being written. */
  async commit(): Promise<void> {
    const writable = this.writable;
    if (!writable) return;
    this.writable = undefined;
    this.filled = 0;
    this.index += 1;
    await writable.close();
  }

  /** Drops the segment being written (a write that storage refused leaves its stream unusable). */
  async discard(): Promise<void> {
    const writable = this.writable;
    this.writable = undefined;
    this.filled = 0;
    await writable?.abort().catch(() => undefined);
  }
}
