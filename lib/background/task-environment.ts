/** Reads what planning a task needs from settings: GPU facts, budgets, engine and model choices, custom models, mirror. */
import type { GpuCapabilities, ModelDevice } from '../models/types';
import { gpuBudget } from '../models/gpu-budget';
import { ramBudget } from '../models/ram-budget';
import { cpuThreads } from '../models/cpu-speed';
import { browser } from 'wxt/browser';
import { BUNDLED_MODEL_LIBRARIES, withBundledLibrary } from '../platform/bundled-model-libraries';
import type { EngineHostSettings, ScriptedEngineSettings } from '../protocol/messages';
import {
  customModels,
  engineIdleMs,
  gpuBudgetOverrideMB,
  modelMirrorUrl,
  ramBudgetOverrideMB,
  taskEngines,
  taskModels,
} from '../settings/settings';
import type { TaskEnvironment } from '../tasks/common/model-choice';

/** What this browser's engine host offers (lib/platform/browser-features: engineHostFacts). */
export interface HostFacts {
  engines: Record<ModelDevice, boolean>;
  /** The host's page is cross-origin isolated, so llama.cpp may use threads. */
  crossOriginIsolated: boolean;
}

export async function loadTaskEnvironment(
  capabilities: GpuCapabilities | null,
  scriptedEngine: boolean,
  host: HostFacts,
): Promise<TaskEnvironment> {
  const [mirrorUrl, choices, engines, custom, gpuOverride, ramOverride] = await Promise.all([
    modelMirrorUrl.getValue(),
    taskModels.getValue(),
    taskEngines.getValue(),
    customModels.getValue(),
    gpuBudgetOverrideMB.getValue(),
    ramBudgetOverrideMB.getValue(),
  ]);
  return {
    capabilities,
    mirrorUrl,
    scriptedEngine,
    gpuBudgetMB: gpuBudget(capabilities, gpuOverride).budgetMB,
    ramBudgetMB: ramBudget(ramOverride).budgetMB,
    taskModels: choices,
    taskEngines: engines,
    engines: host.engines,
    cpuThreads: cpuThreads({
      crossOriginIsolated: host.crossOriginIsolated,
      hardwareConcurrency: globalThis.navigator?.hardwareConcurrency ?? 1,
    }),
    customModels: custom,
    packagedLibrary: (record) =>
      withBundledLibrary(record, BUNDLED_MODEL_LIBRARIES, (path) => browser.runtime.getURL(path as '/background.js')),
  };
}

/** What the engine host runs with: idle time, GPU and RAM budgets, and (test builds only) the scripted engine's pace. */
export async function loadEngineSettings(
  capabilities: GpuCapabilities | null,
  scripted: ScriptedEngineSettings | null,
): Promise<EngineHostSettings> {
  const [idleTimeoutMs, gpuOverride, ramOverride] = await Promise.all([
    engineIdleMs.getValue(),
    gpuBudgetOverrideMB.getValue(),
    ramBudgetOverrideMB.getValue(),
  ]);
  const settings = {
    idleTimeoutMs,
    gpuBudgetMB: gpuBudget(capabilities, gpuOverride).budgetMB,
    ramBudgetMB: ramBudget(ramOverride).budgetMB,
  };
  return scripted ? { ...settings, scripted } : settings;
}
