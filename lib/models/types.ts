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
