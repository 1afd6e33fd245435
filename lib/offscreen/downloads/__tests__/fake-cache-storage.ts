/** An in-memory Cache API for Node tests: keys by full URL, stores a body only once it is fully read, optional quota. */
import type { CacheLike, CacheStorageLike } from '../cache-store';

interface StoredEntry {
  body: Uint8Array;
  status: number;
  headers: [string, string][];
}

export class FakeCache implements CacheLike {
  readonly entries = new Map<string, StoredEntry>();
  constructor(private readonly storage: FakeCacheStorage) {}

  async match(request: RequestInfo | URL): Promise<Response | undefined> {
    const entry = this.entries.get(keyOf(request));
    if (!entry) return undefined;
    return new Response(entry.body.slice(), { status: entry.status, headers: entry.headers });
  }

  async put(request: RequestInfo | URL, response: Response): Promise<void> {
    const body = new Uint8Array(await response.arrayBuffer());
    const key = keyOf(request);
    const quota = this.storage.quotaBytes;
    if (
      quota !== undefined &&
      this.storage.usedBytes() - (this.entries.get(key)?.body.byteLength ?? 0) + body.byteLength > quota
    ) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    this.entries.set(key, { body, status: response.status, headers: [...response.headers] });
  }

  /** WebLLM calls this only for a key it did not find: in these tests that means a wrong key. */
  async add(request: RequestInfo | URL): Promise<void> {
    this.storage.addCalls.push(keyOf(request));
    throw new TypeError(`offline: cache.add(${keyOf(request)})`);
  }

  async delete(request: RequestInfo | URL): Promise<boolean> {
    return this.entries.delete(keyOf(request));
  }

  async keys(): Promise<ReadonlyArray<Request>> {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
}

export class FakeCacheStorage implements CacheStorageLike {
  readonly caches = new Map<string, FakeCache>();
  readonly addCalls: string[] = [];
  constructor(readonly quotaBytes?: number) {}

  async open(name: string): Promise<FakeCache> {
    let cache = this.caches.get(name);
    if (!cache) {
      cache = new FakeCache(this);
      this.caches.set(name, cache);
    }
    return cache;
  }

  async delete(name: string): Promise<boolean> {
    return this.caches.delete(name);
  }

  async has(name: string): Promise<boolean> {
    return this.caches.has(name);
  }

  usedBytes(): number {
    let total = 0;
    for (const cache of this.caches.values())
      for (const entry of cache.entries.values()) total += entry.body.byteLength;
    return total;
  }

  /** Cache name → sorted keys, leaving out empty caches. */
  snapshot(): Record<string, string[]> {
    const result: Record<string, string[]> = {};
    for (const [name, cache] of this.caches)
      if (cache.entries.size > 0) result[name] = [...cache.entries.keys()].sort();
    return result;
  }

  bodyOf(name: string, url: string): Uint8Array | undefined {
    return this.caches.get(name)?.entries.get(url)?.body;
  }

  /** Stores an entry directly, as if another writer had put it. */
  seed(name: string, url: string, body: Uint8Array, headers: [string, string][] = []): void {
    const cache = this.caches.get(name) ?? new FakeCache(this);
    this.caches.set(name, cache);
    cache.entries.set(url, { body, status: 200, headers });
  }
}

function keyOf(request: RequestInfo | URL): string {
  return typeof request === 'string' || request instanceof URL ? new Request(request).url : request.url;
}
