import type { EngineHostPort } from '@/lib/offscreen/engine-host';
import { probeGpu } from '@/lib/offscreen/gpu-probe';
import { acceptPorts } from '@/lib/protocol/ports';
import { DEFAULT_ENGINE_IDLE_MS, PORT_DOWNLOADS, PORT_ENGINE } from '@/lib/protocol/messages';
import type { DownloadsPort } from '@/lib/offscreen/downloads/download-service';
import { answerRequests, sendRequest } from '@/lib/protocol/requests';
import { observeNetwork } from '@/lib/platform/network-observer';
import type { LedgerEntry } from '@/lib/core/network-ledger';
import { diagnosticsReporter, recordRequestFailures } from '@/lib/protocol/diagnostics';
import { createEngineHostRoot } from './engine-host-root';

// This document has no storage: its diagnostics go to the background, which keeps them.
const recordDiagnostic = diagnosticsReporter('offscreen');

// The privacy ledger: every request this page makes (host, path, bytes, time) goes to the background's record.
const recordNetwork = (entries: LedgerEntry[]) => void sendRequest('ledger/record', { entries }).catch(() => undefined);
observeNetwork('offscreen', recordNetwork);

const { host, downloads, residencyEvents, loadScriptedEngine } = createEngineHostRoot({
  webllm: true,
  // wllama's calls for each token then never wait for this page's main thread, which the side panel shares.
  llamaWorker: true,
  recordNetwork,
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
    'engine/status': async () => ({ ...host.status(), crossOriginIsolated }),
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
