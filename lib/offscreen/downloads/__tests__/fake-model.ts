/** A tiny fake MLC model (config, tokenizer, tensor-cache.json, 3 shards, wasm) and a fetch that serves it from memory. */
import type { ModelRecord } from '@mlc-ai/web-llm';

export const ORIGIN = 'http://127.0.0.1:8123';
export const WASM_URL = `${ORIGIN}/mlc-ai/binary-mlc-llm-libs/fake-q4f32_1-webgpu.wasm`;
export const SHARD_SIZES = [4096, 5000, 3000] as const;

/** A model as a Tacit mirror serves it: `model` without "/resolve/main", which WebLLM appends. */
export function fakeRecord(name = 'Fake-Model-q4f32_1-MLC', modelLib = WASM_URL): ModelRecord {
  return { model: `${ORIGIN}/mlc-ai/${name}`, model_id: name, model_lib: modelLib };
}

/** URL → body for every file of the model, at the URLs WebLLM builds (written out, not computed by the code under test). */
export function fakeModelFiles(name = 'Fake-Model-q4f32_1-MLC', seed = 1): Map<string, Uint8Array> {
  const base = `${ORIGIN}/mlc-ai/${name}/resolve/main/`;
  const text = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  const files = new Map<string, Uint8Array>();
  files.set(
    `${base}mlc-chat-config.json`,
    text({
      model_type: 'qwen2',
      tokenizer_files: ['tokenizer.json', 'vocab.json', 'tokenizer_config.json'],
      conv_template: { name: 'fake' },
    }),
  );
  files.set(
    `${base}tensor-cache.json`,
    text({
      metadata: { ParamSize: 3, ParamBytes: 12096, BitsPerParam: 4 },
      records: SHARD_SIZES.map((nbytes, i) => ({
        dataPath: `params_shard_${i}.bin`,
        format: 'raw-shard',
        nbytes,
        records: [{ name: `w${i}`, shape: [nbytes], dtype: 'uint8', format: 'raw', nbytes, byteOffset: 0 }],
        md5sum: 'not-checked',
      })),
    }),
  );
  files.set(`${base}tokenizer.json`, text({ version: '1.0', model: { type: 'BPE', vocab: { a: 0, b: 1 } } }));
  files.set(`${base}vocab.json`, text({ a: 0 }));
  SHARD_SIZES.forEach((size, i) => files.set(`${base}params_shard_${i}.bin`, bytes(size, seed + i)));
  files.set(WASM_URL, bytes(2500, 99));
  return files;
}

export interface FileBehavior {
  status?: number;
  /** Body errors after this many bytes (a cut connection). */
  cutAfter?: number;
  /** Body stalls after this many bytes until the request is aborted. */
  stallAfter?: number;
  /** Serve only this many bytes, with a matching content-length (a truncated file upstream). */
  truncateTo?: number;
  /** No content-length header (a chunked response). */
  noLength?: boolean;
  /** fetch itself rejects (host unreachable). */
  unreachable?: boolean;
  /** Answers a range request with the whole file (200), as hosts without range support do. */
  ignoreRange?: boolean;
}

export interface FakeServer {
  fetch: typeof fetch;
  log: string[];
  /** The Range header of each request that had one, in order. */
  ranges: string[];
  /** The URL of each response whose body the client cancelled before its end. */
  cancelled: string[];
  behavior: Map<string, FileBehavior>;
}

const CHUNK = 1024;

export function fakeServer(files: Map<string, Uint8Array>): FakeServer {
  const log: string[] = [];
  const ranges: string[] = [];
  const cancelled: string[] = [];
  const behavior = new Map<string, FileBehavior>();
  const fetchFake = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(`${ORIGIN}/`)) throw new TypeError(`test fetch refuses ${url}`);
    log.push(url);
    const signal = init?.signal ?? undefined;
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const rule = behavior.get(url) ?? {};
    if (rule.unreachable) throw new TypeError('Failed to fetch');
    const file = files.get(url);
    if (!file || rule.status !== undefined) return new Response('not found', { status: rule.status ?? 404 });
    const range = new Headers(init?.headers).get('range');
    if (range) ranges.push(range);
    const from = range && !rule.ignoreRange ? Number(/^bytes=(\d+)-$/.exec(range)?.[1] ?? 0) : 0;
    const whole = rule.truncateTo === undefined ? file : file.slice(0, rule.truncateTo);
    const served = whole.slice(from);
    return new Response(
      streamOf(served, rule, signal, () => cancelled.push(url)),
      {
        status: from > 0 ? 206 : 200,
        headers: rule.noLength
          ? { 'content-type': 'application/octet-stream' }
          : { 'content-length': String(served.byteLength), 'content-type': 'application/octet-stream' },
      },
    );
  };
  return { fetch: fetchFake as typeof fetch, log, ranges, cancelled, behavior };
}

function streamOf(
  body: Uint8Array,
  rule: FileBehavior,
  signal: AbortSignal | undefined,
  onCancel: () => void,
): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')), {
        once: true,
      });
    },
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (signal?.aborted) return;
      if (rule.cutAfter !== undefined && offset >= rule.cutAfter) {
        controller.error(new TypeError('terminated: other side closed'));
        return;
      }
      if (rule.stallAfter !== undefined && offset >= rule.stallAfter) return new Promise<void>(() => undefined);
      if (offset >= body.byteLength) {
        controller.close();
        return;
      }
      const end = Math.min(body.byteLength, offset + CHUNK, rule.cutAfter ?? Infinity);
      controller.enqueue(body.slice(offset, end));
      offset = end;
    },
    cancel: onCancel,
  });
}

export function bytes(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let state = seed * 2654435761;
  for (let i = 0; i < size; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

/** A clock that moves 50 ms each time it is read. */
export function steppingClock(stepMs = 50): () => number {
  let t = 0;
  return () => (t += stepMs);
}
