/** A small fake MLC model (config, tokenizer, tensor cache with three shards, model library) served from 127.0.0.1. */
import type { LocalServer } from './local-server';

export const SHARD_BYTES = 2 * 1024 * 1024;

export interface ServedModel {
  modelId: string;
  /** The record fields as a user types them in Options. */
  weightsUrl: string;
  libraryUrl: string;
  /** Paths (as the server logs them) of every file, shards last. */
  paths: string[];
  shardPaths: string[];
}

export function serveFakeModel(server: LocalServer, modelId = 'Tiny-Test-q4f32_1-MLC'): ServedModel {
  const base = `/models/mlc-ai/${modelId}/resolve/main/`;
  const json = (value: unknown) => JSON.stringify(value);
  const shardPaths = [0, 1, 2].map((index) => `${base}params_shard_${index}.bin`);
  server.serve(
    `${base}mlc-chat-config.json`,
    json({ model_type: 'qwen2', tokenizer_files: ['tokenizer.json'], conv_template: { name: 'test' } }),
    'application/json',
  );
  server.serve(
    `${base}tensor-cache.json`,
    json({
      metadata: { ParamSize: 3, ParamBytes: 3 * SHARD_BYTES, BitsPerParam: 4 },
      records: shardPaths.map((_, index) => ({
        dataPath: `params_shard_${index}.bin`,
        format: 'raw-shard',
        nbytes: SHARD_BYTES,
        records: [
          {
            name: `w${index}`,
            shape: [SHARD_BYTES],
            dtype: 'uint8',
            format: 'raw',
            nbytes: SHARD_BYTES,
            byteOffset: 0,
          },
        ],
      })),
    }),
    'application/json',
  );
  server.serve(
    `${base}tokenizer.json`,
    json({ version: '1.0', model: { type: 'BPE', vocab: { a: 0 } } }),
    'application/json',
  );
  shardPaths.forEach((path, index) =>
    server.serve(path, new Uint8Array(SHARD_BYTES).fill(index + 1), 'application/octet-stream'),
  );
  const libraryPath = `/models/libs/${modelId}-webgpu.wasm`;
  server.serve(libraryPath, new Uint8Array(64 * 1024).fill(7), 'application/wasm');
  return {
    modelId,
    weightsUrl: `${server.origin}/models/mlc-ai/${modelId}`,
    libraryUrl: `${server.origin}${libraryPath}`,
    paths: [
      `${base}mlc-chat-config.json`,
      `${base}tensor-cache.json`,
      `${base}tokenizer.json`,
      libraryPath,
      ...shardPaths,
    ],
    shardPaths,
  };
}
