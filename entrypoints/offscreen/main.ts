import { EngineHost, type EngineHostPort } from '@/lib/engine/engine-host';
import type { Engine } from '@/lib/engine/engine';
import { probeGpu } from '@/lib/engine/gpu-probe';
import { WebLlmEngine } from '@/lib/engine/webllm-engine';
import { acceptPorts } from '@/lib/messaging/ports';
import { PORT_ENGINE, type EngineHostSettings } from '@/lib/messaging/protocol';
import { answerRequests, sendRequest } from '@/lib/messaging/requests';
import { DEFAULT_ENGINE_IDLE_MS } from '@/lib/settings/settings';

// Test builds may swap in the scripted engine; in production this branch and its import are compiled away.
const scriptedEngineModule = import.meta.env.MODE === 'e2e' ? import('@/lib/engine/scripted-engine') : undefined;
const ScriptedEngine = scriptedEngineModule ? (await scriptedEngineModule).ScriptedEngine : undefined;

function engineFor(settings: EngineHostSettings, current: Engine | undefined): Engine {
  if (ScriptedEngine && settings.scripted) {
    if (current instanceof ScriptedEngine) {
      current.settings = settings.scripted;
      return current;
    }
    void current?.unload();
    return new ScriptedEngine(settings.scripted);
  }
  if (current instanceof WebLlmEngine) return current;
  void current?.unload();
  return new WebLlmEngine();
}

const host = new EngineHost({
  engineFor,
  onIdle: () => void sendRequest('engine/idle').catch(() => undefined),
});
const idleMs = Number(new URLSearchParams(location.search).get('idleMs')) || DEFAULT_ENGINE_IDLE_MS;
host.startIdleTimer(idleMs);

acceptPorts(PORT_ENGINE, (port: EngineHostPort) => host.attach(port));

answerRequests('offscreen', {
  'engine/probe': () => probeGpu(),
  'engine/status': async () => host.status(),
  'test/scripted-log': async () =>
    ScriptedEngine && host.currentEngine instanceof ScriptedEngine ? host.currentEngine.log : [],
});
