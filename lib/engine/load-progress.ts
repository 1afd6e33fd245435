/** Turns WebLLM's progress reports (a fraction plus prose) into bytes the panel can show. */
import type { InitProgressReport } from '@mlc-ai/web-llm';
import type { LoadProgress } from './engine';

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
  return totalBytes === undefined ? { fraction, loadedBytes, fromCache } : { fraction, loadedBytes, totalBytes, fromCache };
}
