import { i18n } from '#i18n';
import type { GpuCapabilities } from '@/lib/models/types';
import type { PanelStatus, TaskPhase } from '@/lib/protocol/messages';
import { cpuWritingText } from './engine-use-text';
import { gpuReasonText } from './error-text';
import { formatBytes, formatDuration } from './format';

interface Props {
  status: PanelStatus | null;
  phase: TaskPhase | null;
}

/** One line each for the GPU and the engine, announced politely to screen readers. */
export function StatusLine({ status, phase }: Props) {
  return (
    <div class="status" role="status" aria-label={i18n.t('status.label')} aria-live="polite">
      <p class="status-gpu" data-testid="gpu-status">
        {status === null ? i18n.t('status.gpuChecking') : gpuLine(status.capabilities)}
      </p>
      <p class="status-engine" data-testid="engine-status">
        {phase ? phaseLine(phase) : engineLine(status)}
      </p>
    </div>
  );
}

function gpuLine(capabilities: GpuCapabilities | null): string {
  if (!capabilities) return i18n.t('status.gpuCpuOnly');
  if (!capabilities.usable) return i18n.t('status.gpuUnavailable', [gpuReasonText(capabilities.reason) ?? '?']);
  const facts = [
    capabilities.adapterName,
    capabilities.isFallbackAdapter ? i18n.t('status.gpuFallback') : undefined,
    capabilities.hasShaderF16 ? i18n.t('status.gpuF16') : i18n.t('status.gpuNoF16'),
    i18n.t('status.gpuBuffer', [formatBytes(capabilities.maxBufferSize)]),
  ];
  return i18n.t('status.gpuReady', [facts.filter(Boolean).join(', ')]);
}

function engineLine(status: PanelStatus | null): string {
  const engine = status?.engine;
  if (!engine) return i18n.t('status.engineStopped');
  // Several models stay loaded when the GPU budget allows: name them all, in load order.
  const loaded = engine.loadedModels.map((modelId) =>
    engine.onCpu?.includes(modelId) ? i18n.t('status.onCpu', [modelId]) : modelId,
  );
  return loaded.length > 0
    ? i18n.t('status.engineLoaded', loaded.length, [loaded.join(', ')])
    : i18n.t('status.engineIdle');
}

function phaseLine(phase: TaskPhase): string {
  switch (phase.phase) {
    case 'queued':
      return i18n.t('status.queued', [String(phase.position)]);
    case 'generating':
      return cpuWritingText(phase.modelId, phase.use) ?? i18n.t('status.generating', [phase.modelId]);
    case 'reading-page':
      return i18n.t('status.readingPage');
    case 'reading-mail':
      return i18n.t('status.readingMail');
    case 'summarizing-part':
      return i18n.t('status.summarizingPart', [String(phase.part), String(phase.total)]);
    case 'combining':
      return i18n.t('status.combining');
    case 'rewriting-part':
      return i18n.t('status.rewritingPart', [String(phase.part), String(phase.total)]);
    case 'loading-model': {
      const { progress, modelId } = phase;
      const percent = String(Math.floor(progress.fraction * 100));
      if (progress.fromCache) return i18n.t('status.loadingCache', [modelId, percent]);
      if (progress.loadedBytes !== undefined && progress.totalBytes !== undefined) {
        const bytes = [modelId, percent, formatBytes(progress.loadedBytes), formatBytes(progress.totalBytes)] as const;
        return progress.etaSeconds === undefined
          ? i18n.t('status.loadingBytes', [...bytes])
          : i18n.t('status.loadingBytesEta', [...bytes, formatDuration(progress.etaSeconds)]);
      }
      return i18n.t('status.loading', [modelId, percent]);
    }
  }
}
