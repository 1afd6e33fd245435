/** Removes one model's entries from WebLLM's caches, keeping what other listed models share, or clears them all. */
import type { ModelRecord } from '@mlc-ai/web-llm';
import { scopeOpener } from './cache-store';
import { planFromCache, type CacheDeps } from './cache-status';
import { CACHE_SCOPES, modelBaseUrl } from './webllm-urls';

export interface DeleteModelResult {
  deletedUrls: string[];
  /** Entries left because another listed record needs them (a shared wasm or the same weights URL). */
  keptUrls: string[];
}

/**
 * Deletes the model's planned files plus anything cached under its base URL in "webllm/config" and "webllm/model",
 * and its wasm from "webllm/wasm", unless one of `otherRecords` (e.g. the whole model list) uses the same.
 */
export async function deleteModelFiles(
  record: ModelRecord,
  deps: CacheDeps,
  otherRecords: readonly ModelRecord[] = [],
): Promise<DeleteModelResult> {
  const others = otherRecords.filter((other) => other.model_id !== record.model_id);
  const base = safeBaseUrl(record.model);
  const otherBases = others.map((other) => safeBaseUrl(other.model)).filter((url): url is string => url !== undefined);
  const otherLibs = new Set(others.map((other) => other.model_lib));
  const open = scopeOpener(deps.caches);
  const plan = await planFromCache(record, open);

  const ownedByOther = (url: string) =>
    otherBases.some((other) => url.startsWith(other) && other.length >= (base?.length ?? 0));
  const deletedUrls: string[] = [];
  const keptUrls: string[] = [];
  for (const scope of CACHE_SCOPES) {
    const cache = await open(scope);
    const candidates = new Set(plan.files.filter((file) => file.scope === scope).map((file) => file.url));
    if (scope === 'webllm/wasm') candidates.add(record.model_lib);
    else if (base !== undefined) {
      for (const request of await cache.keys()) if (request.url.startsWith(base)) candidates.add(request.url);
    }
    for (const url of candidates) {
      const shared = scope === 'webllm/wasm' ? otherLibs.has(url) : ownedByOther(url);
      if (shared) {
        if (await cache.match(new Request(url))) keptUrls.push(url);
      } else if (await cache.delete(new Request(url))) deletedUrls.push(url);
    }
  }
  return { deletedUrls, keptUrls };
}

/** Drops WebLLM's three caches entirely: every model, downloaded here or by the engine. */
export async function deleteAllModelFiles(deps: CacheDeps): Promise<void> {
  for (const scope of CACHE_SCOPES) await deps.caches.delete(scope);
}

function safeBaseUrl(model: string): string | undefined {
  try {
    return modelBaseUrl(model);
  } catch {
    // A record whose URL is not absolute has no cached files under it to delete.
    return undefined;
  }
}
