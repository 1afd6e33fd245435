/**
 * Firefox's background page hosts the engine: where Firefox offers WebGPU and its adapter is usable, a task runs on
 * WebLLM as in Chromium's offscreen document; otherwise on llama.cpp. The path the background takes, with fakes for the
 * browser: the host's facts, the GPU probed in that page (a fake navigator.gpu), the task environment, the choice.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { isGgufRecord } from '../../models/records';
import type { EngineUse } from '../../models/types';
import { probeGpu } from '../../offscreen/gpu-probe';
import { engineHostFacts } from '../../platform/browser-features';
import { chooseModel, type ModelChoice } from '../../tasks/common/model-choice';
import { gpuCapabilitiesFrom } from '../gpu-capabilities';
import { loadTaskEnvironment } from '../task-environment';
import { taskEngines } from '../../settings/settings';

const GiB = 1024 * 1024 * 1024;

/** What Firefox's navigator.gpu gives: an adapter like a desktop GPU's, or none (blocklisted driver, no GPU). */
type FakeGpu = { requestAdapter(): Promise<ReturnType<typeof desktopAdapter> | null>; requests: number };

function desktopAdapter() {
  return {
    features: new Set(['shader-f16']),
    limits: { maxBufferSize: 4 * GiB, maxStorageBufferBindingSize: 2 * GiB },
    info: { vendor: 'amd', architecture: 'rdna-3', description: 'Radeon RX 7600', isFallbackAdapter: false },
  };
}

function fakeGpu(adapter: 'usable' | 'none'): FakeGpu {
  const gpu: FakeGpu = {
    requests: 0,
    requestAdapter: async () => {
      gpu.requests++;
      return adapter === 'usable' ? desktopAdapter() : null;
    },
  };
  return gpu;
}

/** What Firefox's background decides for a page summary, given what its navigator.gpu offers (undefined: WebGPU off). */
async function firefoxChoice(gpu: FakeGpu | undefined): Promise<ModelChoice> {
  const host = engineHostFacts({ offscreen: false, webGpuApi: gpu !== undefined });
  const capabilities = await gpuCapabilitiesFrom(host.engines.gpu ? () => probeGpu(gpu) : null)();
  return chooseModel('summarize', await loadTaskEnvironment(capabilities, false, host));
}

function engineOf(choice: ModelChoice): { engine: 'webllm' | 'wllama'; use: EngineUse } {
  if (!choice.ok) throw new Error(`expected a model, got ${JSON.stringify(choice.error)}`);
  return { engine: isGgufRecord(choice.record) ? 'wllama' : 'webllm', use: choice.use };
}

beforeEach(() => fakeBrowser.reset());

describe("Firefox's background page as the engine host", () => {
  it('offers WebLLM where Firefox offers WebGPU, never cross-origin isolated; Chromium offers both, isolated', () => {
    expect(engineHostFacts({ offscreen: false, webGpuApi: true })).toEqual({
      engines: { gpu: true, cpu: true },
      crossOriginIsolated: false,
    });
    expect(engineHostFacts({ offscreen: false, webGpuApi: false }).engines).toEqual({ gpu: false, cpu: true });
    expect(engineHostFacts({ offscreen: true, webGpuApi: false })).toEqual({
      engines: { gpu: true, cpu: true },
      crossOriginIsolated: true,
    });
  });

  it('runs a task on WebLLM when navigator.gpu gives a usable adapter, with its 16-bit build', async () => {
    const choice = await firefoxChoice(fakeGpu('usable'));
    expect(engineOf(choice)).toEqual({ engine: 'webllm', use: { device: 'gpu' } });
    expect(choice.ok && choice.record.model_id).toBe('Qwen2.5-1.5B-Instruct-q4f16_1-MLC');
  });

  it('falls back to llama.cpp when navigator.gpu finds no adapter, saying there is no usable GPU', async () => {
    const { engine, use } = engineOf(await firefoxChoice(fakeGpu('none')));
    expect(engine).toBe('wllama');
    expect(use).toMatchObject({ device: 'cpu', cpuReason: 'no-gpu' });
  });

  it('runs on llama.cpp without asking for an adapter where Firefox offers no WebGPU', async () => {
    const { engine, use } = engineOf(await firefoxChoice(undefined));
    expect(engine).toBe('wllama');
    expect(use).toMatchObject({ device: 'cpu', cpuReason: 'no-gpu' });
  });

  it('keeps a task on the CPU when the user chose it, even with a usable GPU', async () => {
    await taskEngines.setValue({ summarize: 'cpu' });
    const { engine, use } = engineOf(await firefoxChoice(fakeGpu('usable')));
    expect(engine).toBe('wllama');
    expect(use).toMatchObject({ device: 'cpu', cpuReason: 'chosen' });
  });

  it('a task forced onto the GPU with no adapter is refused with the reason, not moved', async () => {
    await taskEngines.setValue({ summarize: 'gpu' });
    const choice = await firefoxChoice(fakeGpu('none'));
    expect(choice).toMatchObject({ ok: false, error: { code: 'no-webgpu', reason: 'no-adapter' } });
  });
});

describe('gpuCapabilitiesFrom', () => {
  it('probes once per browser session in the page it is given, and says nothing where there is no prober', async () => {
    expect(await gpuCapabilitiesFrom(null)()).toBeNull();

    const gpu = fakeGpu('usable');
    const capabilities = gpuCapabilitiesFrom(() => probeGpu(gpu));
    const [first, second] = await Promise.all([capabilities(), capabilities()]);
    expect(first).toMatchObject({ usable: true, adapterName: 'amd rdna-3 Radeon RX 7600', hasShaderF16: true });
    expect(second).toEqual(first);
    // A background page that starts again reads the session's result back instead of probing.
    expect(await gpuCapabilitiesFrom(() => probeGpu(gpu))()).toEqual(first);
    expect(gpu.requests).toBe(1);
  });

  it('probes again after a failed probe', async () => {
    let calls = 0;
    const capabilities = gpuCapabilitiesFrom(async () => {
      calls++;
      if (calls === 1) throw new Error('GPU process restarting');
      return probeGpu(fakeGpu('usable'));
    });
    await expect(capabilities()).rejects.toThrow('GPU process restarting');
    expect(await capabilities()).toMatchObject({ usable: true });
    expect(calls).toBe(2);
  });
});
