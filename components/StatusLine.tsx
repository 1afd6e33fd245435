import { i18n } from '#i18n';
import { Cpu } from 'lucide';
import type { GpuCapabilities } from '@/lib/models/types';
import type { PanelStatus } from '@/lib/protocol/messages';
import type { EngineState } from '@/lib/panel/engine-state';
import { modelDisplayName } from '@/lib/models/registry';
import { cpuWritingText } from './engine-use-text';
import { gpuReasonText } from './error-text';
import { formatBytes } from './format';
import { Icon } from './ui/Icon';

interface Props {
  status: PanelStatus | null;
  engine: EngineState;
}

/** One line each for the GPU and the engine's real state, announced politely to screen readers. */
export function StatusLine({ status, engine }: Props) {
  const gpu = status === null ? i18n.t('status.gpuChecking') : gpuLine(status.capabilities);
  return (
    <div class="status" role="status" aria-label={i18n.t('status.label')} aria-live="polite">
      <p class="status-engine">
        <span class={`status-dot status-${dotTone(engine)}`} aria-hidden="true" />
        <span data-testid="engine-status">{engineLine(engine)}</span>
      </p>
      <p class="status-gpu" title={gpu}>
        <Icon icon={Cpu} size={14} />
        <span data-testid="gpu-status">{gpu}</span>
      </p>
    </div>
  );
}

/** The dot pulses while the user waits with nothing else moving; while text streams it stays still (no extra frames). */
function dotTone(engine: EngineState): 'active' | 'writing' | 'ready' | 'off' {
  switch (engine.kind) {
    case 'writing':
      return 'writing';
    case 'loading':
    case 'reading':
    case 'waiting':
      return 'active';
    case 'loaded':
    case 'empty':
      return 'ready';
    default:
      return 'off';
  }
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

function engineLine(engine: EngineState): string {
  switch (engine.kind) {
    case 'checking':
      return i18n.t('status.gpuChecking');
    case 'waiting':
      return i18n.t('status.queued', [String(engine.position)]);
    case 'loading':
      return i18n.t('status.engineLoading', [modelDisplayName(engine.modelId)]);
    case 'writing':
      if (!engine.modelId) return i18n.t('status.engineWriting');
      return (
        cpuWritingText(engine.modelId, engine.use) ?? i18n.t('status.generating', [modelDisplayName(engine.modelId)])
      );
    case 'reading':
      return i18n.t('status.engineReading');
    case 'loaded': {
      // Several models stay loaded when the GPU budget allows: name them all, in load order.
      const names = engine.modelIds
        .map((modelId) =>
          engine.onCpu.includes(modelId)
            ? i18n.t('status.onCpu', [modelDisplayName(modelId)])
            : modelDisplayName(modelId),
        )
        .join(', ');
      return i18n.t('status.engineLoaded', engine.modelIds.length, [names]);
    }
    case 'empty':
      return i18n.t('status.engineIdle');
    case 'stopped':
      return engine.idleUnload ? i18n.t('status.engineUnloadedIdle') : i18n.t('status.engineStopped');
  }
}
