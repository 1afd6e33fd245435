/** What the status line says about the engine: what a task of this panel is doing, else what the background reports. */
import type { EngineUse } from '../models/types';
import type { PanelStatus, TaskPhase } from '../protocol/messages';

export type EngineState =
  /** The background has not answered yet. */
  | { kind: 'checking' }
  /** Waiting for another panel's or tab's task to finish first. */
  | { kind: 'waiting'; position: number }
  /** use: where the model runs (GPU or CPU, and why), when the task said so. */
  | { kind: 'loading'; modelId: string; use?: EngineUse }
  | { kind: 'writing'; modelId?: string; use?: EngineUse }
  /** Reading the page or mail before the model is asked. */
  | { kind: 'reading' }
  /** Models in memory, in load order; onCpu: those held by the CPU engine. */
  | { kind: 'loaded'; modelIds: string[]; onCpu: string[] }
  /** The engine host runs but holds no model. */
  | { kind: 'empty' }
  /** No engine host: nothing in GPU memory. idleUnload: it unloaded after its idle time (not just never started). */
  | { kind: 'stopped'; idleUnload: boolean };

/**
 * The phase of this panel's newest task wins (it is what the user waits for); without one, the engine as the
 * background last reported it. An idle unload the background announced is named until the engine starts again.
 */
export function engineState(status: PanelStatus | null, phase: TaskPhase | null, idleUnload: boolean): EngineState {
  if (phase) return phaseState(phase);
  if (status === null) return { kind: 'checking' };
  const engine = status.engine;
  if (!engine) return { kind: 'stopped', idleUnload };
  if (engine.loadedModels.length === 0) return { kind: 'empty' };
  return { kind: 'loaded', modelIds: engine.loadedModels, onCpu: engine.onCpu ?? [] };
}

function phaseState(phase: TaskPhase): EngineState {
  switch (phase.phase) {
    case 'queued':
      return { kind: 'waiting', position: phase.position };
    case 'loading-model':
      return { kind: 'loading', modelId: phase.modelId, use: phase.use };
    case 'generating':
      return { kind: 'writing', modelId: phase.modelId, use: phase.use };
    case 'summarizing-part':
    case 'rewriting-part':
    case 'combining':
      return { kind: 'writing' };
    case 'reading-page':
    case 'reading-mail':
      return { kind: 'reading' };
  }
}
