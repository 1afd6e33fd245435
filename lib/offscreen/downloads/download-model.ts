/** Downloads a model's files into WebLLM's caches for offline use: streamed, resumable, cancellable, stored whole. */
import type { ModelRecord } from '@mlc-ai/web-llm';
import {
  cachedEntrySize,
  cachedJsonReader,
  isQuotaError,
  scopeOpener,
  type CacheLike,
  type CacheStorageLike,
} from './cache-store';
import { describeCause, DownloadFailure, hostOf, type DownloadError } from './download-errors';
import { ProgressTracker, type DownloadProgress } from './download-progress';
import { planModelFiles, type ModelFile } from './model-files';
import type { CacheScope } from './webllm-urls';

export interface DownloadDeps {
  caches: CacheStorageLike;
  fetch: typeof fetch;
  /** Milliseconds, for ETA and report pacing, e.g. `() => Date.now()`. */
  now(): number;
}

export interface DownloadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** Files fetched at once; WebLLM itself uses 4. */
  concurrency?: number;
}

export type DownloadResult =
  { ok: true; bytesDownloaded: number; bytesFromCache: number } | { ok: false; error: DownloadError };

/** Fetches every file `engine.reload(record.model_id)` needs that is not cached yet; see webllm-urls.ts for the keys. */
export async function downloadModel(
  record: ModelRecord,
  deps: DownloadDeps,
  options: DownloadOptions = {},
): Promise<DownloadResult> {
  const { signal } = options;
  if (signal?.aborted) return { ok: false, error: { code: 'cancelled' } };
  const stop = new AbortController();
  const onAbort = () => stop.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const progress = new ProgressTracker(record.model_id, () => deps.now(), options.onProgress);
  const open = scopeOpener(deps.caches);
  const readCached = cachedJsonReader(open);
  const ensured = new Set<string>();
  const ensure = (file: ModelFile) => ensureFile(file, { deps, open, progress, stop: stop.signal });

  try {
    const plan = await planModelFiles(record, async (url, scope) => {
      const file: ModelFile = { url, scope, kind: scope === 'webllm/config' ? 'config' : 'tensor-cache' };
      await ensure(file);
      ensured.add(url);
      // Stored just now: one that cannot be read back counts as corrupt (''), not as not yet cached (undefined).
      return (await readCached(url, scope)) ?? '';
    });
    if (!plan.ok) return { ok: false, error: plan.error };
    progress.setPlan(plan.files.map((file) => file.url));
    for (const file of plan.files) if (file.bytes !== undefined) progress.expect(file.url, file.bytes);
    progress.emit(true);

    // Small files first so every size is known before the long shard downloads.
    const rest = plan.files.filter((file) => !ensured.has(file.url));
    rest.sort((a, b) => Number(a.kind === 'shard') - Number(b.kind === 'shard'));
    await runPool(rest, Math.max(1, options.concurrency ?? 3), ensure, stop);
    return finishedDownload(progress);
  } catch (error) {
    return failedDownload(error, progress, signal);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

interface FileContext {
  deps: DownloadDeps;
  open: (scope: CacheScope) => Promise<CacheLike>;
  progress: ProgressTracker;
  stop: AbortSignal;
}

/** Leaves the file cached: skipped when already there, else fetched whole and put under its exact URL. */
async function ensureFile(file: ModelFile, context: FileContext): Promise<void> {
  const { progress, stop } = context;
  if (stop.aborted) throw new DownloadFailure({ code: 'cancelled' });
  const cache = await context.open(file.scope);
  const cached = await cache.match(new Request(file.url));
  if (cached) {
    progress.addCached(file.url, file.bytes ?? (await cachedEntrySize(cached)));
    progress.emit(true);
    return;
  }
  const { body, headers } = await receive(file, context);
  const stored = new Headers(headers);
  stored.delete('content-encoding');
  stored.set('content-length', String(body.size));
  try {
    await cache.put(new Request(file.url), new Response(body, { status: 200, headers: stored }));
  } catch (error) {
    if (isQuotaError(error)) throw new DownloadFailure({ code: 'quota', bytesNeeded: 0 });
    throw new DownloadFailure({ code: 'storage', detail: describeCause(error) });
  }
  progress.finish(file.url);
  progress.emit(true);
}

/** Streams one file, counting bytes as they arrive; throws a DownloadFailure unless every byte came. */
async function receive(
  file: ModelFile,
  { deps, progress, stop }: FileContext,
): Promise<{ body: Blob; headers: Headers }> {
  const network = (error: unknown): DownloadFailure =>
    new DownloadFailure({ code: 'network', host: hostOf(file.url), url: file.url, detail: describeCause(error) });
  // Called unbound: `window.fetch` throws "Illegal invocation" when called as a method of another object.
  const fetchFile = deps.fetch;
  let response: Response;
  try {
    response = await fetchFile(file.url, { signal: stop });
  } catch (error) {
    throw network(error);
  }
  if (!response.ok) {
    // Only frees the connection: the HTTP status is the failure that matters, and it is thrown next.
    await response.body?.cancel().catch(() => undefined);
    throw new DownloadFailure({ code: 'http', status: response.status, host: hostOf(file.url), url: file.url });
  }
  const declared = declaredLength(response);
  if (file.bytes === undefined && declared !== undefined) progress.expect(file.url, declared);

  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  try {
    const reader = response.body?.getReader();
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      progress.addReceived(file.url, value.byteLength);
      progress.emit();
    }
  } catch (error) {
    throw network(error);
  }
  if (declared !== undefined && received < declared) throw network(`ended after ${received} of ${declared} bytes`);
  if (file.bytes !== undefined && received !== file.bytes) {
    throw new DownloadFailure({
      code: 'corrupt',
      urls: [file.url],
      detail: `received ${received} bytes, tensor-cache.json says ${file.bytes}`,
    });
  }
  return { body: new Blob(chunks), headers: response.headers };
}

/** Content-Length counts encoded bytes, so it only predicts the body when there is no Content-Encoding. */
function declaredLength(response: Response): number | undefined {
  if (response.headers.get('content-encoding')) return undefined;
  const value = Number(response.headers.get('content-length') ?? NaN);
  return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** Runs `work` over items, `limit` at a time; the first failure stops the rest and is rethrown. */
async function runPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>, stop: AbortController) {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        if (!failure) {
          failure = { error };
          stop.abort();
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}

/** A download that ended well: what came over the network and what was already stored (WebLLM files and GGUF parts). */
export function finishedDownload(progress: ProgressTracker): DownloadResult {
  progress.emit(true);
  const final = progress.snapshot();
  return { ok: true, bytesDownloaded: final.loadedBytes - final.fromCacheBytes, bytesFromCache: final.fromCacheBytes };
}

/** Why a download stopped, for either store: cancelled, a typed failure, a full disk (with what is missing), storage. */
export function failedDownload(error: unknown, progress: ProgressTracker, signal?: AbortSignal): DownloadResult {
  progress.stop();
  if (signal?.aborted) return { ok: false, error: { code: 'cancelled' } };
  const quota = error instanceof DownloadFailure ? error.error.code === 'quota' : isQuotaError(error);
  if (quota) return { ok: false, error: { code: 'quota', bytesNeeded: progress.bytesNotStored() } };
  if (error instanceof DownloadFailure) return { ok: false, error: error.error };
  return { ok: false, error: { code: 'storage', detail: describeCause(error) } };
}
