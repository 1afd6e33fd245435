/** Counts a download's bytes and files into progress reports with a fraction that never goes back and an ETA. */

export interface DownloadProgress {
  modelId: string;
  /** Bytes on disk or received so far, including those found already cached. */
  loadedBytes: number;
  /** Shard sizes from tensor-cache.json plus other files' sizes as they become known. */
  totalBytes: number;
  /** 0..1, never decreasing, exactly 1 when the model is complete. */
  fraction: number;
  filesDone: number;
  filesTotal: number;
  /** Seconds left at the network rate seen so far; absent until there is a rate to go by. */
  etaSeconds?: number;
  /** Part of `loadedBytes` that was already cached before this download. */
  fromCacheBytes: number;
}

const MIN_INTERVAL_MS = 100;
const MIN_ETA_ELAPSED_MS = 500;
const MAX_INCOMPLETE = 0.99;

export class ProgressTracker {
  private readonly expected = new Map<string, number>();
  private readonly received = new Map<string, number>();
  private readonly done = new Set<string>();
  /** Undefined until the plan is known: reports before that would show a total without the shards. */
  private planned: readonly string[] | undefined;
  private networkBytes = 0;
  private cachedBytes = 0;
  private lastEmit = -Infinity;
  /** A report held back by the pacing, sent when it allows: bytes that came just before a stall are shown. */
  private trailing: ReturnType<typeof setTimeout> | undefined;
  private lastFraction = 0;
  private readonly startedAt: number;

  constructor(
    private readonly modelId: string,
    private readonly now: () => number,
    private readonly listener?: (progress: DownloadProgress) => void,
  ) {
    this.startedAt = now();
  }

  setPlan(urls: readonly string[]): void {
    this.planned = urls;
  }

  expect(url: string, bytes: number): void {
    this.expected.set(url, bytes);
  }

  addCached(url: string, bytes: number): void {
    this.expected.set(url, bytes);
    this.received.set(url, bytes);
    this.cachedBytes += bytes;
    this.done.add(url);
  }

  addReceived(url: string, bytes: number): void {
    this.received.set(url, (this.received.get(url) ?? 0) + bytes);
    this.networkBytes += bytes;
  }

  /** Part of the file was stored by an earlier, interrupted download: it counts as loaded, not as network bytes. */
  resume(url: string, bytes: number): void {
    this.received.set(url, bytes);
    this.cachedBytes += bytes;
  }

  /** The file is stored: its size is now what was received. */
  finish(url: string): void {
    this.expected.set(url, this.received.get(url) ?? 0);
    this.done.add(url);
  }

  /** Bytes the model still has to store: everything planned that is not done. */
  bytesNotStored(): number {
    let total = 0;
    for (const url of this.planned ?? []) {
      if (!this.done.has(url)) total += Math.max(this.expected.get(url) ?? 0, this.received.get(url) ?? 0);
    }
    return total;
  }

  snapshot(): DownloadProgress {
    let loadedBytes = 0;
    let totalBytes = 0;
    let filesDone = 0;
    const planned = this.planned ?? [];
    for (const url of planned) {
      const got = this.received.get(url) ?? 0;
      loadedBytes += got;
      totalBytes += Math.max(this.expected.get(url) ?? 0, got);
      if (this.done.has(url)) filesDone += 1;
    }
    const complete = this.planned !== undefined && filesDone === planned.length;
    // Below 1 until every file is stored: a file of still unknown size may remain.
    const raw = complete ? 1 : totalBytes > 0 ? Math.min(MAX_INCOMPLETE, loadedBytes / totalBytes) : 0;
    const fraction = Math.max(this.lastFraction, raw);
    this.lastFraction = fraction;
    const progress: DownloadProgress = {
      modelId: this.modelId,
      loadedBytes,
      totalBytes,
      fraction,
      filesDone,
      filesTotal: planned.length,
      fromCacheBytes: this.cachedBytes,
    };
    const elapsed = this.now() - this.startedAt;
    if (complete) progress.etaSeconds = 0;
    else if (this.networkBytes > 0 && elapsed >= MIN_ETA_ELAPSED_MS) {
      const bytesPerMs = this.networkBytes / elapsed;
      progress.etaSeconds = Math.ceil((totalBytes - loadedBytes) / bytesPerMs / 1000);
    }
    return progress;
  }

  /** Reports at most every 100 ms unless `force` (a file finished, or the end); a held-back report follows later. */
  emit(force = false): void {
    if (!this.listener || this.planned === undefined) return;
    const now = this.now();
    const wait = MIN_INTERVAL_MS - (now - this.lastEmit);
    if (!force && wait > 0) {
      this.trailing ??= setTimeout(() => {
        this.trailing = undefined;
        this.emit(true);
      }, wait);
      return;
    }
    this.stop();
    this.lastEmit = now;
    this.listener(this.snapshot());
  }

  /** No more reports: the download ended. */
  stop(): void {
    clearTimeout(this.trailing);
    this.trailing = undefined;
  }
}
