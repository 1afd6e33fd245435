import { describe, expect, it } from 'vitest';
import type { PanelStatus } from '../../protocol/messages';
import { engineState } from '../engine-state';

const LOADED: PanelStatus = {
  capabilities: null,
  engine: { engine: 'webllm', loadedModels: ['Qwen2.5-1.5B-Instruct-q4f32_1-MLC'], busy: true },
};

describe('engineState', () => {
  it("says what this panel's task is doing before anything the background reported", () => {
    expect(engineState(LOADED, { phase: 'queued', position: 2 }, false)).toEqual({ kind: 'waiting', position: 2 });
    expect(
      engineState(
        LOADED,
        { phase: 'loading-model', modelId: 'Qwen', progress: { fraction: 0.3, stage: 'shaders' } },
        false,
      ),
    ).toEqual({ kind: 'loading', modelId: 'Qwen' });
    expect(engineState(null, { phase: 'generating', modelId: 'Qwen' }, false)).toEqual({
      kind: 'writing',
      modelId: 'Qwen',
    });
    expect(engineState(null, { phase: 'summarizing-part', part: 2, total: 9 }, false)).toEqual({ kind: 'writing' });
    expect(engineState(null, { phase: 'reading-mail' }, false)).toEqual({ kind: 'reading' });
  });

  it('without a task: checking, the loaded models, an empty host, or no host at all', () => {
    expect(engineState(null, null, false)).toEqual({ kind: 'checking' });
    expect(engineState(LOADED, null, false)).toEqual({
      kind: 'loaded',
      modelIds: ['Qwen2.5-1.5B-Instruct-q4f32_1-MLC'],
      onCpu: [],
    });
    expect(
      engineState({ capabilities: null, engine: { engine: 'webllm', loadedModels: [], busy: false } }, null, false),
    ).toEqual({ kind: 'empty' });
    // Models the CPU engine holds are named as such.
    const mixed = { engine: 'webllm' as const, loadedModels: ['a-MLC', 'b-GGUF'], onCpu: ['b-GGUF'], busy: false };
    expect(engineState({ capabilities: null, engine: mixed }, null, false)).toEqual({
      kind: 'loaded',
      modelIds: ['a-MLC', 'b-GGUF'],
      onCpu: ['b-GGUF'],
    });
    expect(engineState({ capabilities: null, engine: null }, null, false)).toEqual({
      kind: 'stopped',
      idleUnload: false,
    });
  });

  it('names an idle unload only once the background no longer reports the models', () => {
    expect(engineState({ capabilities: null, engine: null }, null, true)).toEqual({
      kind: 'stopped',
      idleUnload: true,
    });
    expect(engineState(LOADED, null, true).kind).toBe('loaded');
  });
});
