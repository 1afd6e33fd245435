import type { ModelRecord } from '@mlc-ai/web-llm';
import type { GpuUnavailableReason } from '../core/errors';

export type TaskKind = 'summarize' | 'draft' | 'rewrite' | 'chat';

export const TASK_KINDS: readonly TaskKind[] = ['summarize', 'draft', 'rewrite', 'chat'];

/** Raw facts read from `navigator.gpu` by the probe in the offscreen document. */
export interface GpuProbe {
  /** `navigator.gpu` exists at all (false in browsers or contexts without WebGPU). */
  hasNavigatorGpu: boolean;
  /** `requestAdapter()` returned an adapter. */
  adapterFound: boolean;
  /** Error text when requestAdapter/requestDevice threw. */
  probeError?: string;
  vendor?: string;
  architecture?: string;
  description?: string;
  isFallbackAdapter?: boolean;
  features: string[];
  maxBufferSize?: number;
  maxStorageBufferBindingSize?: number;
  /** navigator.deviceMemory (GB, rounded by the browser), a hint for the GPU memory budget. */
  deviceMemoryGB?: number;
}

/** What the WebGPU adapter offers, and what that means for running models. Pure: probing lives in the offscreen page. */

/** Which WebLLM quantisation a model should use on this adapter. */
export type ShaderPrecision = 'f16' | 'f32';

export interface GpuCapabilities {
  usable: boolean;
  reason?: GpuUnavailableReason;
  precision: ShaderPrecision;
  hasShaderF16: boolean;
  isFallbackAdapter: boolean;
  adapterName: string;
  maxBufferSize: number;
  maxStorageBufferBindingSize: number;
  deviceMemoryGB?: number;
}

/**
 * A model for the CPU engine (llama.cpp in WebAssembly): one GGUF file, or the first part of a split one
 * (`name-00001-of-00003.gguf`, the parts next to it). Field names follow WebLLM's records where they mean the same.
 */
export interface GgufModelRecord {
  format: 'gguf';
  model_id: string;
  /** URL of the .gguf file (of its first part when split). */
  model: string;
  /** Memory the loaded model takes (weights, context cache, buffers), checked against the RAM budget. */
  ram_required_MB: number;
  /** What the download is, as its host lists it (the real size comes with the download); shown before one. */
  download_MB?: number;
  overrides: { context_window_size: number };
}

/** A WebLLM record (GPU) or a GGUF record (CPU): everything a task can run on. */
export type AnyModelRecord = WebLlmModelRecord | GgufModelRecord;

/** WebLLM's own record type, named for what it is beside GGUF records. */
export type WebLlmModelRecord = ModelRecord;

/** Where a model runs: WebLLM on the GPU, llama.cpp on the CPU. */
export type ModelDevice = 'gpu' | 'cpu';

/** Which engine a task runs on: WebLLM on the GPU when it can (else the CPU), or always one of them. */
export type EngineChoice = 'auto' | 'gpu' | 'cpu';

/**
 * Why a task runs on the CPU: the user chose it (or a GGUF model), there is no usable GPU, the model does not fit the
 * GPU memory budget, or the GPU lacks 16-bit shaders for the model picked.
 */
export type CpuReason = 'chosen' | 'no-gpu' | 'gpu-memory' | 'shader-f16';

/** What runs where, said plainly in the panel: the device, why the CPU, and the speed to expect there. */
export interface EngineUse {
  device: ModelDevice;
  cpuReason?: CpuReason;
  /** A rough estimate for CPU models (see lib/models/cpu-speed). */
  expectedTokensPerSecond?: number;
}
