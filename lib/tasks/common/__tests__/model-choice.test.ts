import type { ModelRecord } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import type { AnyModelRecord, GgufModelRecord, GpuCapabilities } from '../../../models/types';
import { chooseModel, type ModelChoice, type TaskEnvironment } from '../model-choice';

/** An adapter without shader-f16: every default resolves to its q4f32 build. */
const F32_GPU: GpuCapabilities = {
  usable: true,
  precision: 'f32',
  hasShaderF16: false,
  isFallbackAdapter: false,
  adapterName: 'test adapter',
  maxBufferSize: 2 ** 31,
  maxStorageBufferBindingSize: 2 ** 31,
};

const F16_GPU: GpuCapabilities = { ...F32_GPU, precision: 'f16', hasShaderF16: true };

const ENV: TaskEnvironment = {
  capabilities: F32_GPU,
  mirrorUrl: null,
  scriptedEngine: false,
  gpuBudgetMB: 8000,
  ramBudgetMB: 4096,
  taskModels: {},
  taskEngines: {},
  engines: { gpu: true, cpu: true },
  cpuThreads: 2,
  customModels: [],
};

/** The user forced every task onto the GPU: what it cannot run there is refused, not moved to the CPU. */
const FORCED_GPU: TaskEnvironment = {
  ...ENV,
  taskEngines: { summarize: 'gpu', chat: 'gpu', rewrite: 'gpu', draft: 'gpu' },
};

const MIRROR = 'https://models.example.org/hf';

function customRecord(modelId: string, overrides: Partial<ModelRecord> = {}): ModelRecord {
  return {
    model: `https://weights.example.net/${modelId}`,
    model_id: modelId,
    model_lib: `https://weights.example.net/libs/${modelId}-webgpu.wasm`,
    vram_required_MB: 500,
    ...overrides,
  };
}

function chosen(choice: ModelChoice): AnyModelRecord {
  if (!choice.ok) throw new Error(`expected a model, got ${JSON.stringify(choice.error)}`);
  return choice.record;
}

function onGpu(choice: ModelChoice): ModelRecord {
  const record = chosen(choice);
  if ('format' in record) throw new Error(`expected a WebLLM model, got ${record.model_id}`);
  return record;
}

