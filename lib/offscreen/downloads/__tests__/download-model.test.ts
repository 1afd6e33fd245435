import { describe, expect, it } from 'vitest';
import { downloadModel } from '../download-model';
import type { DownloadProgress } from '../download-progress';
import { FakeCacheStorage } from './fake-cache-storage';
import { fakeModelFiles, fakeRecord, fakeServer, SHARD_SIZES, steppingClock, WASM_URL } from './fake-model';

const BASE = 'http://127.0.0.1:8123/mlc-ai/Fake-Model-q4f32_1-MLC/resolve/main/';
const SHARD = (i: number) => `${BASE}params_shard_${i}.bin`;

function setup(quotaBytes?: number) {
  const files = fakeModelFiles();
  const server = fakeServer(files);
  const caches = new FakeCacheStorage(quotaBytes);
  const deps = { caches, fetch: server.fetch, now: steppingClock() };
  const neededBytes = [...files]
    .filter(([url]) => !url.endsWith('vocab.json'))
    .reduce((sum, [, b]) => sum + b.byteLength, 0);
  return { files, server, caches, deps, record: fakeRecord(), neededBytes };
}

describe('downloadModel', () => {
  it('stores every file WebLLM reads, under its exact key and scope, and nothing else', async () => {
    const { files, server, caches, deps, record } = setup();
    const result = await downloadModel(record, deps);
    expect(result).toMatchObject({ ok: true, bytesFromCache: 0 });
    expect(caches.snapshot()).toEqual({
      'webllm/config': [`${BASE}mlc-chat-config.json`],
      'webllm/model': [SHARD(0), SHARD(1), SHARD(2), `${BASE}tensor-cache.json`, `${BASE}tokenizer.json`].sort(),
      'webllm/wasm': [WASM_URL],
    });
    for (const [scope, urls] of Object.entries(caches.snapshot())) {
      for (const url of urls) expect(caches.bodyOf(scope, url)).toEqual(files.get(url));
    }
    expect(server.log).not.toContain(`${BASE}vocab.json`);
    expect(server.log).toHaveLength(7);
  });

  it('reports monotonic progress ending at fraction 1 with loadedBytes == totalBytes', async () => {
    const { deps, record, neededBytes } = setup();
    const reports: DownloadProgress[] = [];
    await downloadModel(record, deps, { onProgress: (p) => reports.push(p), concurrency: 1 });
    expect(reports.length).toBeGreaterThan(3);
    for (let i = 1; i < reports.length; i++) {
      expect(reports[i]!.loadedBytes).toBeGreaterThanOrEqual(reports[i - 1]!.loadedBytes);
      expect(reports[i]!.fraction).toBeGreaterThanOrEqual(reports[i - 1]!.fraction);
      expect(reports[i]!.filesDone).toBeGreaterThanOrEqual(reports[i - 1]!.filesDone);
    }
    for (const report of reports) expect(report.loadedBytes).toBeLessThanOrEqual(report.totalBytes);
    // Shard sizes are known from tensor-cache.json before any shard is fetched.
    expect(reports[0]!.totalBytes).toBeGreaterThanOrEqual(SHARD_SIZES.reduce((a, b) => a + b, 0));
    expect(reports.some((r) => r.etaSeconds !== undefined && r.etaSeconds > 0)).toBe(true);
    const last = reports.at(-1)!;
    expect(last).toMatchObject({
      fraction: 1,
      loadedBytes: neededBytes,
      totalBytes: neededBytes,
      filesDone: 7,
      filesTotal: 7,
    });
    expect(last.modelId).toBe(record.model_id);
  });

  it('leaves no entry for a file cut mid-way, keeps finished ones, and resumes fetching only what is missing', async () => {
    const { server, caches, deps, record, neededBytes } = setup();
    server.behavior.set(SHARD(1), { cutAfter: 2048 });
    const cut = await downloadModel(record, deps, { concurrency: 1 });
    expect(cut).toMatchObject({ ok: false, error: { code: 'network', host: '127.0.0.1:8123', url: SHARD(1) } });
    const model = caches.snapshot()['webllm/model'];
    expect(model).toContain(SHARD(0));
    expect(model).not.toContain(SHARD(1));
    expect(model).not.toContain(SHARD(2));

    server.behavior.clear();
    server.log.length = 0;
    const reports: DownloadProgress[] = [];
    const resumed = await downloadModel(record, deps, { concurrency: 1, onProgress: (p) => reports.push(p) });
    expect(resumed.ok).toBe(true);
    expect(server.log).toEqual([SHARD(1), SHARD(2)]);
    const last = reports.at(-1)!;
    expect(last.fromCacheBytes).toBe(neededBytes - SHARD_SIZES[1] - SHARD_SIZES[2]);
    expect(last).toMatchObject({ fraction: 1, loadedBytes: neededBytes, totalBytes: neededBytes });
    if (resumed.ok) expect(resumed.bytesDownloaded).toBe(SHARD_SIZES[1] + SHARD_SIZES[2]);
  });

  it('leaves no entry for a cut file whose size was never announced', async () => {
    const { server, caches, deps, record } = setup();
    server.behavior.set(`${BASE}tokenizer.json`, { cutAfter: 20, noLength: true });
    const result = await downloadModel(record, deps);
    expect(result).toMatchObject({ ok: false, error: { code: 'network', url: `${BASE}tokenizer.json` } });
    expect(caches.snapshot()['webllm/model']).not.toContain(`${BASE}tokenizer.json`);
  });

  it('stores a complete chunked file and counts its size once known', async () => {
    const { server, caches, deps, record, neededBytes } = setup();
    server.behavior.set(`${BASE}tokenizer.json`, { noLength: true });
    const reports: DownloadProgress[] = [];
    expect((await downloadModel(record, deps, { onProgress: (p) => reports.push(p) })).ok).toBe(true);
    expect(caches.snapshot()['webllm/model']).toContain(`${BASE}tokenizer.json`);
    expect(reports.at(-1)).toMatchObject({ fraction: 1, loadedBytes: neededBytes, totalBytes: neededBytes });
  });

  it('stops quickly on cancel and stores nothing partial', async () => {
    const { server, caches, deps, record } = setup();
    server.behavior.set(SHARD(0), { stallAfter: 1024 });
    const controller = new AbortController();
    const started = Date.now();
    const pending = downloadModel(record, deps, { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    expect(await pending).toEqual({ ok: false, error: { code: 'cancelled' } });
    expect(Date.now() - started).toBeLessThan(1000);
    // A cancel that lands before the first file opens the cache leaves no cache at all: nothing partial either way.
    expect(caches.snapshot()['webllm/model'] ?? []).not.toContain(SHARD(0));
  });

  it('does nothing when already cancelled', async () => {
    const { server, deps, record } = setup();
    const controller = new AbortController();
    controller.abort();
    expect(await downloadModel(record, deps, { signal: controller.signal })).toEqual({
      ok: false,
      error: { code: 'cancelled' },
    });
    expect(server.log).toEqual([]);
  });

  it('returns the HTTP status and host of a missing file', async () => {
    const { server, deps, record } = setup();
    server.behavior.set(`${BASE}tokenizer.json`, { status: 404 });
    expect(await downloadModel(record, deps)).toEqual({
      ok: false,
      error: { code: 'http', status: 404, host: '127.0.0.1:8123', url: `${BASE}tokenizer.json` },
    });
  });

  it('returns a network error when the host cannot be reached', async () => {
    const { server, deps, record } = setup();
    server.behavior.set(`${BASE}mlc-chat-config.json`, { unreachable: true });
    const result = await downloadModel(record, deps);
    expect(result).toMatchObject({ ok: false, error: { code: 'network', host: '127.0.0.1:8123' } });
  });

  it('turns QuotaExceededError into a quota error with the bytes still to store', async () => {
    const { files, deps, record, neededBytes } = setup();
    const small = neededBytes - SHARD_SIZES.reduce((a, b) => a + b, 0);
    const quota = small + SHARD_SIZES[0] + 100;
    const result = await downloadModel(record, { ...deps, caches: new FakeCacheStorage(quota) }, { concurrency: 1 });
    expect(result).toEqual({ ok: false, error: { code: 'quota', bytesNeeded: SHARD_SIZES[1] + SHARD_SIZES[2] } });
    expect(files.size).toBe(8);
  });

  it('rejects a shard whose size differs from tensor-cache.json, without storing it', async () => {
    const { server, caches, deps, record } = setup();
    server.behavior.set(SHARD(2), { truncateTo: 1000 });
    const result = await downloadModel(record, deps);
    expect(result).toMatchObject({ ok: false, error: { code: 'corrupt', urls: [SHARD(2)] } });
    expect(caches.snapshot()['webllm/model']).not.toContain(SHARD(2));
  });

  it('calls fetch unbound, as window.fetch requires', async () => {
    const { server, deps, record } = setup();
    const strictFetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
      if (this !== undefined) throw new TypeError('Illegal invocation');
      return server.fetch(...args);
    };
    expect((await downloadModel(record, { ...deps, fetch: strictFetch as typeof fetch })).ok).toBe(true);
  });

  it('reports a record whose model URL WebLLM cannot resolve', async () => {
    const { deps } = setup();
    const result = await downloadModel({ ...fakeRecord(), model: 'mlc-ai/relative' }, deps);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-record' } });
  });
});
