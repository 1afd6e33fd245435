/** Telling GGUF (CPU) records from WebLLM (GPU) ones, and what each needs of its memory budget. Pure. */
import type { AnyModelRecord, GgufModelRecord, ModelDevice, WebLlmModelRecord } from './types';

export function isGgufRecord(record: AnyModelRecord): record is GgufModelRecord {
  return (record as Partial<GgufModelRecord>).format === 'gguf';
}

export function isWebLlmRecord(record: AnyModelRecord): record is WebLlmModelRecord {
  return !isGgufRecord(record);
}

export function deviceOf(record: AnyModelRecord): ModelDevice {
  return isGgufRecord(record) ? 'cpu' : 'gpu';
}

/** MB of the device's memory the loaded model takes: GPU memory for WebLLM, RAM for llama.cpp. */
export function memoryNeededMB(record: AnyModelRecord): number {
  return isGgufRecord(record) ? record.ram_required_MB : (record.vram_required_MB ?? 0);
}