describe('chooseModel', () => {
  it("runs a task on its default model in the adapter's precision", () => {
    expect(chosen(chooseModel('draft', ENV)).model_id).toBe('Llama-3.2-3B-Instruct-q4f32_1-MLC');
    expect(chosen(chooseModel('draft', { ...ENV, capabilities: F16_GPU })).model_id).toBe(
      'Llama-3.2-3B-Instruct-q4f16_1-MLC',
    );
  });

  it("runs a task on its light model when the user chose it, and leaves other tasks' choices alone", () => {
    const env: TaskEnvironment = { ...ENV, taskModels: { draft: 'light' } };
    expect(chosen(chooseModel('draft', env)).model_id).toBe('Llama-3.2-1B-Instruct-q4f32_1-MLC');
    expect(chosen(chooseModel('summarize', env)).model_id).toBe('Qwen2.5-1.5B-Instruct-q4f32_1-MLC');
  });

  it('fetches a prebuilt model from the mirror, keeping its paths', () => {
    const record = chosen(chooseModel('summarize', { ...ENV, mirrorUrl: MIRROR }));
    expect(record.model).toBe(`${MIRROR}/mlc-ai/Qwen2.5-1.5B-Instruct-q4f32_1-MLC`);
    expect(
      onGpu(chooseModel('summarize', { ...ENV, mirrorUrl: MIRROR })).model_lib.startsWith(
        `${MIRROR}/mlc-ai/binary-mlc-llm-libs/`,
      ),
    ).toBe(true);
  });

  it('fetches a prebuilt model the user picked by id from the mirror too', () => {
    const env: TaskEnvironment = {
      ...ENV,
      mirrorUrl: MIRROR,
      taskModels: { summarize: 'Llama-3.2-1B-Instruct-q4f32_1-MLC' },
    };
    const record = chosen(chooseModel('summarize', env));
    expect(record.model_id).toBe('Llama-3.2-1B-Instruct-q4f32_1-MLC');
    expect(record.model).toBe(`${MIRROR}/mlc-ai/Llama-3.2-1B-Instruct-q4f32_1-MLC`);
    expect(onGpu(chooseModel('summarize', env)).model_lib.startsWith(`${MIRROR}/`)).toBe(true);
  });

  it('uses a custom model exactly as recorded, even with a mirror set', () => {
    const custom = customRecord('My-Model-q4f32_1-MLC');
    const env: TaskEnvironment = {
      ...ENV,
      mirrorUrl: MIRROR,
      taskModels: { rewrite: custom.model_id },
      customModels: [custom],
    };
    expect(chosen(chooseModel('rewrite', env))).toEqual(custom);
  });

  it('names the model it cannot find when the chosen one is no longer registered', () => {
    const env: TaskEnvironment = { ...ENV, taskModels: { chat: 'Deleted-Model-MLC' } };
    expect(chooseModel('chat', env)).toEqual({
      ok: false,
      error: { code: 'model-unknown', modelId: 'Deleted-Model-MLC' },
    });
  });

  it('refuses a default model the user chose that is larger than the GPU budget when the GPU is forced, and suggests the light model', () => {
    // Llama-3.2-3B q4f32 needs 2951.51 MB.
    expect(chooseModel('draft', { ...FORCED_GPU, gpuBudgetMB: 2000, taskModels: { draft: 'default' } })).toEqual({
      ok: false,
      error: {
        code: 'model-too-large',
        neededMB: 2952,
        budgetMB: 2000,
        suggestion: { kind: 'use-light-model', task: 'draft' },
      },
    });
  });

  it('takes the lighter model on its own while the user chose none and only the lighter fits the budget', () => {
    const choice = chooseModel('draft', { ...ENV, gpuBudgetMB: 2000 });
    expect(choice.ok && choice.record.model_id).toBe('Llama-3.2-1B-Instruct-q4f32_1-MLC');
    expect(choice.ok && choice.lighterAvailable).toBe(false);
  });

  it('keeps the default when neither fits, so the refusal names the model the task would use', () => {
    const choice = chooseModel('draft', { ...FORCED_GPU, gpuBudgetMB: 1000 });
    expect(choice).toMatchObject({ ok: false, error: { code: 'model-too-large', neededMB: 2952 } });
  });

  it('accepts a model that exactly fills the budget', () => {
    expect(chooseModel('draft', { ...FORCED_GPU, gpuBudgetMB: 2951.51 }).ok).toBe(true);
  });

  it('suggests nothing when the light model itself does not fit', () => {
    // Llama-3.2-1B q4f32 needs 1128.82 MB.
    expect(chooseModel('draft', { ...FORCED_GPU, gpuBudgetMB: 1000, taskModels: { draft: 'light' } })).toEqual({
      ok: false,
      error: { code: 'model-too-large', neededMB: 1129, budgetMB: 1000 },
    });
  });

  it('refuses a custom model larger than the budget, suggesting the light model', () => {
    const custom = customRecord('Big-Custom-q4f32_1-MLC', { vram_required_MB: 6000 });
    const env: TaskEnvironment = {
      ...FORCED_GPU,
      gpuBudgetMB: 4000,
      taskModels: { summarize: custom.model_id },
      customModels: [custom],
    };
    expect(chooseModel('summarize', env)).toEqual({
      ok: false,
      error: {
        code: 'model-too-large',
        neededMB: 6000,
        budgetMB: 4000,
        suggestion: { kind: 'use-light-model', task: 'summarize' },
      },
    });
  });

  it('refuses a q4f16 model on an adapter without shader-f16, suggesting the light model', () => {
    const env: TaskEnvironment = { ...FORCED_GPU, taskModels: { rewrite: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC' } };
    expect(chooseModel('rewrite', env)).toEqual({
      ok: false,
      error: { code: 'no-webgpu', reason: 'shader-f16', suggestion: { kind: 'use-light-model', task: 'rewrite' } },
    });
    expect(chosen(chooseModel('rewrite', { ...env, capabilities: F16_GPU })).model_id).toBe(
      'Qwen2.5-1.5B-Instruct-q4f16_1-MLC',
    );
  });

  it('refuses a custom model that declares shader-f16 on an adapter without it', () => {
    const custom = customRecord('Custom-Half', { required_features: ['shader-f16'] });
    const env: TaskEnvironment = { ...FORCED_GPU, taskModels: { chat: custom.model_id }, customModels: [custom] };
    expect(chooseModel('chat', env)).toMatchObject({ ok: false, error: { code: 'no-webgpu', reason: 'shader-f16' } });
  });

  it('says why WebGPU cannot run a task forced onto it, or that the engine is unavailable when the GPU was not probed', () => {
    expect(
      chooseModel('summarize', { ...FORCED_GPU, capabilities: { ...F32_GPU, usable: false, reason: 'no-adapter' } }),
    ).toEqual({
      ok: false,
      error: { code: 'no-webgpu', reason: 'no-adapter' },
    });
    expect(chooseModel('summarize', { ...FORCED_GPU, capabilities: null })).toEqual({
      ok: false,
      error: { code: 'engine-unavailable' },
    });
  });

  it('runs on the scripted engine without a GPU, in f32', () => {
    expect(chosen(chooseModel('summarize', { ...ENV, capabilities: null, scriptedEngine: true })).model_id).toBe(
      'Qwen2.5-1.5B-Instruct-q4f32_1-MLC',
    );
  });
});

const TINY_GGUF: GgufModelRecord = {
  format: 'gguf',
  model_id: 'Tiny-Test-GGUF',
  model: 'http://127.0.0.1:8123/models/tiny.gguf',
  ram_required_MB: 16,
  overrides: { context_window_size: 4096 },
};

describe('chooseModel: GPU or CPU', () => {
  const NO_ADAPTER: TaskEnvironment = { ...ENV, capabilities: { ...F32_GPU, usable: false, reason: 'no-adapter' } };

  it('runs on the GPU when WebGPU is usable and the model fits, saying so', () => {
    expect(chooseModel('summarize', ENV)).toMatchObject({
      ok: true,
      record: { model_id: 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC' },
      use: { device: 'gpu' },
    });
  });

  it("without a usable GPU, runs the GGUF build of the task's model on the CPU, with why and how fast", () => {
    expect(chooseModel('summarize', NO_ADAPTER)).toEqual({
      ok: true,
      record: expect.objectContaining({ format: 'gguf', model_id: 'Qwen2.5-1.5B-Instruct-Q4_K_M-GGUF' }),
      lighterAvailable: true,
      use: { device: 'cpu', cpuReason: 'no-gpu', expectedTokensPerSecond: 5 },
    });
    expect(chosen(chooseModel('draft', { ...ENV, capabilities: null })).model_id).toBe(
      'Llama-3.2-3B-Instruct-Q4_K_M-GGUF',
    );
  });

  it('moves a model that does not fit the GPU budget to the CPU, and one without shader-f16 too', () => {
    // Left to Tacit, the lighter model on the GPU comes first (much faster than the default on the CPU).
    expect(chooseModel('draft', { ...ENV, gpuBudgetMB: 2000 })).toMatchObject({
      ok: true,
      record: { model_id: 'Llama-3.2-1B-Instruct-q4f32_1-MLC' },
      use: { device: 'gpu' },
    });
    expect(chooseModel('draft', { ...ENV, gpuBudgetMB: 2000, taskModels: { draft: 'default' } })).toMatchObject({
      ok: true,
      record: { model_id: 'Llama-3.2-3B-Instruct-Q4_K_M-GGUF' },
      use: { device: 'cpu', cpuReason: 'gpu-memory' },
    });
    // Neither fits the GPU: the default's GGUF build on the CPU.
    expect(chooseModel('draft', { ...ENV, gpuBudgetMB: 1000 })).toMatchObject({
      ok: true,
      record: { model_id: 'Llama-3.2-3B-Instruct-Q4_K_M-GGUF' },
      use: { device: 'cpu', cpuReason: 'gpu-memory' },
    });
    const f16Picked: TaskEnvironment = { ...ENV, taskModels: { rewrite: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC' } };
    expect(chooseModel('rewrite', f16Picked)).toMatchObject({
      ok: true,
      record: { model_id: 'Qwen2.5-1.5B-Instruct-Q4_K_M-GGUF' },
      use: { device: 'cpu', cpuReason: 'shader-f16' },
    });
  });

  it('takes the lighter GGUF build when the default does not fit the RAM budget', () => {
    // Llama 3.2 3B needs 2800 MB on the CPU, 1B needs 1250.
    expect(chooseModel('draft', { ...NO_ADAPTER, ramBudgetMB: 2048 })).toMatchObject({
      ok: true,
      record: { model_id: 'Llama-3.2-1B-Instruct-Q4_K_M-GGUF' },
      lighterAvailable: false,
      use: { device: 'cpu', cpuReason: 'no-gpu' },
    });
  });

  it('refuses when not even the lighter GGUF build fits the RAM budget', () => {
    expect(chooseModel('draft', { ...NO_ADAPTER, ramBudgetMB: 1000 })).toEqual({
      ok: false,
      error: { code: 'model-too-large-for-ram', neededMB: 1250, budgetMB: 1000 },
    });
  });

  it('runs a task forced onto the CPU there even with a good GPU, on its chosen family', () => {
    const env: TaskEnvironment = { ...ENV, taskEngines: { rewrite: 'cpu' }, taskModels: { rewrite: 'light' } };
    expect(chooseModel('rewrite', env)).toMatchObject({
      ok: true,
      record: { model_id: 'Qwen2.5-0.5B-Instruct-Q4_K_M-GGUF' },
      lighterAvailable: false,
      use: { device: 'cpu', cpuReason: 'chosen' },
    });
    expect(chooseModel('summarize', env)).toMatchObject({ use: { device: 'gpu' } });
  });

  it('runs a GGUF model the user picked on the CPU, as recorded, whatever the GPU', () => {
    const env: TaskEnvironment = { ...ENV, mirrorUrl: MIRROR, taskModels: { chat: TINY_GGUF.model_id } };
    expect(chooseModel('chat', { ...env, customModels: [TINY_GGUF] })).toMatchObject({
      ok: true,
      record: TINY_GGUF,
      use: { device: 'cpu', cpuReason: 'chosen' },
    });
  });

  it('fetches the GGUF builds from the mirror too', () => {
    expect(chosen(chooseModel('chat', { ...NO_ADAPTER, mirrorUrl: MIRROR })).model).toBe(
      `${MIRROR}/bartowski/Qwen2.5-1.5B-Instruct-GGUF/resolve/main/Qwen2.5-1.5B-Instruct-Q4_K_M.gguf`,
    );
  });

  it('keeps to the GPU where this browser has no CPU engine, and to the CPU where it has no GPU engine', () => {
    expect(chooseModel('chat', { ...NO_ADAPTER, engines: { gpu: true, cpu: false } })).toEqual({
      ok: false,
      error: { code: 'no-webgpu', reason: 'no-adapter' },
    });
    expect(chooseModel('chat', { ...ENV, engines: { gpu: false, cpu: true } })).toMatchObject({
      use: { device: 'cpu', cpuReason: 'no-gpu' },
    });
  });
});
