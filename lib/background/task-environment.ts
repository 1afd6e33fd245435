/** Reads what planning a task needs from settings: GPU facts, budget, model choices, custom models, mirror. */
import type { GpuCapabilities } from '../models/types';
import { gpuBudget } from '../models/gpu-budget';
import { browser } from 'wxt/browser';
import { BUNDLED_MODEL_LIBRARIES, withBundledLibrary } from '../platform/bundled-model-libraries';
import type { EngineHostSettings, ScriptedEngineSettings } from '../protocol/messages';
import { customModels, engineIdleMs, gpuBudgetOverrideMB, modelMirrorUrl, taskModels } from '../settings/settings';
import type { TaskEnvironment } from '../tasks/common/model-choice';

export async function loadTaskEnvironment(
  capabilities: GpuCapabilities | null,
  scriptedEngine: boolean,
): Promise<TaskEnvironment> {
  const [mirrorUrl, choices, custom, override] = await Promise.all([
    modelMirrorUrl.getValue(),
    taskModels.getValue(),
    customModels.getValue(),
    gpuBudgetOverrideMB.getValue(),
  ]);
  return {
    capabilities,
    mirrorUrl,
    scriptedEngine,
    gpuBudgetMB: gpuBudget(capabilities, override).budgetMB,
    taskModels: choices,
    customModels: custom,
    packagedLibrary: (record) =>
      withBundledLibrary(record, BUNDLED_MODEL_LIBRARIES, (path) => browser.runtime.getURL(path as '/background.js')),
  };
}

/** What the engine host runs with: idle time, GPU budget, and (test builds only) the scripted engine's pace. */
export async function loadEngineSettings(
  capabilities: GpuCapabilities | null,
  scripted: ScriptedEngineSettings | null,
): Promise<EngineHostSettings> {
  const [idleTimeoutMs, override] = await Promise.all([engineIdleMs.getValue(), gpuBudgetOverrideMB.getValue()]);
  const settings = { idleTimeoutMs, gpuBudgetMB: gpuBudget(capabilities, override).budgetMB };
  return scripted ? { ...settings, scripted } : settings;
}
