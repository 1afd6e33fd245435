/** Reads what planning a task needs from settings: GPU facts, budget, model choices, custom models, mirror. */
import type { GpuCapabilities } from '../engine/capabilities';
import { detectGpuBudgetMB, type GpuBudget } from '../models/gpu-budget';
import { browser } from 'wxt/browser';
import { BUNDLED_MODEL_LIBRARIES, withBundledLibrary } from '../platform/bundled-model-libraries';
import { customModels, gpuBudgetOverrideMB, modelMirrorUrl, taskModels } from '../settings/settings';
import type { TaskEnvironment } from './model-choice';

export function gpuBudget(capabilities: GpuCapabilities | null, override: number | null): GpuBudget {
  return detectGpuBudgetMB({
    maxBufferSize: capabilities?.maxBufferSize,
    maxStorageBufferBindingSize: capabilities?.maxStorageBufferBindingSize,
    isFallbackAdapter: capabilities?.isFallbackAdapter,
    deviceMemoryGB: capabilities?.deviceMemoryGB,
    ...(override === null ? {} : { override }),
  });
}

export async function loadTaskEnvironment(capabilities: GpuCapabilities | null, scriptedEngine: boolean): Promise<TaskEnvironment> {
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
