import { EngineHost, type EngineHostPort } from '@/lib/engine/engine-host';
import type { Engine } from '@/lib/engine/engine';
import { probeGpu } from '@/lib/engine/gpu-probe';
import { WebLlmEngine } from '@/lib/engine/webllm-engine';
import { acceptPorts } from '@/lib/messaging/ports';
import { PORT_ENGINE, type EngineHostSettings } from '@/lib/messaging/protocol';
import { answerRequests, sendRequest } from '@/lib/messaging/requests';
import { DEFAULT_ENGINE_IDLE_MS } from '@/lib/settings/settings';

// Test builds may swap in the scripted engine; in production this branch and its import are compiled away.
const loadScriptedEngine = () =>
  import.meta.env.MODE === 'e2e' ? import('@/lib/engine/scripted-engine').then((module) => module.ScriptedEngine) : undefined;

async function engineFor(settings: EngineHostSettings, current: Engine | undefined): Promise<Engine> {
  const ScriptedEngine = settings.scripted ? await loadScriptedEngine() : undefined;
  if (ScriptedEngine && settings.scripted) {
    if (current instanceof ScriptedEngine) {
      current.settings = settings.scripted;
      return current;
    }
    await current?.unload();
    return new ScriptedEngine(settings.scripted);
  }
  if (current instanceof WebLlmEngine) return current;
  await current?.unload();
  return new WebLlmEngine();
}

const host = new EngineHost({
  engineFor,
  onIdle: () => void sendRequest('engine/idle').catch(() => undefined),
});
// Listeners are registered before anything is awaited: the background talks to this page as soon as it loads.
acceptPorts(PORT_ENGINE, (port: EngineHostPort) => host.attach(port));
answerRequests('offscreen', {
  'engine/probe': () => probeGpu(),
  'engine/status': async () => host.status(),
});
if (import.meta.env.MODE === 'e2e') {
  void import('@/lib/engine/test-build').then(({ answerScriptedLogRequests }) =>
    answerScriptedLogRequests(async () => {
      const ScriptedEngine = await loadScriptedEngine();
      return ScriptedEngine && host.currentEngine instanceof ScriptedEngine ? host.currentEngine.log : [];
    }),
  );
}
host.startIdleTimer(Number(new URLSearchParams(location.search).get('idleMs')) || DEFAULT_ENGINE_IDLE_MS);
