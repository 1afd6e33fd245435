/** The Cache API scopes and keys WebLLM 0.2.86 reads in `reload()`, reproduced so downloads land where it looks. */
/*
 * Matched against node_modules/@mlc-ai/web-llm/lib/index.js (0.2.86):
 * - cleanModelUrl (l. 11280): add "/" if missing, then "resolve/main/" unless the URL already matches
 *   /.+\/resolve\/.+\//, whatever the host (so http://127.0.0.1:PORT/mlc-ai/NAME gets it too); `new URL().href`.
 * - MLCEngine.reloadInternal (l. 18212): config cache "webllm/config", wasm cache "webllm/wasm"; `model_lib` is the
 *   wasm key as written, but it is fetched uncached when it contains "localhost" or does not start with "http".
 * - resolveModelPackageResourceURLs (l. 3534): chat config `new URL("mlc-chat-config.json", modelUrl)`, tensor-cache
 *   base `new URL(".", new URL("tensor-cache.json", modelUrl))`; a `model_manifest` (optional, l. 18233) is cached in
 *   "webllm/config" at `new URL(model_manifest, modelUrl)` and may only name these same two files (l. 3502).
 * - asyncLoadTokenizer (l. 14914): "webllm/model", `new URL("tokenizer.json", modelUrl)` when `tokenizer_files` lists
 *   it, else "tokenizer.model"; no other tokenizer file is read.
 * - fetchTensorCache / fetchTensorCacheInternal (l. 8107, 8183): "webllm/model", `new URL("tensor-cache.json", base)`
 *   and each `new URL(records[i].dataPath, base)`; `records[i].nbytes` is the shard's byte size.
 * - ArtifactCache.addToCache / fetchWithCache / hasAllKeys (l. 6543-6580): key is `new Request(url)`, i.e. the full
 *   URL string compared to `request.url`; `cache.add` stores only ok responses. Default backend "cache" (l. 957).
 * - Integrity (l. 18240, 18267, 14824) is checked only when `record.integrity` is set, on the bytes read back; there is
 *   no extra manifest to write. deleteModelAllInfoInCache (l. 14850) leaves tensor-cache.json behind.
 */
import type { ModelRecord } from '@mlc-ai/web-llm';

export type CacheScope = 'webllm/config' | 'webllm/model' | 'webllm/wasm';
export const CACHE_SCOPES: readonly CacheScope[] = ['webllm/config', 'webllm/model', 'webllm/wasm'];

export const CHAT_CONFIG_FILENAME = 'mlc-chat-config.json';
export const TENSOR_CACHE_FILENAME = 'tensor-cache.json';

/** WebLLM's `cleanModelUrl`: the base every model file URL is resolved against. Throws on a relative URL, as it does. */
export function modelBaseUrl(model: string): string {
  let url = model.endsWith('/') ? model : `${model}/`;
  if (!/.+\/resolve\/.+\//.test(url)) url += 'resolve/main/';
  return new URL(url).href;
}

export function chatConfigUrl(baseUrl: string): string {
  return new URL(CHAT_CONFIG_FILENAME, baseUrl).href;
}

export function tensorCacheManifestUrl(baseUrl: string): string {
  return new URL(TENSOR_CACHE_FILENAME, baseUrl).href;
}

/** Shards resolve against the folder of tensor-cache.json, which is the model base URL. */
export function shardUrl(baseUrl: string, dataPath: string): string {
  const tensorCacheBase = new URL('.', tensorCacheManifestUrl(baseUrl)).href;
  return new URL(dataPath, tensorCacheBase).href;
}

export function modelManifestUrl(record: ModelRecord, baseUrl: string): string | undefined {
  return record.model_manifest === undefined ? undefined : new URL(record.model_manifest, baseUrl).href;
}

/** The one tokenizer file WebLLM loads, or undefined when it would fail with UnsupportedTokenizerFilesError. */
export function tokenizerUrl(baseUrl: string, tokenizerFiles: readonly string[]): string | undefined {
  if (tokenizerFiles.includes('tokenizer.json')) return new URL('tokenizer.json', baseUrl).href;
  if (tokenizerFiles.includes('tokenizer.model')) return new URL('tokenizer.model', baseUrl).href;
  return undefined;
}

/** WebLLM reads the wasm from "webllm/wasm" only for absolute non-localhost URLs; others it re-fetches each load. */
export function isWasmCached(modelLib: string): boolean {
  return modelLib.startsWith('http') && !modelLib.includes('localhost');
}
