/** WebLLM's smallest models need storage buffers of this size; below it nothing can load. */
import type { GpuUnavailableReason } from '../core/errors';
import type { GpuCapabilities, GpuProbe, ShaderPrecision } from './types';
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
