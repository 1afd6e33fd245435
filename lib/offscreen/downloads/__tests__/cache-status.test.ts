import { describe, expect, it } from 'vitest';
import { deleteAllModelFiles, deleteModelFiles } from '../delete-model';
import { downloadModel } from '../download-model';
import { modelCacheStatus, verifyModelFiles } from '../cache-status';
import { FakeCacheStorage } from './fake-cache-storage';
import { fakeModelFiles, fakeRecord, fakeServer, SHARD_SIZES, steppingClock, WASM_URL } from './fake-model';

const A = 'Fake-Model-q4f32_1-MLC';
const B = 'Fake-Other-q4f32_1-MLC';
const baseOf = (name: string) => `http://127.0.0.1:8123/mlc-ai/${name}/resolve/main/`;

async function downloaded(names: string[]) {
  const files = new Map([...names.flatMap((name, i) => [...fakeModelFiles(name, i * 10 + 1)])]);
  const server = fakeServer(files);
  const caches = new FakeCacheStorage();
  for (const name of names) {
    const result = await downloadModel(
      fakeRecord(name),
      { caches, fetch: server.fetch, now: steppingClock() },
      { concurrency: 1 },
    );
    expect(result.ok).toBe(true);
  }
  const bytesOf = (name: string) =>
    [...files]
      .filter(([url]) => (url.startsWith(baseOf(name)) && !url.endsWith('vocab.json')) || url === WASM_URL)
      .reduce((sum, [, body]) => sum + body.byteLength, 0);
  return { caches, server, bytesOf };
}

describe('modelCacheStatus', () => {
  it('counts nothing before a download, knowing only the files the record names', async () => {
    expect(await modelCacheStatus(fakeRecord(), { caches: new FakeCacheStorage() })).toEqual({
      filesCached: 0,
      filesTotal: 3,
      bytesOnDisk: 0,
      complete: false,
    });
  });

  it('reports all files and their bytes on disk after a download', async () => {
    const { caches, bytesOf } = await downloaded([A]);
    expect(await modelCacheStatus(fakeRecord(A), { caches })).toEqual({
      filesCached: 7,
      filesTotal: 7,
      bytesOnDisk: bytesOf(A),
      complete: true,
    });
  });

  it('is incomplete after a cut download', async () => {
    const files = fakeModelFiles();
    const server = fakeServer(files);
    server.behavior.set(`${baseOf(A)}params_shard_2.bin`, { cutAfter: 100 });
    const caches = new FakeCacheStorage();
    await downloadModel(fakeRecord(), { caches, fetch: server.fetch, now: steppingClock() }, { concurrency: 1 });
    const status = await modelCacheStatus(fakeRecord(), { caches });
    expect(status).toMatchObject({ filesCached: 6, filesTotal: 7, complete: false });
  });
});

describe('deleteModelFiles', () => {
  it('removes only that model, keeping a wasm another listed record uses and unrelated entries', async () => {
    const { caches } = await downloaded([A, B]);
    const unrelated = 'https://huggingface.co/mlc-ai/Unrelated-MLC/resolve/main/params_shard_0.bin';
    caches.seed('webllm/model', unrelated, new Uint8Array(10));
    const result = await deleteModelFiles(fakeRecord(A), { caches }, [fakeRecord(A), fakeRecord(B)]);
    expect(result.keptUrls).toEqual([WASM_URL]);
    expect(result.deletedUrls).toHaveLength(6);
    const left = Object.values(caches.snapshot()).flat();
    expect(left.filter((url) => url.startsWith(baseOf(A)))).toEqual([]);
    expect(left).toContain(unrelated);
    expect(left).toContain(WASM_URL);
    expect(await modelCacheStatus(fakeRecord(B), { caches })).toMatchObject({ complete: true });
    expect(await modelCacheStatus(fakeRecord(A), { caches })).toMatchObject({ filesCached: 1, complete: false });

    await deleteModelFiles(fakeRecord(B), { caches }, [fakeRecord(B)]);
    expect(caches.snapshot()).toEqual({ 'webllm/model': [unrelated] });
  });

  it('keeps weights that another listed record loads from the same URL', async () => {
    const { caches } = await downloaded([A]);
    const twin = { ...fakeRecord(A), model_id: 'twin', model_lib: 'http://127.0.0.1:8123/other.wasm' };
    const result = await deleteModelFiles(fakeRecord(A), { caches }, [twin]);
    expect(result.deletedUrls).toEqual([WASM_URL]);
    expect(await modelCacheStatus(twin, { caches })).toMatchObject({ filesCached: 6 });
  });

  it('deletes all models at once', async () => {
    const { caches } = await downloaded([A, B]);
    await deleteAllModelFiles({ caches });
    expect(caches.snapshot()).toEqual({});
  });
});

describe('verifyModelFiles', () => {
  it('accepts a complete download', async () => {
    const { caches } = await downloaded([A]);
    expect(await verifyModelFiles(fakeRecord(A), { caches })).toEqual({ ok: true, corruptUrls: [], missingUrls: [] });
  });

  it('finds a truncated shard even when its headers claim the full size, and a missing one', async () => {
    const { caches } = await downloaded([A]);
    const truncated = `${baseOf(A)}params_shard_1.bin`;
    const missing = `${baseOf(A)}params_shard_2.bin`;
    caches.seed('webllm/model', truncated, new Uint8Array(100), [['content-length', String(SHARD_SIZES[1])]]);
    await (await caches.open('webllm/model')).delete(missing);
    expect(await verifyModelFiles(fakeRecord(A), { caches })).toEqual({
      ok: false,
      corruptUrls: [truncated],
      missingUrls: [missing],
    });
  });

  it('reports an unreadable tensor-cache.json as corrupt', async () => {
    const { caches } = await downloaded([A]);
    caches.seed('webllm/model', `${baseOf(A)}tensor-cache.json`, new TextEncoder().encode('{"records": [tru'));
    const result = await verifyModelFiles(fakeRecord(A), { caches });
    expect(result).toMatchObject({ ok: false, corruptUrls: [`${baseOf(A)}tensor-cache.json`] });
  });
});
