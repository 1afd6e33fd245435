/**
 * The GPU's capabilities, probed once per browser session in the page that hosts the engine (Chromium's offscreen
 * document, Firefox's background page) and kept in session storage.
 */
import { storage } from 'wxt/utils/storage';
import { sendRequest } from '../protocol/requests';
import { interpretGpuProbe } from '../models/capabilities';
import type { GpuCapabilities, GpuProbe } from '../models/types';
import { ensureOffscreenDocument } from './offscreen-document';
import { errorName } from '../core/diagnostics';
import { recordDiagnostic } from './diagnostics-log';

const cachedCapabilities = storage.defineItem<GpuCapabilities | null>('session:gpuCapabilities', { fallback: null });

/** Reads the GPU's facts where WebLLM would run. */
export type GpuProber = () => Promise<GpuProbe>;

/** Chromium's: in the offscreen document, started for it. */
export async function probeInOffscreenDocument(): Promise<GpuProbe> {
  await ensureOffscreenDocument();
  return sendRequest('engine/probe');
}

/**
 * The capabilities as `probe` reads them, once per browser session: session storage outlives a restarted service
 * worker, which reads them back once. Null without a prober: the engine host offers no WebGPU engine (Firefox where
 * WebGPU is off).
 */
export function gpuCapabilitiesFrom(probe: GpuProber | null): () => Promise<GpuCapabilities | null> {
  let known: Promise<GpuCapabilities> | undefined;
  return async () => {
    if (!probe) return null;
    // Concurrent callers (panel status and a preload as a panel opens) share one probe.
    known ??= readOrProbe(probe).catch((error: unknown) => {
      known = undefined;
      recordDiagnostic('gpu-probe-failed', { error: errorName(error) });
      throw error;
    });
    return known;
  };
}

async function readOrProbe(probe: GpuProber): Promise<GpuCapabilities> {
  const cached = await cachedCapabilities.getValue();
  if (cached) return cached;
  const capabilities = interpretGpuProbe(await probe());
  // Once per browser session: the probe's result is kept, and so the reason is recorded once.
  if (!capabilities.usable) recordDiagnostic('gpu-unavailable', { reason: capabilities.reason });
  await cachedCapabilities.setValue(capabilities);
  return capabilities;
}
