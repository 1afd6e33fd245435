/** The slice of the Cache API the download manager uses, so Node tests can pass an in-memory fake. */
import type { FetchJson } from './model-files';
import type { CacheScope } from './webllm-urls';

export interface CacheLike {
  match(request: RequestInfo | URL): Promise<Response | undefined>;
  put(request: RequestInfo | URL, response: Response): Promise<void>;
  delete(request: RequestInfo | URL): Promise<boolean>;
  keys(): Promise<ReadonlyArray<Request>>;
}

/** `globalThis.caches` satisfies this. */
export interface CacheStorageLike {
  open(cacheName: string): Promise<CacheLike>;
  delete(cacheName: string): Promise<boolean>;
}

/** Opens each scope once per operation. */
export function scopeOpener(caches: CacheStorageLike): (scope: CacheScope) => Promise<CacheLike> {
  const opened = new Map<CacheScope, Promise<CacheLike>>();
  return (scope) => {
    let cache = opened.get(scope);
    if (!cache) {
      cache = caches.open(scope);
      opened.set(scope, cache);
    }
    return cache;
  };
}

/** Reads JSON from the cache only: undefined when absent, the raw text when it does not parse. */
export function cachedJsonReader(open: (scope: CacheScope) => Promise<CacheLike>): FetchJson {
  return async (url, scope) => {
    const response = await (await open(scope)).match(new Request(url));
    if (!response) return undefined;
    const text = await response.text();
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // As documented: the caller tells a damaged file by getting text instead of JSON.
      return text;
    }
  };
}

/** Size of a cached entry: its content-length header when present, else the body's size. */
export async function cachedEntrySize(response: Response): Promise<number> {
  const header = response.headers.get('content-length');
  const length = header === null ? NaN : Number(header);
  if (Number.isSafeInteger(length) && length >= 0) return length;
  return (await response.blob()).size;
}

export function isQuotaError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    ((error as { name?: unknown }).name === 'QuotaExceededError' || (error as { code?: unknown }).code === 22)
  );
}
