/** Reads the WebGPU adapter's facts in the page it runs in (the offscreen document). */
import type { GpuProbe } from '../models/types';

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

interface AdapterLike {
  features: Iterable<string>;
  limits: { maxBufferSize: number; maxStorageBufferBindingSize: number };
  info?: AdapterInfoLike;
  isFallbackAdapter?: boolean;
}

interface GpuLike {
  requestAdapter(options?: { powerPreference?: 'high-performance' | 'low-power' }): Promise<AdapterLike | null>;
}

export async function probeGpu(gpu: GpuLike | undefined = (navigator as { gpu?: GpuLike }).gpu): Promise<GpuProbe> {
  if (!gpu) return { hasNavigatorGpu: false, adapterFound: false, features: [] };
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { hasNavigatorGpu: true, adapterFound: false, features: [] };
    const info = adapter.info ?? {};
    return {
      hasNavigatorGpu: true,
      adapterFound: true,
      vendor: info.vendor,
      architecture: info.architecture,
      description: info.description,
      isFallbackAdapter: info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false,
      features: [...adapter.features],
      maxBufferSize: adapter.limits.maxBufferSize,
      maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
      ...deviceMemory(),
    };
  } catch (error) {
    // Not silent: the background reads the failure from the result and records its reason.
    return { hasNavigatorGpu: true, adapterFound: false, features: [], probeError: String(error).slice(0, 200) };
  }
}

function deviceMemory(): { deviceMemoryGB?: number } {
  const value = (globalThis.navigator as { deviceMemory?: number } | undefined)?.deviceMemory;
  return typeof value === 'number' ? { deviceMemoryGB: value } : {};
}
