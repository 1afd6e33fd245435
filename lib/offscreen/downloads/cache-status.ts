/** What of a model is in WebLLM's caches: files and bytes on disk, and entries that are missing or the wrong size. */
import type { ModelRecord } from '@mlc-ai/web-llm';
import { cachedEntrySize, cachedJsonReader, scopeOpener, type CacheLike, type CacheStorageLike } from './cache-store';
import { fixedModelFiles, planModelFiles, type ModelFile } from './model-files';
import type { CacheScope } from './webllm-urls';

export interface CacheDeps {
  caches: CacheStorageLike;
}

export interface ModelCacheStatus {
  filesCached: number;
  /** Files known from the cache alone: shards and tokenizer count once tensor-cache.json and the config are cached. */
  filesTotal: number;
  bytesOnDisk: number;
  /** Every file `engine.reload()` reads is cached, so the model loads offline. */
  complete: boolean;
}

export interface ModelVerification {
  ok: boolean;
  /** Cached but unusable: a shard whose size differs from its nbytes, or a config/manifest that does not parse. */
  corruptUrls: string[];
  missingUrls: string[];
}

/** The files a model needs, learned from the cache only (no network). */
export async function planFromCache(
  record: ModelRecord,
  open: (scope: CacheScope) => Promise<CacheLike>,
): Promise<{ files: ModelFile[]; complete: boolean; corruptUrls: string[] }> {
  const plan = await planModelFiles(record, cachedJsonReader(open));
  if (plan.ok) return { files: plan.files, complete: plan.complete, corruptUrls: [] };
  const fixed = fixedModelFiles(record);
  const corruptUrls = plan.error.code === 'corrupt' ? plan.error.urls : [];
  return { files: Array.isArray(fixed) ? fixed : [], complete: false, corruptUrls };
}

export async function modelCacheStatus(record: ModelRecord, deps: CacheDeps): Promise<ModelCacheStatus> {
  const open = scopeOpener(deps.caches);
  const plan = await planFromCache(record, open);
  let filesCached = 0;
  let bytesOnDisk = 0;
  for (const file of plan.files) {
    const response = await (await open(file.scope)).match(new Request(file.url));
    if (!response) continue;
    filesCached += 1;
    bytesOnDisk += await cachedEntrySize(response);
  }
  const complete = plan.complete && plan.corruptUrls.length === 0 && filesCached === plan.files.length;
  return { filesCached, filesTotal: plan.files.length, bytesOnDisk, complete };
}

/** Measures each cached shard's body against tensor-cache.json; the caller deletes and re-downloads a bad model. */
export async function verifyModelFiles(record: ModelRecord, deps: CacheDeps): Promise<ModelVerification> {
  const open = scopeOpener(deps.caches);
  const plan = await planFromCache(record, open);
  const corruptUrls = [...plan.corruptUrls];
  const missingUrls: string[] = [];
  for (const file of plan.files) {
    const response = await (await open(file.scope)).match(new Request(file.url));
    if (!response) missingUrls.push(file.url);
    else if (file.bytes !== undefined && (await response.blob()).size !== file.bytes) corruptUrls.push(file.url);
  }
  return { ok: plan.complete && corruptUrls.length === 0 && missingUrls.length === 0, corruptUrls, missingUrls };
}
