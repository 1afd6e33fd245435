/**
 * GGUF models for the CPU engine, stored in the origin private file system (OPFS): downloaded with progress, resumed
 * after a cut with an HTTP range request, cancelled, listed with their size, opened as files for llama.cpp, deleted.
 * A part is complete once its `.done` marker (URL and size) sits beside it; a part without one is a partial download.
 * Each part is written as a run of segment files, each committed once full: OPFS keeps a file's new bytes only when
 * its writer closes, so a full disk or a browser closed mid-download loses at most the segment being written.
 */
import type { GgufModelRecord } from '../../models/types';
import type { ModelDiskStatus } from '../../protocol/messages';
import { isQuotaError } from './cache-store';
import { describeCause, DownloadFailure, hostOf } from './download-errors';
import { failedDownload, finishedDownload, type DownloadOptions, type DownloadResult } from './download-model';
import { ProgressTracker } from './download-progress';
import { doneMarkerName, ggufParts, modelKey, storedPartName, type GgufPart } from './gguf-files';
import { SegmentWriter, removeSegments, storedSegments, type DirectoryLike } from './gguf-segments';

export type { DirectoryLike, FileHandleLike, WritableLike } from './gguf-segments';

export interface GgufStoreDeps {
  directory(): Promise<DirectoryLike>;
  fetch: typeof fetch;
  now(): number;
  /** The most bytes one segment file holds (default SEGMENT_BYTES). */
  segmentBytes?: number;
}

/** "GGUF" in ASCII: the first four bytes of every GGUF file. */
const GGUF_MAGIC = [0x47, 0x47, 0x55, 0x46];

/** At most this much of a download is lost to a full disk or a browser closed mid-download. */
export const SEGMENT_BYTES = 16 * 1024 * 1024;

interface DoneMarker {
  url: string;
  bytes: number;
}

interface Download {
  result: Promise<DownloadResult>;
  listeners: Set<NonNullable<DownloadOptions['onProgress']>>;
}

export class GgufStore {
  private readonly downloads = new Map<string, Download>();

  constructor(private readonly deps: GgufStoreDeps) {}

  /** Fetches every part that is not stored yet; a second caller for the same model shares the first download. */
  download(record: GgufModelRecord, options: DownloadOptions = {}): Promise<DownloadResult> {
    const running = this.downloads.get(record.model);
    if (running) {
      if (options.onProgress) running.listeners.add(options.onProgress);
      return running.result;
    }
    const listeners = new Set<NonNullable<DownloadOptions['onProgress']>>();
    if (options.onProgress) listeners.add(options.onProgress);
    const result = this.fetchParts(record, options.signal, listeners).finally(() =>
      this.downloads.delete(record.model),
    );
    this.downloads.set(record.model, { result, listeners });
    return result;
  }

  async status(record: GgufModelRecord): Promise<ModelDiskStatus> {
    const directory = await this.deps.directory();
    const parts = ggufParts(record.model);
    let bytesOnDisk = 0;
    let filesCached = 0;
    for (const part of parts) {
      const name = await storedPartName(record.model, part);
      const size = totalSize(await storedSegments(directory, name));
      bytesOnDisk += size;
      if (size > 0 && (await readMarker(directory, name))?.bytes === size) filesCached += 1;
    }
    return { bytesOnDisk, complete: filesCached === parts.length, filesCached, filesTotal: parts.length };
  }

  /** The stored parts as files, in order, or undefined when any is missing or incomplete. */
  async open(record: GgufModelRecord): Promise<Blob[] | undefined> {
    const directory = await this.deps.directory();
    const files: Blob[] = [];
    for (const part of ggufParts(record.model)) {
      const name = await storedPartName(record.model, part);
      const marker = await readMarker(directory, name);
      const segments = await storedSegments(directory, name);
      if (segments.length === 0 || !marker || marker.bytes !== totalSize(segments)) return undefined;
      // One file per part, named as llama.cpp names parts (wllama orders split models by it); no bytes are copied.
      files.push(segments.length === 1 ? segments[0]! : new File(segments, name));
    }
    return files;
  }

  /**
   * True when a part stored as complete is not a GGUF file any more: its size differs from its marker, or it does not
   * start with the GGUF magic (every part of a split model does). Damage inside the weights cannot be told this way.
   */
  async damaged(record: GgufModelRecord): Promise<boolean> {
    const directory = await this.deps.directory();
    for (const part of ggufParts(record.model)) {
      const name = await storedPartName(record.model, part);
      const marker = await readMarker(directory, name);
      if (!marker) continue;
      const segments = await storedSegments(directory, name);
      if (marker.bytes !== totalSize(segments)) return true;
      const head = new Uint8Array(await new Blob(segments).slice(0, GGUF_MAGIC.length).arrayBuffer());
      if (GGUF_MAGIC.some((byte, index) => head[index] !== byte)) return true;
    }
    return false;
  }

  async delete(record: GgufModelRecord): Promise<void> {
    const directory = await this.deps.directory();
    const prefix = await modelKey(record.model);
    for (const name of await listNames(directory)) {
      if (name.startsWith(prefix)) await directory.removeEntry(name).catch(() => undefined);
    }
  }

  async deleteAll(): Promise<void> {
    const directory = await this.deps.directory();
    for (const name of await listNames(directory)) await directory.removeEntry(name).catch(() => undefined);
  }

