import { afterEach, describe, expect, it, vi } from 'vitest';
import { probeGpu } from '../gpu-probe';

const GiB = 1024 * 1024 * 1024;

function adapter(overrides: Record<string, unknown> = {}) {
  return {
    features: new Set(['shader-f16', 'timestamp-query']),
    limits: { maxBufferSize: 4 * GiB, maxStorageBufferBindingSize: 2 * GiB },
    info: { vendor: 'nvidia', architecture: 'ampere', description: 'RTX 3060', isFallbackAdapter: false },
    ...overrides,
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('probeGpu', () => {
  it('reports no WebGPU when navigator.gpu is missing', async () => {
    vi.stubGlobal('navigator', {});
    expect(await probeGpu()).toEqual({ hasNavigatorGpu: false, adapterFound: false, features: [] });
  });

  it('reads navigator.gpu when no gpu is passed in', async () => {
    vi.stubGlobal('navigator', { gpu: { requestAdapter: async () => adapter() } });
    expect(await probeGpu()).toMatchObject({ hasNavigatorGpu: true, adapterFound: true, vendor: 'nvidia' });
  });

  it('reports no adapter when requestAdapter returns null', async () => {
    const probe = await probeGpu({ requestAdapter: async () => null });
    expect(probe).toEqual({ hasNavigatorGpu: true, adapterFound: false, features: [] });
  });

  it('reports the error text when requestAdapter throws, cut to 200 characters', async () => {
    const message = `adapter exploded ${'x'.repeat(400)}`;
    const probe = await probeGpu({
      requestAdapter: async () => {
        throw new Error(message);
      },
    });
    expect(probe.hasNavigatorGpu).toBe(true);
    expect(probe.adapterFound).toBe(false);
    expect(probe.probeError?.startsWith('Error: adapter exploded')).toBe(true);
    expect(probe.probeError).toHaveLength(200);
  });

  it('asks for the high-performance adapter', async () => {
    const requestAdapter = vi.fn(async () => adapter());
    await probeGpu({ requestAdapter });
    expect(requestAdapter).toHaveBeenCalledWith({ powerPreference: 'high-performance' });
  });

  it('reads the adapter info, its features set and its limits', async () => {
    const probe = await probeGpu({ requestAdapter: async () => adapter() });
    expect(probe).toEqual({
      hasNavigatorGpu: true,
      adapterFound: true,
      vendor: 'nvidia',
      architecture: 'ampere',
      description: 'RTX 3060',
      isFallbackAdapter: false,
      features: ['shader-f16', 'timestamp-query'],
      maxBufferSize: 4 * GiB,
      maxStorageBufferBindingSize: 2 * GiB,
    });
  });

  it('finds the fallback flag on the adapter itself in browsers without adapter.info.isFallbackAdapter', async () => {
    const probe = await probeGpu({
      requestAdapter: async () =>
        adapter({
          info: { vendor: 'google', architecture: 'swiftshader' },
          isFallbackAdapter: true,
          features: new Set(),
        }),
    });
    expect(probe).toMatchObject({
      vendor: 'google',
      architecture: 'swiftshader',
      isFallbackAdapter: true,
      features: [],
    });
  });

  it('copes with an adapter that has no info at all', async () => {
    const probe = await probeGpu({ requestAdapter: async () => adapter({ info: undefined }) });
    expect(probe).toMatchObject({ adapterFound: true, vendor: undefined, isFallbackAdapter: false });
  });
});
