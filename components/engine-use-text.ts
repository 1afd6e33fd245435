/** Where a task's model runs, in words: the CPU's speed and the reason Tacit chose it. */
import { i18n } from '#i18n';
import type { CpuReason, EngineUse } from '@/lib/models/types';
import { modelLabel } from '@/lib/models/registry';

const CPU_REASON: Record<CpuReason, () => string> = {
  chosen: () => i18n.t('cpuReason.chosen'),
  'no-gpu': () => i18n.t('cpuReason.noGpu'),
  'gpu-memory': () => i18n.t('cpuReason.gpuMemory'),
  'shader-f16': () => i18n.t('cpuReason.shaderF16'),
};

/** "Writing on the CPU with …, about N tokens a second (no usable GPU here)", or undefined on the GPU. */
export function cpuWritingText(modelId: string, use: EngineUse | undefined): string | undefined {
  if (use?.device !== 'cpu') return undefined;
  return i18n.t('status.generatingCpu', [
    modelLabel(modelId),
    String(use.expectedTokensPerSecond ?? '?'),
    cpuReasonText(use.cpuReason),
  ]);
}

export function cpuReasonText(reason: CpuReason | undefined): string {
  return CPU_REASON[reason ?? 'chosen']();
}
