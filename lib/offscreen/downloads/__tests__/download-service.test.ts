import { describe, expect, it } from 'vitest';
import type { DownloadsEvent, DownloadsRequest } from '../../../protocol/messages';
import { FakePort } from '../../../protocol/__tests__/fake-port';
import type { GgufModelRecord } from '../../../models/types';
import { DownloadService } from '../download-service';
import { GgufStore } from '../gguf-store';
import { FakeCacheStorage } from './fake-cache-storage';
import { FakeDirectory } from './fake-directory';
import type { CacheStorageLike } from '../cache-store';
import { bytes, fakeModelFiles, fakeRecord, fakeServer, ORIGIN, SHARD_SIZES, steppingClock } from './fake-model';

const BASE = 'http://127.0.0.1:8123/mlc-ai/Fake-Model-q4f32_1-MLC/resolve/main/';

/** Runs one download to its end and returns the failure Options is told about. */
async function finishedError(prepare: (server: ReturnType<typeof fakeServer>) => void, quotaBytes?: number) {
  const server = fakeServer(fakeModelFiles());
  prepare(server);
  const service = new DownloadService({
    caches: new FakeCacheStorage(quotaBytes),
    gguf: new GgufStore({ directory: async () => new FakeDirectory(), fetch: server.fetch, now: steppingClock() }),
    fetch: server.fetch,
    now: steppingClock(),
  });
  const port = new FakePort<DownloadsEvent, DownloadsRequest>();
  service.attach(port);
  port.deliver({ type: 'downloads/start', record: fakeRecord() });
  await expect.poll(() => port.posted.some((event) => event.type === 'downloads/finished')).toBe(true);
  const finished = port.posted.find((event) => event.type === 'downloads/finished');
  return finished?.type === 'downloads/finished' ? finished.error : undefined;
}

describe('DownloadService failures', () => {
  it('names the host and the HTTP status of a missing file', async () => {
    const error = await finishedError((server) => server.behavior.set(`${BASE}tokenizer.json`, { status: 404 }));
    expect(error).toEqual({ code: 'model-download-failed', host: '127.0.0.1:8123', status: 404 });
  });

  it('names the host it could not reach', async () => {
    const error = await finishedError((server) =>
      server.behavior.set(`${BASE}mlc-chat-config.json`, { unreachable: true }),
    );
    expect(error).toEqual({ code: 'model-source-unreachable', host: '127.0.0.1:8123' });
  });

  it('says how many bytes the model still needs when storage is full', async () => {
    const files = fakeModelFiles();
    const shardBytes = SHARD_SIZES.reduce((a, b) => a + b, 0);
    const otherBytes = [...files]
      .filter(([url]) => !url.endsWith('vocab.json'))
      .reduce((sum, [, body]) => sum + body.byteLength, -shardBytes);
    // Room for everything but the shards; which shard fails first depends on the parallel downloads.
    const error = await finishedError(() => undefined, otherBytes + 100);
    expect(error).toEqual({ code: 'storage-quota', bytesNeeded: expect.any(Number) });
    const bytesNeeded = error?.code === 'storage-quota' ? error.bytesNeeded : undefined;
    expect(bytesNeeded).toBeGreaterThanOrEqual(Math.min(...SHARD_SIZES));
    expect(bytesNeeded).toBeLessThanOrEqual(otherBytes + shardBytes);
  });
});

const GGUF_URL = `${ORIGIN}/bartowski/Tiny-GGUF/resolve/main/tiny-Q4_K_M.gguf`;
const GGUF: GgufModelRecord = {
  format: 'gguf',
  model_id: 'Tiny-GGUF',
  model: GGUF_URL,
  ram_required_MB: 10,
  overrides: { context_window_size: 512 },
};

