import { describe, expect, it, vi } from 'vitest';
import type { GgufModelRecord } from '../../../models/types';
import type { DownloadProgress } from '../download-progress';
import { GgufStore } from '../gguf-store';
import { FakeDirectory } from './fake-directory';
import { bytes, fakeServer, ORIGIN, steppingClock } from './fake-model';

const SINGLE_URL = `${ORIGIN}/bartowski/Tiny-GGUF/resolve/main/tiny-Q4_K_M.gguf`;
const SPLIT_URL = (index: number) => `${ORIGIN}/org/Big-GGUF/resolve/main/big-0000${index}-of-00003.gguf`;
const SIZE = 20_000;

function record(model: string, modelId = 'Tiny-GGUF'): GgufModelRecord {
  return { format: 'gguf', model_id: modelId, model, ram_required_MB: 10, overrides: { context_window_size: 512 } };
}

function setup(quotaBytes?: number, segmentBytes?: number) {
  const files = new Map<string, Uint8Array>([
    [SINGLE_URL, bytes(SIZE, 1)],
    [SPLIT_URL(1), bytes(7000, 2)],
    [SPLIT_URL(2), bytes(7000, 3)],
    [SPLIT_URL(3), bytes(3000, 4)],
  ]);
  const server = fakeServer(files);
  const directory = new FakeDirectory(quotaBytes);
  const store = new GgufStore({
    directory: async () => directory,
    fetch: server.fetch,
    now: steppingClock(),
    ...(segmentBytes === undefined ? {} : { segmentBytes }),
  });
  return { files, server, directory, store };
}

async function contents(blobs: Blob[] | undefined): Promise<Uint8Array[]> {
  if (!blobs) throw new Error('the model is not stored');
  return Promise.all(blobs.map(async (blob) => new Uint8Array(await blob.arrayBuffer())));
}

