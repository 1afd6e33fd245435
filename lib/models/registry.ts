/** Which model each task uses: a default and a lighter alternative per task, picked per adapter precision. */
import type { ModelRecord } from '@mlc-ai/web-llm';
import type { ShaderPrecision, TaskKind } from './types';
import { PREBUILT_RECORDS } from './prebuilt-records';

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

export function modelIdForTask(
  task: TaskKind,
  precision: ShaderPrecision,
  choice: 'default' | 'light' = 'default',
): string {
  return MODEL_FAMILIES[TASK_MODELS[task][choice]].variants[precision];
}

export function prebuiltRecord(modelId: string): ModelRecord | undefined {
  return PREBUILT_RECORDS.find((record) => record.model_id === modelId);
}

/** Every model a task can use: both builds of each family, then the user's own records. */
export function registeredModels(customRecords: readonly ModelRecord[]): ModelRecord[] {
  return [...PREBUILT_RECORDS, ...customRecords];
}

/** Whether a model fits the GPU memory budget (a record that does not say what it needs counts as fitting). */
export function fitsBudget(record: ModelRecord | undefined, budgetMB: number): boolean {
  return (record?.vram_required_MB ?? 0) <= budgetMB;
}

/**
 * The choice a task takes while the user has made none: its default model, or its lighter one when only the lighter
 * fits the GPU budget (a small GPU gets a model that runs rather than a refusal).
 */
export function automaticChoice(task: TaskKind, precision: ShaderPrecision, budgetMB: number): 'default' | 'light' {
  const fits = (choice: 'default' | 'light') =>
    fitsBudget(prebuiltRecord(modelIdForTask(task, precision, choice)), budgetMB);
  return !fits('default') && fits('light') ? 'light' : 'default';
}

export type ModelResolution =
  | { ok: true; record: ModelRecord; choice: 'default' | 'light' | 'custom' }
  | { ok: false; reason: 'unknown-model'; modelId: string };

/** The record a task runs on: its default or light family in the adapter's precision, or a model the user picked. */
export function resolveTaskModel(
  task: TaskKind,
  choice: string | undefined,
  precision: ShaderPrecision,
  customRecords: readonly ModelRecord[],
): ModelResolution {
  if (choice === undefined || choice === 'default' || choice === 'light') {
    const modelId = modelIdForTask(task, precision, choice ?? 'default');
    const record = prebuiltRecord(modelId);
    return record ? { ok: true, record, choice: choice ?? 'default' } : { ok: false, reason: 'unknown-model', modelId };
  }
  const record = registeredModels(customRecords).find((candidate) => candidate.model_id === choice);
  return record ? { ok: true, record, choice: 'custom' } : { ok: false, reason: 'unknown-model', modelId: choice };
}

/** A name for people: the family's label and its quantisation for prebuilt models, the id for others. */
export function modelLabel(modelId: string): string {
  for (const family of Object.values(MODEL_FAMILIES)) {
    if (family.variants.f16 === modelId) return `${family.label} (q4f16)`;
    if (family.variants.f32 === modelId) return `${family.label} (q4f32)`;
  }
  return modelId;
}

/** The short name the panel shows: the family's label for prebuilt models ("Qwen2.5 1.5B Instruct"), the id for others. */
export function modelDisplayName(modelId: string): string {
  const family = Object.values(MODEL_FAMILIES).find(
    (candidate) => candidate.variants.f16 === modelId || candidate.variants.f32 === modelId,
  );
  return family?.label ?? modelId;
}
