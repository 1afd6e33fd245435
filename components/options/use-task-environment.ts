/** The same facts the background plans tasks with, read in Options so it can say where each task will run. */
import type { GpuCapabilities } from '@/lib/models/types';
import { cpuThreads } from '@/lib/models/cpu-speed';
import { gpuBudget } from '@/lib/models/gpu-budget';
import { ramBudget } from '@/lib/models/ram-budget';
import { engineHostFacts } from '@/lib/platform/browser-features';
import {
  customModels,
  gpuBudgetOverrideMB,
  modelMirrorUrl,
  ramBudgetOverrideMB,
  taskEngines,
  taskModels,
} from '@/lib/settings/settings';
import type { TaskEnvironment } from '@/lib/tasks/common/model-choice';
import { useStorageItem } from '../use-storage-item';

export function useTaskEnvironment(capabilities: GpuCapabilities | null): TaskEnvironment {
  const mirror = useStorageItem(modelMirrorUrl, null);
  const models = useStorageItem(taskModels, {});
  const engines = useStorageItem(taskEngines, {});
  const custom = useStorageItem(customModels, []);
  const gpuOverride = useStorageItem(gpuBudgetOverrideMB, null);
  const ramOverride = useStorageItem(ramBudgetOverrideMB, null);
  const host = engineHostFacts();
  return {
    capabilities,
    mirrorUrl: mirror.value,
    scriptedEngine: false,
    gpuBudgetMB: gpuBudget(capabilities, gpuOverride.value).budgetMB,
    ramBudgetMB: ramBudget(ramOverride.value).budgetMB,
    taskModels: models.value,
    taskEngines: engines.value,
    engines: host.engines,
    cpuThreads: cpuThreads({
      crossOriginIsolated: host.crossOriginIsolated,
      hardwareConcurrency: navigator.hardwareConcurrency,
    }),
    customModels: custom.value,
  };
}
