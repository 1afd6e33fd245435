import type { EngineHostPort } from '@/lib/offscreen/engine-host';
import { probeGpu } from '@/lib/offscreen/gpu-probe';
import { acceptPorts } from '@/lib/protocol/ports';
import { DEFAULT_ENGINE_IDLE_MS, PORT_DOWNLOADS, PORT_ENGINE } from '@/lib/protocol/messages';
import type { DownloadsPort } from '@/lib/offscreen/downloads/download-service';
import { answerRequests, sendRequest } from '@/lib/protocol/requests';
import { createEngineHostRoot } from './engine-host-root';

const { host, downloads, residencyEvents, loadScriptedEngine } = createEngineHostRoot({
  webllm: true,
  onIdle: () => void sendRequest('engine/idle').catch(() => undefined),
});
// Listeners are registered before anything is awaited: the background talks to this page as soon as it loads.
acceptPorts(PORT_ENGINE, (port: EngineHostPort) => host.attach(port));
acceptPorts(PORT_DOWNLOADS, (port: DownloadsPort) => downloads.attach(port));
answerRequests('offscreen', {
  'engine/probe': () => probeGpu(),
  'engine/status': async () => ({ ...host.status(), crossOriginIsolated }),
});
if (import.meta.env.MODE === 'e2e') {
  void import('@/lib/offscreen/test-build').then(({ answerScriptedLogRequests }) =>
    answerScriptedLogRequests(
      async () => (await loadScriptedEngine())?.scriptedRequestLog ?? [],
      async () => residencyEvents,
    ),
  );
}
host.startIdleTimer(Number(new URLSearchParams(location.search).get('idleMs')) || DEFAULT_ENGINE_IDLE_MS);
