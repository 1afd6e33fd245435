/** Which model each task uses: a default and a lighter alternative per task, picked per adapter precision. */
import type { ModelRecord } from '@mlc-ai/web-llm';
import type { ShaderPrecision } from '../engine/capabilities';
import { PREBUILT_RECORDS } from './prebuilt-records';

export type TaskKind = 'summarize' | 'draft' | 'rewrite' | 'chat';
export const TASK_KINDS: readonly TaskKind[] = ['summarize', 'draft', 'rewrite', 'chat'];

/** A model in two quantisations: q4f16_1 needs `shader-f16`; q4f32_1 runs everywhere WebGPU does. */
export interface ModelFamily {
  id: string;
  label: string;
  variants: Record<ShaderPrecision, string>;
}

export const MODEL_FAMILIES = {
  // Strong instruction following and multilingual output at under 2 GB: the best all-round small model.
  'qwen2.5-1.5b': {
    id: 'qwen2.5-1.5b',
    label: 'Qwen2.5 1.5B Instruct',
    variants: { f16: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC', f32: 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC' },
  },
  // The same family at a third of the size: for small GPUs, still multilingual.
  'qwen2.5-0.5b': {
    id: 'qwen2.5-0.5b',
    label: 'Qwen2.5 0.5B Instruct',
    variants: { f16: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC', f32: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC' },
  },
  // Writes the most natural prose of the small models: worth its 2.3 GB for email drafts.
  'llama-3.2-3b': {
    id: 'llama-3.2-3b',
    label: 'Llama 3.2 3B Instruct',
    variants: { f16: 'Llama-3.2-3B-Instruct-q4f16_1-MLC', f32: 'Llama-3.2-3B-Instruct-q4f32_1-MLC' },
  },
  // Same prose style at 1 GB.
  'llama-3.2-1b': {
    id: 'llama-3.2-1b',
    label: 'Llama 3.2 1B Instruct',
    variants: { f16: 'Llama-3.2-1B-Instruct-q4f16_1-MLC', f32: 'Llama-3.2-1B-Instruct-q4f32_1-MLC' },
  },
} as const satisfies Record<string, ModelFamily>;

export type ModelFamilyId = keyof typeof MODEL_FAMILIES;

/** Default and lighter model per task. Chat follow-ups share the summary model so its conversation state is reused. */
export const TASK_MODELS: Record<TaskKind, { default: ModelFamilyId; light: ModelFamilyId }> = {
  summarize: { default: 'qwen2.5-1.5b', light: 'qwen2.5-0.5b' },
  chat: { default: 'qwen2.5-1.5b', light: 'qwen2.5-0.5b' },
  rewrite: { default: 'qwen2.5-1.5b', light: 'qwen2.5-0.5b' },
  draft: { default: 'llama-3.2-3b', light: 'llama-3.2-1b' },
};

export function modelIdForTask(task: TaskKind, precision: ShaderPrecision, choice: 'default' | 'light' = 'default'): string {
  return MODEL_FAMILIES[TASK_MODELS[task][choice]].variants[precision];
}

export function prebuiltRecord(modelId: string): ModelRecord | undefined {
  return PREBUILT_RECORDS.find((record) => record.model_id === modelId);
}
