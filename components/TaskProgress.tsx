import { i18n } from '#i18n';
import type { TaskPhase } from '@/lib/protocol/messages';
import type { TaskStream } from '@/lib/panel/task-stream';
import { modelDisplayName } from '@/lib/models/registry';
import { formatBytes, formatDuration } from './format';
import { ProgressBar } from './ui/ProgressBar';

/**
 * What a running task is doing, in words and as a bar, inside its card: loading (by stage, with bytes, percent and
 * time left), summarizing part n of N (with time left), or writing. Shown only while the task runs.
 */
export function TaskProgress({ stream }: { stream: TaskStream }) {
  if (!stream.running.value) return null;
  const phase = stream.phase.value;
  // A task waiting for the user's choice shows the question instead.
  if (stream.question.value) return null;
  const text = phase ? phaseText(phase) : i18n.t('status.starting');
  const fraction = phase ? phaseFraction(phase) : undefined;
  // Once text streams in, it shows the progress: a moving bar beside it would only cost the main thread the engine
  // shares with this panel a frame each time.
  const bar = fraction !== undefined || !stream.hasText.value;
  return (
    <div class="task-progress">
      {bar ? <ProgressBar value={fraction} label={i18n.t('status.progressLabel')} /> : null}
      <p data-testid="task-progress" aria-live="polite">
        {text}
      </p>
    </div>
  );
}

/** How far along, where the task knows; undefined for work of unknown length (writing, waiting, reading). */
function phaseFraction(phase: TaskPhase): number | undefined {
  switch (phase.phase) {
    case 'loading-model':
      return phase.progress.fraction;
    case 'summarizing-part':
    case 'rewriting-part':
      return (phase.part - 1) / phase.total;
    default:
      return undefined;
  }
}

export function phaseText(phase: TaskPhase): string {
  switch (phase.phase) {
    case 'queued':
      return i18n.t('status.queued', [String(phase.position)]);
    case 'generating':
      return i18n.t('status.generating', [modelDisplayName(phase.modelId)]);
    case 'reading-page':
      return i18n.t('status.readingPage');
    case 'reading-mail':
      return i18n.t('status.readingMail');
    case 'summarizing-part':
      return phase.secondsLeft === undefined
        ? i18n.t('status.summarizingPart', [String(phase.part), String(phase.total)])
        : i18n.t('status.summarizingPartEta', [
            String(phase.part),
            String(phase.total),
            formatDuration(phase.secondsLeft),
          ]);
    case 'combining':
      return i18n.t('status.combining');
    case 'rewriting-part':
      return i18n.t('status.rewritingPart', [String(phase.part), String(phase.total)]);
    case 'loading-model':
      return loadingText(phase);
  }
}

function loadingText({ modelId, progress }: Extract<TaskPhase, { phase: 'loading-model' }>): string {
  const name = modelDisplayName(modelId);
  const percent = String(Math.floor(progress.fraction * 100));
  const eta = progress.etaSeconds === undefined ? undefined : formatDuration(progress.etaSeconds);
  if (progress.stage === 'shaders')
    return eta === undefined
      ? i18n.t('status.shaders', [name, percent])
      : i18n.t('status.shadersEta', [name, percent, eta]);
  if (progress.stage === 'cache' || progress.fromCache) return i18n.t('status.loadingCache', [name, percent]);
  if (progress.loadedBytes !== undefined && progress.totalBytes !== undefined) {
    const bytes = [name, percent, formatBytes(progress.loadedBytes), formatBytes(progress.totalBytes)] as const;
    if (progress.stage !== 'download') return i18n.t('status.loadingBytes', [...bytes]);
    return eta === undefined
      ? i18n.t('status.downloadBytes', [...bytes])
      : i18n.t('status.downloadBytesEta', [...bytes, eta]);
  }
  return progress.stage === 'download'
    ? i18n.t('status.download', [name, percent])
    : i18n.t('status.loading', [name, percent]);
}
