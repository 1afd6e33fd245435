/** Turns WebLLM's progress reports (a fraction plus prose) into bytes the panel can show. */
import type { InitProgressReport } from '@mlc-ai/web-llm';
import type { LoadProgress, LoadStage } from './types';

const MB = 1024 * 1024;
const BYTES_PATTERN = /(\d+)MB (fetched|loaded)/;

/** WebLLM's report texts, by how each begins: weights from the network, from the cache, then the GPU programs. */
function stageOf(text: string): LoadStage | undefined {
  if (text.startsWith('Loading model from cache')) return 'cache';
  if (text.startsWith('Fetching param cache') || text.startsWith('Start to fetch params')) return 'download';
  if (text.startsWith('Loading GPU shader modules')) return 'shaders';
  return undefined;
}

export function parseLoadProgress(report: InitProgressReport): LoadProgress {
  const fraction = Math.min(1, Math.max(0, Number.isFinite(report.progress) ? report.progress : 0));
  const match = BYTES_PATTERN.exec(report.text);
  const stage = stageOf(report.text);
  const fromCache = stage === 'cache';
  const staged = stage ? { stage } : {};
  if (!match) {
    // The GPU programs' pass has its own clock (timeElapsed restarts), so its pace gives a time left too.
    const etaSeconds = stage === 'shaders' ? estimateSecondsLeft(fraction, report.timeElapsed) : undefined;
    return etaSeconds === undefined
      ? { fraction, fromCache, ...staged }
      : { fraction, fromCache, ...staged, etaSeconds };
  }
  const loadedBytes = Number(match[1]) * MB;
  // WebLLM reports MB done and the fraction, so the total follows; rounded to whole MB like the input.
  const totalBytes = fraction > 0 ? Math.round(loadedBytes / fraction / MB) * MB : undefined;
  const progress: LoadProgress =
    totalBytes === undefined
      ? { fraction, loadedBytes, fromCache, ...staged }
      : { fraction, loadedBytes, totalBytes, fromCache, ...staged };
  const etaSeconds = estimateSecondsLeft(fraction, report.timeElapsed);
  return etaSeconds === undefined ? progress : { ...progress, etaSeconds };
}

/** Time left at the pace so far; none in the first seconds, when the pace says little. */
function estimateSecondsLeft(fraction: number, elapsedSeconds: number): number | undefined {
  if (!(fraction > 0.02) || fraction >= 1 || !(elapsedSeconds >= 2)) return undefined;
  return Math.round((elapsedSeconds * (1 - fraction)) / fraction);
}