  private async fetchParts(
    record: GgufModelRecord,
    signal: AbortSignal | undefined,
    listeners: ReadonlySet<NonNullable<DownloadOptions['onProgress']>>,
  ): Promise<DownloadResult> {
    if (signal?.aborted) return { ok: false, error: { code: 'cancelled' } };
    const progress = new ProgressTracker(
      record.model_id,
      () => this.deps.now(),
      (report) => listeners.forEach((listener) => listener(report)),
    );
    const parts = ggufParts(record.model);
    progress.setPlan(parts.map((part) => part.url));
    try {
      const directory = await this.deps.directory();
      for (const part of parts) {
        if (signal?.aborted) throw new DownloadFailure({ code: 'cancelled' });
        const size = await this.fetchPart(directory, record, part, progress, signal);
        // Split parts are about equal: until the next part answers, its size is guessed from this one's.
        for (const later of parts.slice(part.index)) progress.expect(later.url, size);
        progress.emit(true);
      }
      return finishedDownload(progress);
    } catch (error) {
      return failedDownload(error, progress, signal);
    }
  }

  /** Leaves one part stored and marked done; returns its size. */
  private async fetchPart(
    directory: DirectoryLike,
    record: GgufModelRecord,
    part: GgufPart,
    progress: ProgressTracker,
    signal: AbortSignal | undefined,
  ): Promise<number> {
    const name = await storedPartName(record.model, part);
    const segments = await storedSegments(directory, name);
    const stored = totalSize(segments);
    const marker = await readMarker(directory, name);
    if (marker && marker.bytes === stored && stored > 0) {
      progress.addCached(part.url, stored);
      return stored;
    }
    const network = (cause: unknown) =>
      new DownloadFailure({ code: 'network', host: hostOf(part.url), url: part.url, detail: describeCause(cause) });
    // Called unbound: `window.fetch` throws "Illegal invocation" when called as a method of another object.
    const fetchPart = this.deps.fetch;
    let response: Response;
    try {
      response = await fetchPart(part.url, {
        signal,
        ...(stored > 0 ? { headers: { Range: `bytes=${stored}-` } } : {}),
      });
    } catch (error) {
      throw network(error);
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new DownloadFailure({ code: 'http', status: response.status, host: hostOf(part.url), url: part.url });
    }
    // 206: the host sends the rest; 200: it ignored the range and sends the whole file again.
    const start = response.status === 206 ? stored : 0;
    if (start === 0 && stored > 0) await removeSegments(directory, name, segments.length);
    const declared = declaredLength(response);
    if (declared !== undefined) progress.expect(part.url, start + declared);
    if (start > 0) progress.resume(part.url, start);
    progress.emit(true);

    const writer = new SegmentWriter(directory, name, start > 0 ? segments.length : 0, this.segmentBytes);
    let received = 0;
    const reader = response.body?.getReader();
    try {
      while (reader) {
        const { done, value } = await reader.read();
        if (done) break;
        await writer.write(value);
        received += value.byteLength;
        progress.addReceived(part.url, value.byteLength);
        progress.emit();
      }
    } catch (error) {
      // Ends the transfer: on a full disk the rest of a file of gigabytes would otherwise keep coming for nothing.
      await reader?.cancel().catch(() => undefined);
      if (isQuotaError(error)) {
        // The segment the disk refused is lost; the ones before it stay, and the next attempt resumes after them.
        await writer.discard();
        throw new DownloadFailure({ code: 'quota', bytesNeeded: 0 });
      }
      // What arrived stays stored, so the next attempt resumes from there.
      await writer.commit().catch(() => undefined);
      throw network(error);
    }
    await writer.commit();
    if (declared !== undefined && received < declared) throw network(`ended after ${received} of ${declared} bytes`);
    const bytes = start + received;
    await writeMarker(directory, name, { url: part.url, bytes });
    progress.finish(part.url);
    return bytes;
  }

  private get segmentBytes(): number {
    return this.deps.segmentBytes ?? SEGMENT_BYTES;
  }
}

function totalSize(files: readonly Blob[]): number {
  return files.reduce((sum, file) => sum + file.size, 0);
}

/** Content-Length counts encoded bytes, so it only predicts the body when there is no Content-Encoding. */
function declaredLength(response: Response): number | undefined {
  if (response.headers.get('content-encoding')) return undefined;
  const value = Number(response.headers.get('content-length') ?? NaN);
  return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

async function readMarker(directory: DirectoryLike, partName: string): Promise<DoneMarker | undefined> {
  try {
    const file = await (await directory.getFileHandle(doneMarkerName(partName))).getFile();
    const marker = JSON.parse(await file.text()) as Partial<DoneMarker>;
    return typeof marker.url === 'string' && typeof marker.bytes === 'number'
      ? { url: marker.url, bytes: marker.bytes }
      : undefined;
  } catch {
    return undefined;
  }
}

async function writeMarker(directory: DirectoryLike, partName: string, marker: DoneMarker): Promise<void> {
  const writable = await (await directory.getFileHandle(doneMarkerName(partName), { create: true })).createWritable();
  await writable.write(new TextEncoder().encode(JSON.stringify(marker)));
  await writable.close();
}

async function listNames(directory: DirectoryLike): Promise<string[]> {
  const names: string[] = [];
  for await (const name of directory.keys()) names.push(name);
  return names;
}
