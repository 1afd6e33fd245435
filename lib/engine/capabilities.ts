/** What the WebGPU adapter offers, and what that means for running models. Pure: probing lives in the offscreen page. */

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

export type GpuUnavailableReason = 'no-webgpu-api' | 'no-adapter' | 'probe-failed' | 'buffer-limit-too-small';

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

/** WebLLM's smallest models need storage buffers of this size; below it nothing can load. */
export const MIN_STORAGE_BUFFER_BYTES = 128 * 1024 * 1024;

export function interpretGpuProbe(probe: GpuProbe): GpuCapabilities {
  const hasShaderF16 = probe.features.includes('shader-f16');
  const maxBufferSize = probe.maxBufferSize ?? 0;
  const maxStorageBufferBindingSize = probe.maxStorageBufferBindingSize ?? 0;
  const adapterName =
    [probe.vendor, probe.architecture, probe.description].filter((part) => part && part.length > 0).join(' ') ||
    'unknown adapter';
  const base = {
    precision: (hasShaderF16 ? 'f16' : 'f32') as ShaderPrecision,
    hasShaderF16,
    isFallbackAdapter: probe.isFallbackAdapter ?? false,
    adapterName,
    maxBufferSize,
    maxStorageBufferBindingSize,
    ...(probe.deviceMemoryGB === undefined ? {} : { deviceMemoryGB: probe.deviceMemoryGB }),
  };
  const reason = unavailableReason(probe, maxStorageBufferBindingSize);
  return reason ? { ...base, usable: false, reason } : { ...base, usable: true };
}

function unavailableReason(probe: GpuProbe, maxStorageBufferBindingSize: number): GpuUnavailableReason | undefined {
  if (!probe.hasNavigatorGpu) return 'no-webgpu-api';
  if (probe.probeError) return 'probe-failed';
  if (!probe.adapterFound) return 'no-adapter';
  if (maxStorageBufferBindingSize < MIN_STORAGE_BUFFER_BYTES) return 'buffer-limit-too-small';
  return undefined;
}
