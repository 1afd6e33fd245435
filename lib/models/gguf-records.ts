/**
 * GGUF builds of Tacit's models for the CPU engine (llama.cpp in WebAssembly), all Q4_K_M quantisations by one
 * publisher (bartowski, with importance matrices) so they behave alike. Download sizes as Hugging Face lists them;
 * RAM is the file plus the context cache at 4,096 tokens and llama.cpp's compute buffers (mostly the vocabulary's
 * logits), rounded up.
 */
import type { GgufModelRecord } from './types';

const HUGGING_FACE = 'https://huggingface.co/';

function gguf(modelId: string, repo: string, file: string, downloadMB: number, ramMB: number): GgufModelRecord {
  return {
    format: 'gguf',
    model_id: modelId,
    model: `${HUGGING_FACE}${repo}/resolve/main/${file}`,
    download_MB: downloadMB,
    ram_required_MB: ramMB,
    overrides: { context_window_size: 4096 },
  };
}

export const GGUF_RECORDS: readonly GgufModelRecord[] = [
  // 28 layers, 2 KV heads × 128: 112 MB of context cache; 152k-token vocabulary.
  gguf(
    'Qwen2.5-1.5B-Instruct-Q4_K_M-GGUF',
    'bartowski/Qwen2.5-1.5B-Instruct-GGUF',
    'Qwen2.5-1.5B-Instruct-Q4_K_M.gguf',
    986,
    1450,
  ),
  // 24 layers, 2 KV heads × 64: 48 MB of context cache.
  gguf(
    'Qwen2.5-0.5B-Instruct-Q4_K_M-GGUF',
    'bartowski/Qwen2.5-0.5B-Instruct-GGUF',
    'Qwen2.5-0.5B-Instruct-Q4_K_M.gguf',
    398,
    800,
  ),
  // 28 layers, 8 KV heads × 128: 448 MB of context cache.
  gguf(
    'Llama-3.2-3B-Instruct-Q4_K_M-GGUF',
    'bartowski/Llama-3.2-3B-Instruct-GGUF',
    'Llama-3.2-3B-Instruct-Q4_K_M.gguf',
    2020,
    2800,
  ),
  // 16 layers, 8 KV heads × 64: 128 MB of context cache.
  gguf(
    'Llama-3.2-1B-Instruct-Q4_K_M-GGUF',
    'bartowski/Llama-3.2-1B-Instruct-GGUF',
    'Llama-3.2-1B-Instruct-Q4_K_M.gguf',
    808,
    1250,
  ),
  // 32 layers, 5 KV heads × 64: 160 MB of context cache; English only, for computers with little memory.
  gguf(
    'SmolLM2-360M-Instruct-Q4_K_M-GGUF',
    'bartowski/SmolLM2-360M-Instruct-GGUF',
    'SmolLM2-360M-Instruct-Q4_K_M.gguf',
    271,
    600,
  ),
];
