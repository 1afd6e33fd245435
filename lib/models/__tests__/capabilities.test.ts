import { describe, expect, it } from 'vitest';
import { interpretGpuProbe, MIN_STORAGE_BUFFER_BYTES } from '../capabilities';
import type { GpuProbe } from '../types';

const GiB = 1024 * 1024 * 1024;

/** What Chrome's SwiftShader software adapter reports (headless CI, machines without a GPU driver). */
const SWIFTSHADER: GpuProbe = {
  hasNavigatorGpu: true,
  adapterFound: true,
  vendor: 'google',
  architecture: 'swiftshader',
  description: '',
  isFallbackAdapter: true,
  features: ['depth-clip-control', 'float32-filterable', 'texture-compression-bc'],
  maxBufferSize: GiB,
  maxStorageBufferBindingSize: GiB,
};

const DISCRETE_GPU: GpuProbe = {
  hasNavigatorGpu: true,
  adapterFound: true,
  vendor: 'nvidia',
  architecture: 'ampere',
  description: 'NVIDIA GeForce RTX 3060',
  isFallbackAdapter: false,
  features: ['shader-f16', 'timestamp-query'],
  maxBufferSize: 4 * GiB,
  maxStorageBufferBindingSize: 2 * GiB,
};

describe('interpretGpuProbe', () => {
  it('says WebGPU is missing when the browser has no navigator.gpu', () => {
    const capabilities = interpretGpuProbe({ hasNavigatorGpu: false, adapterFound: false, features: [] });
    expect(capabilities.usable).toBe(false);
    expect(capabilities.reason).toBe('no-webgpu-api');
    expect(capabilities.adapterName).toBe('unknown adapter');
  });

  it('says there is no adapter when requestAdapter returned null', () => {
    const capabilities = interpretGpuProbe({ hasNavigatorGpu: true, adapterFound: false, features: [] });
    expect(capabilities).toMatchObject({ usable: false, reason: 'no-adapter' });
  });

  it('reports a probe that threw as a failed probe, not as a missing adapter', () => {
    const capabilities = interpretGpuProbe({
      hasNavigatorGpu: true,
      adapterFound: false,
      features: [],
      probeError: 'OperationError: Failed to create adapter',
    });
    expect(capabilities).toMatchObject({ usable: false, reason: 'probe-failed' });
  });

  it('rejects an adapter whose storage buffers are too small for any model', () => {
    const capabilities = interpretGpuProbe({
      ...DISCRETE_GPU,
      maxBufferSize: MIN_STORAGE_BUFFER_BYTES - 1,
      maxStorageBufferBindingSize: MIN_STORAGE_BUFFER_BYTES - 1,
    });
    expect(capabilities).toMatchObject({ usable: false, reason: 'buffer-limit-too-small' });
  });

  it('accepts an adapter whose storage buffer limit is exactly the minimum', () => {
    const capabilities = interpretGpuProbe({ ...DISCRETE_GPU, maxStorageBufferBindingSize: MIN_STORAGE_BUFFER_BYTES });
    expect(capabilities.usable).toBe(true);
  });

  it('treats a probe without limits as too small rather than usable', () => {
    const { maxBufferSize: _b, maxStorageBufferBindingSize: _s, ...withoutLimits } = DISCRETE_GPU;
    expect(interpretGpuProbe(withoutLimits)).toMatchObject({ usable: false, reason: 'buffer-limit-too-small' });
  });

  it('accepts the SwiftShader fallback adapter with f32 models and names it', () => {
    const capabilities = interpretGpuProbe(SWIFTSHADER);
    expect(capabilities).toEqual({
      usable: true,
      precision: 'f32',
      hasShaderF16: false,
      isFallbackAdapter: true,
      adapterName: 'google swiftshader',
      maxBufferSize: GiB,
      maxStorageBufferBindingSize: GiB,
    });
  });

  it('picks f16 models on a GPU with shader-f16', () => {
    const capabilities = interpretGpuProbe(DISCRETE_GPU);
    expect(capabilities).toMatchObject({
      usable: true,
      precision: 'f16',
      hasShaderF16: true,
      isFallbackAdapter: false,
      adapterName: 'nvidia ampere NVIDIA GeForce RTX 3060',
    });
    expect(capabilities.reason).toBeUndefined();
  });
});