describe('GgufStore', () => {
  it('stores a GGUF file whole, with progress that only grows and ends at 1, and opens it for llama.cpp', async () => {
    const { files, store } = setup();
    const reports: DownloadProgress[] = [];
    const result = await store.download(record(SINGLE_URL), { onProgress: (progress) => reports.push(progress) });
    expect(result).toEqual({ ok: true, bytesDownloaded: SIZE, bytesFromCache: 0 });
    expect(reports.length).toBeGreaterThan(2);
    for (let i = 1; i < reports.length; i++)
      expect(reports[i]!.fraction).toBeGreaterThanOrEqual(reports[i - 1]!.fraction);
    expect(reports.at(-1)).toMatchObject({ fraction: 1, loadedBytes: SIZE, totalBytes: SIZE });
    expect(await store.status(record(SINGLE_URL))).toEqual({
      bytesOnDisk: SIZE,
      complete: true,
      filesCached: 1,
      filesTotal: 1,
    });
    expect(await contents(await store.open(record(SINGLE_URL)))).toEqual([files.get(SINGLE_URL)]);
  });

  it('downloads nothing again once stored: the model loads offline', async () => {
    const { server, store } = setup();
    await store.download(record(SINGLE_URL));
    const requests = server.log.length;
    const again = await store.download(record(SINGLE_URL));
    expect(again).toEqual({ ok: true, bytesDownloaded: 0, bytesFromCache: SIZE });
    expect(server.log).toHaveLength(requests);
  });

  it('resumes a cut download with a range request from the last stored byte', async () => {
    const { files, server, store } = setup();
    server.behavior.set(SINGLE_URL, { cutAfter: 8192 });
    const cut = await store.download(record(SINGLE_URL));
    expect(cut).toMatchObject({ ok: false, error: { code: 'network', host: '127.0.0.1:8123', url: SINGLE_URL } });
    expect(await store.status(record(SINGLE_URL))).toMatchObject({ bytesOnDisk: 8192, complete: false });
    expect(await store.open(record(SINGLE_URL))).toBeUndefined();

    server.behavior.delete(SINGLE_URL);
    const resumed = await store.download(record(SINGLE_URL));
    expect(server.ranges).toEqual(['bytes=8192-']);
    expect(resumed).toEqual({ ok: true, bytesDownloaded: SIZE - 8192, bytesFromCache: 8192 });
    expect(await contents(await store.open(record(SINGLE_URL)))).toEqual([files.get(SINGLE_URL)]);
  });

  it('starts over when the host ignores the range and sends the whole file', async () => {
    const { files, server, store } = setup();
    server.behavior.set(SINGLE_URL, { cutAfter: 4096 });
    await store.download(record(SINGLE_URL));
    server.behavior.set(SINGLE_URL, { ignoreRange: true });
    expect(await store.download(record(SINGLE_URL))).toMatchObject({ ok: true, bytesDownloaded: SIZE });
    expect(await contents(await store.open(record(SINGLE_URL)))).toEqual([files.get(SINGLE_URL)]);
  });

  it('fetches every part of a split GGUF in order and opens them in order', async () => {
    const { files, server, store } = setup();
    const split = record(SPLIT_URL(1), 'Big-GGUF');
    const reports: DownloadProgress[] = [];
    expect(await store.download(split, { onProgress: (progress) => reports.push(progress) })).toMatchObject({
      ok: true,
      bytesDownloaded: 17_000,
    });
    expect(server.log).toEqual([SPLIT_URL(1), SPLIT_URL(2), SPLIT_URL(3)]);
    expect(reports.at(-1)).toMatchObject({ fraction: 1, filesDone: 3, filesTotal: 3, totalBytes: 17_000 });
    const opened = await store.open(split);
    expect(await contents(opened)).toEqual([files.get(SPLIT_URL(1)), files.get(SPLIT_URL(2)), files.get(SPLIT_URL(3))]);
    // wllama orders split files by the part number in their names.
    expect(opened!.map((file) => (file as File).name.slice(-20))).toEqual([
      '-00001-of-00003.gguf',
      '-00002-of-00003.gguf',
      '-00003-of-00003.gguf',
    ]);
    expect(await store.status(split)).toMatchObject({ complete: true, filesCached: 3, filesTotal: 3 });
  });

  it('stops at once when cancelled, and keeps what arrived for later', async () => {
    const { server, store } = setup();
    server.behavior.set(SINGLE_URL, { stallAfter: 3072 });
    const controller = new AbortController();
    const reports: DownloadProgress[] = [];
    const download = store.download(record(SINGLE_URL), {
      signal: controller.signal,
      onProgress: (progress) => {
        reports.push(progress);
        if (progress.loadedBytes >= 3072) controller.abort();
      },
    });
    expect(await download).toEqual({ ok: false, error: { code: 'cancelled' } });
    expect(await store.status(record(SINGLE_URL))).toMatchObject({ bytesOnDisk: 3072, complete: false });
  });

  it('says which host answered what when a file is missing', async () => {
    const { server, store } = setup();
    server.behavior.set(SINGLE_URL, { status: 404 });
    expect(await store.download(record(SINGLE_URL))).toEqual({
      ok: false,
      error: { code: 'http', status: 404, host: '127.0.0.1:8123', url: SINGLE_URL },
    });
  });

  it('says how much more room the model needs when storage is full, and stops the transfer', async () => {
    const { server, store } = setup(5000);
    const result = await store.download(record(SINGLE_URL));
    expect(result).toMatchObject({ ok: false, error: { code: 'quota' } });
    if (result.ok || result.error.code !== 'quota') throw new Error('expected a quota failure');
    expect(result.error.bytesNeeded).toBeGreaterThan(0);
    // The rest of the file is not fetched for nothing.
    expect(server.cancelled).toEqual([SINGLE_URL]);
  });

  it('keeps the segments stored before the disk filled up, and resumes after them once there is room', async () => {
    const { files, server, directory, store } = setup(9000, 4096);
    const full = await store.download(record(SINGLE_URL));
    expect(full).toMatchObject({ ok: false, error: { code: 'quota' } });
    // Two whole segments (8,192 bytes) fit; the third, refused mid-write, left nothing behind.
    expect(await store.status(record(SINGLE_URL))).toMatchObject({ bytesOnDisk: 8192, complete: false });

    const roomy = new GgufStore({
      directory: async () => {
        directory.quotaBytes = Number.POSITIVE_INFINITY;
        return directory;
      },
      fetch: server.fetch,
      now: steppingClock(),
      segmentBytes: 4096,
    });
    expect(await roomy.download(record(SINGLE_URL))).toEqual({
      ok: true,
      bytesDownloaded: SIZE - 8192,
      bytesFromCache: 8192,
    });
    expect(server.ranges).toEqual(['bytes=8192-']);
    const opened = await roomy.open(record(SINGLE_URL));
    expect(await contents(opened)).toEqual([files.get(SINGLE_URL)]);
    expect((opened![0] as File).name).toMatch(/-00001-of-00001\.gguf$/);
  });

  it('resumes after the last whole segment when the browser closed mid-download', async () => {
    const { files, server, directory } = setup(undefined, 4096);
    server.behavior.set(SINGLE_URL, { stallAfter: 10_240 });
    const first = new GgufStore({
      directory: async () => directory,
      fetch: server.fetch,
      now: steppingClock(),
      segmentBytes: 4096,
    });
    const reports: DownloadProgress[] = [];
    // Never settles: the connection stalls, then the browser goes away with the third segment's writer still open.
    void first.download(record(SINGLE_URL), { onProgress: (progress) => reports.push(progress) });
    await vi.waitFor(() => expect(reports.at(-1)?.loadedBytes).toBe(10_240));

    server.behavior.delete(SINGLE_URL);
    const relaunched = new GgufStore({
      directory: async () => directory,
      fetch: server.fetch,
      now: steppingClock(),
      segmentBytes: 4096,
    });
    expect(await relaunched.status(record(SINGLE_URL))).toMatchObject({ bytesOnDisk: 8192, complete: false });
    expect(await relaunched.download(record(SINGLE_URL))).toEqual({
      ok: true,
      bytesDownloaded: SIZE - 8192,
      bytesFromCache: 8192,
    });
    expect(server.ranges).toEqual(['bytes=8192-']);
    expect(await contents(await relaunched.open(record(SINGLE_URL)))).toEqual([files.get(SINGLE_URL)]);
  });

  it('tells a stored model whose file lost its GGUF header or its length from an intact one', async () => {
    const { files, directory, store } = setup();
    const gguf = new Uint8Array(SIZE);
    gguf.set([0x47, 0x47, 0x55, 0x46]);
    files.set(SINGLE_URL, gguf);
    expect(await store.damaged(record(SINGLE_URL))).toBe(false);
    await store.download(record(SINGLE_URL));
    expect(await store.damaged(record(SINGLE_URL))).toBe(false);

    const [name] = [...directory.files.keys()].filter((key) => key.endsWith('.gguf'));
    directory.files.set(name!, Uint8Array.from(gguf).fill(0x58, 0, 4));
    expect(await store.damaged(record(SINGLE_URL))).toBe(true);
    directory.files.set(name!, gguf.subarray(0, 1000));
    expect(await store.damaged(record(SINGLE_URL))).toBe(true);
  });

  it('lets a second caller share the download in progress instead of fetching twice', async () => {
    const { server, store } = setup();
    const first = store.download(record(SINGLE_URL));
    const secondReports: DownloadProgress[] = [];
    const second = store.download(record(SINGLE_URL), { onProgress: (progress) => secondReports.push(progress) });
    expect(await Promise.all([first, second])).toEqual([
      { ok: true, bytesDownloaded: SIZE, bytesFromCache: 0 },
      { ok: true, bytesDownloaded: SIZE, bytesFromCache: 0 },
    ]);
    expect(server.log).toEqual([SINGLE_URL]);
    expect(secondReports.at(-1)?.fraction).toBe(1);
  });

  it('deletes one model and keeps the others; deletes all of them', async () => {
    const { directory, store } = setup();
    await store.download(record(SINGLE_URL));
    await store.download(record(SPLIT_URL(1), 'Big-GGUF'));
    await store.delete(record(SINGLE_URL));
    expect(await store.status(record(SINGLE_URL))).toMatchObject({ bytesOnDisk: 0, complete: false });
    expect(await store.status(record(SPLIT_URL(1), 'Big-GGUF'))).toMatchObject({ complete: true });
    await store.deleteAll();
    expect(directory.files.size).toBe(0);
  });
});
