/**
 * WebLLM's prebuilt records for the models Tacit offers, copied so that the background and panel need not
 * bundle WebLLM itself (6 MB). A unit test keeps this table identical to the installed WebLLM's prebuiltAppConfig.
 */
import type { ModelRecord } from '@mlc-ai/web-llm';

const WEIGHTS_BASE = 'https://huggingface.co/mlc-ai/';
/** Must match the installed WebLLM's `modelLibURLPrefix + modelVersion`; the test says when it does not. */
const LIBRARY_BASE = 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/';

function prebuilt(modelId: string, library: string, vramMB: number, features?: string[]): ModelRecord {
  return {
    model: `${WEIGHTS_BASE}${modelId}`,
    model_id: modelId,
    model_lib: `${LIBRARY_BASE}${library}-webgpu.wasm`,
    low_resource_required: true,
    vram_required_MB: vramMB,
    ...(features ? { required_features: features } : {}),
    overrides: { context_window_size: 4096 },
  };
}

export const PREBUILT_RECORDS: readonly ModelRecord[] = [
  prebuilt('Qwen2.5-1.5B-Instruct-q4f16_1-MLC', 'Qwen2-1.5B-Instruct-q4f16_1_cs1k', 1629.75),
  prebuilt('Qwen2.5-1.5B-Instruct-q4f32_1-MLC', 'Qwen2-1.5B-Instruct-q4f32_1_cs1k', 1888.97),
  prebuilt('Qwen2.5-0.5B-Instruct-q4f16_1-MLC', 'Qwen2-0.5B-Instruct-q4f16_1_cs1k', 944.62),
  prebuilt('Qwen2.5-0.5B-Instruct-q4f32_1-MLC', 'Qwen2-0.5B-Instruct-q4f32_1_cs1k', 1060.2),
  prebuilt('Llama-3.2-3B-Instruct-q4f16_1-MLC', 'Llama-3.2-3B-Instruct-q4f16_1_cs1k', 2263.69),
  prebuilt('Llama-3.2-3B-Instruct-q4f32_1-MLC', 'Llama-3.2-3B-Instruct-q4f32_1_cs1k', 2951.51),
  prebuilt('Llama-3.2-1B-Instruct-q4f16_1-MLC', 'Llama-3.2-1B-Instruct-q4f16_1_cs1k', 879.04),
  prebuilt('Llama-3.2-1B-Instruct-q4f32_1-MLC', 'Llama-3.2-1B-Instruct-q4f32_1_cs1k', 1128.82),
];
