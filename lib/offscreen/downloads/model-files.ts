/** Lists the files a model needs in WebLLM's caches, from its record, chat config and tensor-cache manifest. */
import type { ModelRecord } from '@mlc-ai/web-llm';
import {
  chatConfigUrl,
  isWasmCached,
  modelBaseUrl,
  modelManifestUrl,
  shardUrl,
  tensorCacheManifestUrl,
  tokenizerUrl,
  type CacheScope,
} from './webllm-urls';

export type ModelFileKind = 'manifest' | 'config' | 'tensor-cache' | 'tokenizer' | 'wasm' | 'shard';

export interface ModelFile {
  /** The exact cache key WebLLM looks up (a full URL). */
  url: string;
  scope: CacheScope;
  kind: ModelFileKind;
  /** Known ahead only for shards (tensor-cache.json `records[].nbytes`). */
  bytes?: number;
}

/** Returns a JSON file's parsed content, or undefined when it is not available (e.g. not cached). */
export type FetchJson = (url: string, scope: CacheScope) => Promise<unknown>;

export type PlanError =
  { code: 'invalid-record'; detail: string } | { code: 'corrupt'; urls: string[]; detail: string };

export type ModelFilePlan =
  | {
      ok: true;
      files: ModelFile[];
      /** False when the chat config or tensor-cache.json was unavailable, so tokenizer or shards are missing. */
      complete: boolean;
    }
  | { ok: false; error: PlanError };

/** Files known from the record alone: manifest (if named), chat config, tensor-cache.json and the cached wasm. */
export function fixedModelFiles(record: ModelRecord): ModelFile[] | PlanError {
  let base: string;
  try {
    base = modelBaseUrl(record.model);
  } catch {
    return { code: 'invalid-record', detail: `model URL is not absolute: ${record.model}` };
  }
  if (!record.model_lib) return { code: 'invalid-record', detail: 'model_lib is missing' };
  const files: ModelFile[] = [];
  const manifest = modelManifestUrl(record, base);
  if (manifest !== undefined) files.push({ url: manifest, scope: 'webllm/config', kind: 'manifest' });
  files.push({ url: chatConfigUrl(base), scope: 'webllm/config', kind: 'config' });
  files.push({ url: tensorCacheManifestUrl(base), scope: 'webllm/model', kind: 'tensor-cache' });
  if (isWasmCached(record.model_lib)) files.push({ url: record.model_lib, scope: 'webllm/wasm', kind: 'wasm' });
  return files;
}

/** Every file `engine.reload(record.model_id)` reads from the Cache API, in download order (small files first). */
export async function planModelFiles(record: ModelRecord, fetchJson: FetchJson): Promise<ModelFilePlan> {
  const fixed = fixedModelFiles(record);
  if (!Array.isArray(fixed)) return { ok: false, error: fixed };
  const base = modelBaseUrl(record.model);
  const files = [...fixed];
  let complete = true;

  const configUrl = chatConfigUrl(base);
  const config = await fetchJson(configUrl, 'webllm/config');
  if (config === undefined) complete = false;
  else {
    const tokenizerFiles = readTokenizerFiles(config, record);
    const tokenizer = tokenizerFiles && tokenizerUrl(base, tokenizerFiles);
    if (!tokenizer) return corrupt(configUrl, 'chat config lists no tokenizer.json or tokenizer.model');
    files.push({ url: tokenizer, scope: 'webllm/model', kind: 'tokenizer' });
  }

  const manifestUrl = tensorCacheManifestUrl(base);
  const manifest = await fetchJson(manifestUrl, 'webllm/model');
  if (manifest === undefined) complete = false;
  else {
    const shards = readShards(manifest);
    if (!shards) return corrupt(manifestUrl, 'tensor-cache.json has no valid records[] with dataPath and nbytes');
    for (const shard of shards) {
      files.push({ url: shardUrl(base, shard.dataPath), scope: 'webllm/model', kind: 'shard', bytes: shard.nbytes });
    }
  }
  return { ok: true, files, complete };
}

function corrupt(url: string, detail: string): ModelFilePlan {
  return { ok: false, error: { code: 'corrupt', urls: [url], detail } };
}

/** `record.overrides` is merged over the chat config by reloadInternal, so it can replace `tokenizer_files`. */
function readTokenizerFiles(config: unknown, record: ModelRecord): string[] | undefined {
  const fromOverrides = record.overrides?.tokenizer_files;
  const value = fromOverrides ?? (isObject(config) ? config['tokenizer_files'] : undefined);
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
}

function readShards(manifest: unknown): { dataPath: string; nbytes: number }[] | undefined {
  const records = isObject(manifest) ? manifest['records'] : undefined;
  if (!Array.isArray(records)) return undefined;
  const shards: { dataPath: string; nbytes: number }[] = [];
  for (const entry of records) {
    if (!isObject(entry)) return undefined;
    const { dataPath, nbytes } = entry;
    if (typeof dataPath !== 'string' || typeof nbytes !== 'number' || !Number.isSafeInteger(nbytes) || nbytes < 0) {
      return undefined;
    }
    shards.push({ dataPath, nbytes });
  }
  return shards;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
