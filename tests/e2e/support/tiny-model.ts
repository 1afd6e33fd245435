/** Tiny llama.cpp models (scripts/tiny-gguf.ts), served from 127.0.0.1 and registered as the user's own GGUF records. */
import type { GgufModelRecord } from '../../../lib/models/types';
import { tinyGguf } from '../../../scripts/tiny-gguf';
import type { LocalServer } from './local-server';

export interface ServedGguf {
  record: GgufModelRecord;
  /** The path the server logs its requests under. */
  path: string;
  bytes: number;
}

/**
 * `ends`: replies end by themselves after a few dozen tokens; otherwise they run to their token limit (for Stop).
 * The vocabulary is small, so prompts take about one token per 1–3 characters: a 4,096-token window fits short pages.
 */
export function serveTinyModel(server: LocalServer, modelId: string, ends: boolean): ServedGguf {
  const path = `/models/${modelId}/resolve/main/${modelId.toLowerCase()}.gguf`;
  const body = tinyGguf({ endBias: ends ? 3 : -30, name: modelId });
  const url = server.serve(path, body, 'application/octet-stream');
  return {
    record: {
      format: 'gguf',
      model_id: modelId,
      model: url,
      ram_required_MB: 64,
      overrides: { context_window_size: 4096 },
    },
    path,
    bytes: body.length,
  };
}
