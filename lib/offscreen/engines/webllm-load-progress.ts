/** Turns WebLLM's progress reports (a fraction plus prose) into bytes the panel can show. */
import type { InitProgressReport } from '@mlc-ai/web-llm';
import type { LoadProgress } from './types';

const MB = 1024 * 1024;
const BYTES_PATTERN = /(\d+)MB (fetched|loaded)/;

export function parseLoadProgress(report: InitProgressReport): LoadProgress {
  const fraction = Math.min(1, Math.max(0, Number.isFinite(report.progress) ? report.progress : 0));
  const match = BYTES_PATTERN.exec(report.text);
  const fromCache = report.text.startsWith('Loading model from cache');
  if (!match) return { fraction, fromCache };
  const loadedBytes = Number(match[1]) * MB;
  // WebLLM reports MB done and the fraction, so the total follows; rounded to whole MB like the input.
  const totalBytes = fraction > 0 ? Math.round(loadedBytes / fraction / MB) * MB : undefined;
  const progress: LoadProgress =
    totalBytes === undefined ? { fraction, loadedBytes, fromCache } : { fraction, loadedBytes, totalBytes, fromCache };
  const etaSeconds = estimateSecondsLeft(fraction, report.timeElapsed);
  return etaSeconds === undefined ? progress : { ...progress, etaSeconds };
}

/** Time left at the pace so far; none in the first seconds, when the pace says little. */
function estimateSecondsLeft(fraction: number, elapsedSeconds: number): number | undefined {
  if (!(fraction > 0.02) || fraction >= 1 || !(elapsedSeconds >= 2)) return undefined;
  return Math.round((elapsedSeconds * (1 - fraction)) / fraction);
}
