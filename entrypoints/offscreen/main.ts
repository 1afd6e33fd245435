import { EngineHost, type EngineHostPort } from '@/lib/offscreen/engine-host';
import type { Engine } from '@/lib/offscreen/engines/types';
import { WebLlmEngine } from '@/lib/offscreen/engines/webllm-engine';
import { probeGpu } from '@/lib/offscreen/gpu-probe';
import { acceptPorts } from '@/lib/protocol/ports';
import { DEFAULT_ENGINE_IDLE_MS, PORT_DOWNLOADS, PORT_ENGINE, type EngineHostSettings } from '@/lib/protocol/messages';
import { DownloadService, type DownloadsPort } from '@/lib/offscreen/downloads/download-service';
import { deleteModelFiles } from '@/lib/offscreen/downloads/delete-model';
import { modelCacheStatus, verifyModelFiles } from '@/lib/offscreen/downloads/cache-status';
import { answerRequests, sendRequest } from '@/lib/protocol/requests';
import { observeNetwork } from '@/lib/platform/network-observer';
import type { LedgerEntry } from '@/lib/core/network-ledger';
import { diagnosticsReporter, recordRequestFailures } from '@/lib/protocol/diagnostics';

// This document has no storage: its diagnostics go to the background, which keeps them.
const recordDiagnostic = diagnosticsReporter('offscreen');

// Test builds may swap in the scripted engine; in production this branch and its import are compiled away.
const loadScriptedEngine = () =>
  import.meta.env.MODE === 'e2e' ? import('@/lib/offscreen/engines/scripted-engine') : undefined;

// The privacy ledger: every request this page makes (host, path, bytes, time) goes to the background's record.
const recordNetwork = (entries: LedgerEntry[]) => void sendRequest('ledger/record', { entries }).catch(() => undefined);
observeNetwork('offscreen', recordNetwork);

/** Loads and evictions, in order; test builds let e2e tests read them. */
const residencyEvents: Array<{ event: 'load' | 'unload'; modelId: string }> = [];

async function createEngine(settings: EngineHostSettings): Promise<Engine> {
  const scripted = settings.scripted ? await loadScriptedEngine() : undefined;
  if (scripted && settings.scripted) return new scripted.ScriptedEngine(settings.scripted);
  // Only WebLLM's worker loads the library; this page holds the small client that talks to it.
  return new WebLlmEngine(undefined, recordNetwork);
}

const downloads = new DownloadService({
  caches,
  fetch: (input, init) => fetch(input, init),
  now: () => Date.now(),
  recordDiagnostic,
});

const host = new EngineHost({
  // A download in progress keeps the host (and its worker) open.
  keepAlive: () => downloads.busy,
  isModelCached: async (record) => (await modelCacheStatus(record, { caches })).complete,
  repairModel: async (record) => {
    const verification = await verifyModelFiles(record, { caches });
    if (verification.ok || verification.corruptUrls.length === 0) return false;
    await deleteModelFiles(record, { caches });
    return true;
  },
  createEngine,
  updateEngine: (engine, settings) => {
    if (engine.kind === 'scripted' && settings.scripted)
      (engine as Engine & { settings: unknown }).settings = settings.scripted;
  },
  onResidencyChange: (event, modelId) => {
    if (import.meta.env.MODE === 'e2e') residencyEvents.push({ event, modelId });
  },
  // A background that cannot be reached can neither close this document nor keep a record; its models are unloaded.
  onIdle: () => void sendRequest('engine/idle').catch(() => undefined),
  recordDiagnostic,
});
// Listeners are registered before anything is awaited: the background talks to this page as soon as it loads.
acceptPorts(PORT_ENGINE, (port: EngineHostPort) => host.attach(port));
acceptPorts(PORT_DOWNLOADS, (port: DownloadsPort) => downloads.attach(port));
answerRequests(
  'offscreen',
  {
    'engine/probe': () => probeGpu(),
    'engine/status': async () => host.status(),
  },
  recordRequestFailures(recordDiagnostic),
);
if (import.meta.env.MODE === 'e2e') {
  void import('@/lib/offscreen/test-build').then(({ answerTestRequests, serveBareSource }) => {
    const loadScripted = async () => loadScriptedEngine();
    answerTestRequests(loadScripted, async () => residencyEvents);
    serveBareSource(loadScripted);
  });
}
host.startIdleTimer(Number(new URLSearchParams(location.search).get('idleMs')) || DEFAULT_ENGINE_IDLE_MS);
