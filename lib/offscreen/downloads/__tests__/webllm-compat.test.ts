// Checks our keys against WebLLM 0.2.86's own cache code (index.js: cleanModelUrl l. 11280, ArtifactCache l. 6512,
// hasModelInCache l. 14840, deleteModelAllInfoInCache l. 14850), run in Node over the fake Cache API.
import { deleteChatConfigInCache, deleteModelAllInfoInCache, hasModelInCache, type AppConfig } from '@mlc-ai/web-llm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CacheStorageLike } from '../cache-store';
import { downloadModel } from '../download-model';
import { modelBaseUrl, chatConfigUrl, isWasmCached } from '../webllm-urls';
import { FakeCacheStorage } from './fake-cache-storage';
import { fakeModelFiles, fakeRecord, fakeServer, steppingClock } from './fake-model';

// The real CacheStorage must fit the slice the module asks for.
const realCachesFit: CacheStorage extends CacheStorageLike ? true : false = true;

function useWebLLMCaches(caches: FakeCacheStorage) {
  vi.stubGlobal('caches', caches);
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('WebLLM compatibility', () => {
  it('WebLLM finds the downloaded model in its cache without a network', async () => {
    expect(realCachesFit).toBe(true);
    const record = fakeRecord();
    const appConfig: AppConfig = { model_list: [record] };
    const caches = new FakeCacheStorage();
    const server = fakeServer(fakeModelFiles());
    useWebLLMCaches(caches);
    expect(await hasModelInCache(record.model_id, appConfig)).toBe(false);

    expect((await downloadModel(record, { caches, fetch: server.fetch, now: steppingClock() })).ok).toBe(true);
    expect(await hasModelInCache(record.model_id, appConfig)).toBe(true);
    // WebLLM deletes shards, tokenizer, chat config and wasm by the keys it reads; only tensor-cache.json stays,
    // which its deleteModelInCache never removes. A wrong key would survive here or trigger cache.add (offline).
    await deleteModelAllInfoInCache(record.model_id, appConfig);
    expect(caches.snapshot()).toEqual({ 'webllm/model': [`${modelBaseUrl(record.model)}tensor-cache.json`] });
    expect(caches.addCalls).toEqual([]);
  });

  it.each([
    'https://huggingface.co/mlc-ai/Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
    'https://huggingface.co/mlc-ai/Qwen2.5-0.5B-Instruct-q4f16_1-MLC/',
    'https://huggingface.co/mlc-ai/Qwen2.5-0.5B-Instruct-q4f16_1-MLC/resolve/v2/',
    'http://127.0.0.1:8123/mlc-ai/Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
    'http://127.0.0.1:8123/models/x/resolve/main',
  ])('builds the same chat config key as WebLLM for %s', async (model) => {
    const caches = new FakeCacheStorage();
    const deleted: string[] = [];
    const cache = await caches.open('webllm/config');
    const original = cache.delete.bind(cache);
    cache.delete = (request) => {
      deleted.push(typeof request === 'string' ? request : request instanceof URL ? request.href : request.url);
      return original(request);
    };
    useWebLLMCaches(caches);
    const record = { ...fakeRecord(), model };
    await deleteChatConfigInCache(record.model_id, { model_list: [record] });
    expect(deleted).toEqual([chatConfigUrl(modelBaseUrl(model))]);
  });

  it('applies the resolve/main rule to mirrors as WebLLM does', () => {
    expect(modelBaseUrl('http://127.0.0.1:8123/mlc-ai/X-MLC')).toBe('http://127.0.0.1:8123/mlc-ai/X-MLC/resolve/main/');
    expect(modelBaseUrl('https://huggingface.co/mlc-ai/X-MLC/')).toBe(
      'https://huggingface.co/mlc-ai/X-MLC/resolve/main/',
    );
    expect(modelBaseUrl('https://host/a/resolve/v1/')).toBe('https://host/a/resolve/v1/');
    expect(() => modelBaseUrl('mlc-ai/X-MLC')).toThrow();
  });

  it('leaves out a wasm WebLLM never reads from the cache', () => {
    expect(isWasmCached('http://127.0.0.1:8123/lib.wasm')).toBe(true);
    expect(isWasmCached('http://localhost:8123/lib.wasm')).toBe(false);
    expect(isWasmCached('/lib.wasm')).toBe(false);
  });
});