describe('DownloadService with GGUF and WebLLM models side by side', () => {
  function setup() {
    const files = fakeModelFiles();
    files.set(GGUF_URL, bytes(9000, 7));
    const server = fakeServer(files);
    const caches = new FakeCacheStorage();
    const directory = new FakeDirectory();
    const service = new DownloadService({
      caches,
      gguf: new GgufStore({ directory: async () => directory, fetch: server.fetch, now: steppingClock() }),
      fetch: server.fetch,
      now: steppingClock(),
    });
    const port = new FakePort<DownloadsEvent, DownloadsRequest>();
    service.attach(port);
    const lastStatus = () => {
      const events = port.posted.filter((event) => event.type === 'downloads/status');
      const last = events.at(-1);
      return last?.type === 'downloads/status' ? last.statuses : {};
    };
    const finished = (modelId: string) =>
      port.posted.filter((event) => event.type === 'downloads/finished' && event.modelId === modelId).length;
    return { port, directory, caches, lastStatus, finished };
  }

  it('downloads a GGUF model into its store with progress, and lists both kinds with their sizes', async () => {
    const { port, lastStatus, finished } = setup();
    port.deliver({ type: 'downloads/start', record: GGUF });
    port.deliver({ type: 'downloads/start', record: fakeRecord() });
    await expect.poll(() => finished('Tiny-GGUF') + finished('Fake-Model-q4f32_1-MLC')).toBe(2);
    expect(port.posted).toContainEqual({
      type: 'downloads/finished',
      modelId: 'Tiny-GGUF',
      error: null,
      status: { bytesOnDisk: 9000, complete: true, filesCached: 1, filesTotal: 1 },
    });
    expect(port.posted).toContainEqual(
      expect.objectContaining({ type: 'downloads/progress', modelId: 'Tiny-GGUF', progress: expect.anything() }),
    );
    port.deliver({ type: 'downloads/status', records: [GGUF, fakeRecord()] });
    await expect.poll(() => Object.keys(lastStatus()).length).toBe(2);
    expect(lastStatus()['Tiny-GGUF']).toEqual({ bytesOnDisk: 9000, complete: true, filesCached: 1, filesTotal: 1 });
    expect(lastStatus()['Fake-Model-q4f32_1-MLC']).toMatchObject({ complete: true });
  });

  it('deletes a GGUF model from its store, and everything with delete-all', async () => {
    const { port, directory, caches, lastStatus, finished } = setup();
    port.deliver({ type: 'downloads/start', record: GGUF });
    port.deliver({ type: 'downloads/start', record: fakeRecord() });
    await expect.poll(() => finished('Tiny-GGUF') + finished('Fake-Model-q4f32_1-MLC')).toBe(2);
    port.deliver({ type: 'downloads/delete', record: GGUF, otherRecords: [fakeRecord()] });
    await expect.poll(() => lastStatus()['Tiny-GGUF']?.bytesOnDisk).toBe(0);
    expect(Object.keys(caches.snapshot()).length).toBeGreaterThan(0);
    port.deliver({ type: 'downloads/start', record: GGUF });
    await expect.poll(() => finished('Tiny-GGUF')).toBe(2);
    port.deliver({ type: 'downloads/delete-all', records: [GGUF, fakeRecord()] });
    await expect.poll(() => lastStatus()['Fake-Model-q4f32_1-MLC']?.bytesOnDisk).toBe(0);
    expect(directory.files.size).toBe(0);
    expect(lastStatus()['Tiny-GGUF']?.bytesOnDisk).toBe(0);
  });
});

describe('DownloadService reports what is stored in the order it was asked', () => {
  /** Caches whose reads, made while held, answer with what was stored when asked, but only once released. */
  function heldCaches() {
    const inner = new FakeCacheStorage();
    let held = false;
    let waiting = 0;
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const caches: CacheStorageLike = {
      open: async (name) => {
        const cache = await inner.open(name);
        return {
          match: async (request) => {
            const answer = await cache.match(request);
            if (!held) return answer;
            waiting += 1;
            await gate;
            return answer;
          },
          put: (request, response) => cache.put(request, response),
          delete: (request) => cache.delete(request),
          keys: () => cache.keys(),
        };
      },
      delete: (name) => inner.delete(name),
    };
    return {
      caches,
      hold: () => (held = true),
      /** Reads from now on answer at once; the held ones still wait. */
      stopHolding: () => (held = false),
      release: () => release(),
      waiting: () => waiting,
    };
  }

  it('never lets a slow answer from before a download ends land after the download is reported stored', async () => {
    const server = fakeServer(fakeModelFiles());
    const held = heldCaches();
    const service = new DownloadService({
      caches: held.caches,
      gguf: new GgufStore({ directory: async () => new FakeDirectory(), fetch: server.fetch, now: steppingClock() }),
      fetch: server.fetch,
      now: steppingClock(),
    });
    const port = new FakePort<DownloadsEvent, DownloadsRequest>();
    service.attach(port);
    const record = fakeRecord();

    // Options asks what is stored; reading the cache is slow, and the user starts the download meanwhile.
    held.hold();
    port.deliver({ type: 'downloads/status', records: [record] });
    await expect.poll(() => held.waiting()).toBe(1);
    held.stopHolding();
    port.deliver({ type: 'downloads/start', record });
    // The download ends while the first answer is still being read, and Options asks again.
    await expect.poll(() => service.busy).toBe(false);
    port.deliver({ type: 'downloads/status', records: [record] });
    // The first answer's read comes back only after the second could have been answered (had it not waited).
    await new Promise((resolve) => setTimeout(resolve, 100));
    held.release();

    await expect.poll(() => port.posted.filter((event) => event.type === 'downloads/status').length).toBe(2);
    // What Options shows is the last thing it heard about the model: stored, whole.
    const reports = port.posted.flatMap((event) =>
      event.type === 'downloads/status'
        ? [event.statuses[record.model_id]]
        : event.type === 'downloads/finished'
          ? [event.status]
          : [],
    );
    expect(reports.at(-1)).toMatchObject({ complete: true });
    expect(reports[0]).toMatchObject({ complete: false });
    const finished = port.posted.find((event) => event.type === 'downloads/finished');
    expect(finished).toMatchObject({ error: null, status: { complete: true } });
  });
  it('still reports a finished download when an earlier read of the store never ends', async () => {
    const server = fakeServer(fakeModelFiles());
    const held = heldCaches();
    const service = new DownloadService({
      caches: held.caches,
      gguf: new GgufStore({ directory: async () => new FakeDirectory(), fetch: server.fetch, now: steppingClock() }),
      fetch: server.fetch,
      now: steppingClock(),
      reportWaitMs: 50,
    });
    const port = new FakePort<DownloadsEvent, DownloadsRequest>();
    service.attach(port);
    held.hold();
    port.deliver({ type: 'downloads/status', records: [fakeRecord()] });
    await expect.poll(() => held.waiting()).toBe(1);
    held.stopHolding();
    port.deliver({ type: 'downloads/start', record: fakeRecord() });
    await expect
      .poll(() => port.posted.find((event) => event.type === 'downloads/finished'))
      .toMatchObject({ error: null, status: { complete: true } });
  });
});
