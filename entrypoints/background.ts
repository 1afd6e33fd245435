import { activeEngineRuns, startEngineRun } from '@/lib/engine/engine-client';
import { gpuCapabilities } from '@/lib/engine/capability-cache';
import { closeOffscreenDocument, ensureOffscreenDocument, hasOffscreenDocument } from '@/lib/engine/offscreen-document';
import { acceptPorts } from '@/lib/messaging/ports';
import { PORT_TASK, type EngineHostSettings } from '@/lib/messaging/protocol';
import { answerRequests, sendRequest } from '@/lib/messaging/requests';
import { sidePanelApi } from '@/lib/platform/browser-features';
import { engineIdleMs, modelMirrorUrl } from '@/lib/settings/settings';
import { servePanelPort, type PanelPort } from '@/lib/tasks/task-service';
import { readScriptedEngineSettings } from '@/lib/engine/test-build';

export default defineBackground(() => {
  // Chrome: the toolbar button opens the side panel. Firefox has no sidePanel API (its sidebar comes later).
  void sidePanelApi()?.setPanelBehavior({ openPanelOnActionClick: true });

  acceptPorts(PORT_TASK, (port: PanelPort) =>
    servePanelPort(port, {
      environment: async () => ({
        capabilities: await gpuCapabilities(),
        mirrorUrl: await modelMirrorUrl.getValue(),
        scriptedEngine: import.meta.env.MODE === 'e2e' && (await readScriptedEngineSettings()) !== null,
      }),
      engineSettings,
      prepareEngine: ensureOffscreenDocument,
      startEngineRun,
    }),
  );

  answerRequests('background', {
    'panel/status': async () => ({
      capabilities: await gpuCapabilities().catch(() => null),
      engine: (await hasOffscreenDocument()) ? await sendRequest('engine/status').catch(() => null) : null,
    }),
    // The engine host has been idle for the configured time: close it so its GPU memory is freed.
    'engine/idle': async () => ({ closed: activeEngineRuns() === 0 && (await closeOffscreenDocument()) }),
  });
});

async function engineSettings(): Promise<EngineHostSettings> {
  const idleTimeoutMs = await engineIdleMs.getValue();
  if (import.meta.env.MODE !== 'e2e') return { idleTimeoutMs };
  const scripted = await readScriptedEngineSettings();
  return scripted ? { idleTimeoutMs, scripted } : { idleTimeoutMs };
}
