/** The GPU's capabilities, probed once per browser session in the offscreen document and kept in session storage. */
import { storage } from 'wxt/utils/storage';
import { sendRequest } from '../protocol/requests';
import { interpretGpuProbe } from '../models/capabilities';
import type { GpuCapabilities } from '../models/types';
import { ensureOffscreenDocument } from './offscreen-document';
import { offscreenApi } from '../platform/browser-features';
import { errorName } from '../core/diagnostics';
import { recordDiagnostic } from './diagnostics-log';

const cachedCapabilities = storage.defineItem<GpuCapabilities | null>('session:gpuCapabilities', { fallback: null });

/** Known to this service worker: session storage outlives it, so a restarted worker reads them back once. */
let known: Promise<GpuCapabilities> | undefined;

/** Null when this browser has no offscreen engine host (Firefox for now). */
export async function gpuCapabilities(): Promise<GpuCapabilities | null> {
  if (!offscreenApi()) return null;
  // Concurrent callers (panel status and a preload as a panel opens) share one probe.
  known ??= readOrProbe().catch((error: unknown) => {
    known = undefined;
    recordDiagnostic('gpu-probe-failed', { error: errorName(error) });
    throw error;
  });
  return known;
}

async function readOrProbe(): Promise<GpuCapabilities> {
  const cached = await cachedCapabilities.getValue();
  if (cached) return cached;
  await ensureOffscreenDocument();
  const capabilities = interpretGpuProbe(await sendRequest('engine/probe'));
  // Once per browser session: the probe's result is kept, and so the reason is recorded once.
  if (!capabilities.usable) recordDiagnostic('gpu-unavailable', { reason: capabilities.reason });
  await cachedCapabilities.setValue(capabilities);
  return capabilities;
}
