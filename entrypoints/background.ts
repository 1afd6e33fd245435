import { browser, type Browser } from 'wxt/browser';
import { activeEngineRuns, startEngineRun } from '@/lib/background/engine-client';
import { gpuCapabilitiesFrom, probeInOffscreenDocument } from '@/lib/background/gpu-capabilities';
import {
  closeOffscreenDocument,
  ensureOffscreenDocument,
  hasOffscreenDocument,
} from '@/lib/background/offscreen-document';
import { readScriptedEngineSettings, serveBareRelay } from '@/lib/background/test-build';
import { resolvePageTab } from '@/lib/background/tab-scripts/page-target';
import { watchTab } from '@/lib/platform/watch-tab';
import { readPageInTab, readSelectionInFrame, tabInfo } from '@/lib/background/tab-scripts/read-tab';
import { tacitError } from '@/lib/core/errors';
import { PanelHub, type PanelHubPort } from '@/lib/background/panel-hub';
import { acceptPorts } from '@/lib/protocol/ports';
import { PORT_PANEL, PORT_TASK, type ScriptedEngineSettings } from '@/lib/protocol/messages';
import { answerRequests, sendRequest, type RequestHandlers } from '@/lib/protocol/requests';
import { engineHostFacts, openPanel } from '@/lib/platform/browser-features';
import { engineIdleMs, lastRewriteStyle } from '@/lib/settings/settings';
import { hostEngineInBackground } from './offscreen/background-host';
import { loadEngineSettings, loadTaskEnvironment } from '@/lib/background/task-environment';
import { preloadModel, type PreloadDeps } from '@/lib/background/preload';
import { applyInFrame, captureInFrame } from '@/lib/background/tab-scripts/frame-editing';
import { ConversationStore } from '@/lib/tasks/common/conversations';
import { registerContextMenus } from '@/lib/background/context-menus';
import { isTaskRunning, servePanelPort, type PanelPort } from '@/lib/background/task-service';
import { createTriggers } from '@/lib/background/triggers';
import { insertReplyInTab, readThreadInTab } from '@/lib/background/tab-scripts/mail-access';
import { diagnosticsRequests, recordDiagnostic, recordSettingsRepairs } from '@/lib/background/diagnostics-log';
import { errorName } from '@/lib/core/diagnostics';
import { ledgerRequests, networkLedger } from '@/lib/background/network-ledger-log';
import { observeNetwork } from '@/lib/platform/network-observer';
import type { TaskKind } from '@/lib/models/types';
import { recordRequestFailures } from '@/lib/protocol/diagnostics';

export default defineBackground(() => {
  // Firefox has no offscreen documents: the engine runs in this background page (compiled away for Chromium).
  const inPageHost = import.meta.env.FIREFOX
    ? hostEngineInBackground({
        recordDiagnostic,
        idleMs: () => engineIdleMs.getValue(),
        onIdle: () => idleUnloaded(),
        recordNetwork: (entries) => void networkLedger.record(entries).catch(() => undefined),
      })
    : undefined;
  // The GPU is probed where WebLLM runs: Chromium's offscreen document, or this page in Firefox.
  const gpuCapabilities = gpuCapabilitiesFrom(inPageHost ? inPageHost.probeGpu : probeInOffscreenDocument);
  recordSettingsRepairs();
  observeNetwork('background', (entries) => void networkLedger.record(entries).catch(() => undefined));
  const engine: PreloadDeps = {
    // A failed probe is recorded where it happens (gpu-capabilities); the engine then runs without a GPU budget.
    environment: async () =>
      loadTaskEnvironment(await gpuCapabilities(), (await scriptedSettings()) !== null, engineHostFacts()),
    engineSettings: async () => loadEngineSettings(await gpuCapabilities().catch(() => null), await scriptedSettings()),
    prepareEngine: inPageHost ? () => inPageHost.prepare() : ensureOffscreenDocument,
    startEngineRun: inPageHost
      ? (request, settings, handlers) => startEngineRun(request, settings, handlers, () => inPageHost.connect())
      : startEngineRun,
  };
  /** Loads the task's model ahead if it is cached and fits; false when that could not even start. */
  const preload = (task: TaskKind): Promise<boolean> =>
    preloadModel(task, engine).then(
      () => true,
      (error: unknown) => {
        recordDiagnostic('preload-failed', { task, error: errorName(error) });
        return false;
      },
    );
  // A panel opening is a strong hint of what comes next: a reply draft on a webmail tab, else a summary.
  const hub = new PanelHub(Date.now, (intent) => void preload(intent?.kind === 'open-reply' ? 'draft' : 'summarize'));
  // The engine unloaded its models at idle: open panels' status lines would otherwise still name them.
  const idleUnloaded = () => hub.broadcast({ type: 'panel/engine', change: 'idle-unload' });
  const conversations = new ConversationStore();
  const uiLanguage = () => browser.i18n.getUILanguage();
  const triggers = createTriggers({
    // Opening the panel from the click handler itself keeps the user gesture and grants activeTab on that tab.
    openPanel: (windowId) =>
      void openPanel(windowId).catch((error: unknown) =>
        recordDiagnostic('panel-open-failed', { error: errorName(error) }),
      ),
    deliver: (windowId, intent) => hub.deliver(windowId, intent),
    lastRewriteStyle: () => lastRewriteStyle.getValue(),
  });

  const onActionClicked = (tab: Browser.tabs.Tab) => triggers.onActionClicked(tab);
  const onCommand = (command: string, tab?: Browser.tabs.Tab) => triggers.onCommand(command, tab);
  const onMenuClicked = (info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) =>
    triggers.onMenuClicked({ ...info, editable: info.editable ?? false }, tab);
  // Firefox's MV2 build has browserAction instead of action.
  (browser.action ?? browser.browserAction).onClicked.addListener(onActionClicked);
  browser.commands.onCommand.addListener(onCommand);
  browser.contextMenus.onClicked.addListener(onMenuClicked);
  browser.runtime.onInstalled.addListener(() => void registerContextMenus());

  acceptPorts(PORT_PANEL, (port: PanelHubPort) => hub.attach(port));
  acceptPorts(PORT_TASK, (port: PanelPort) =>
    servePanelPort(port, {
      ...engine,
      watchTab: (tabId, onGone) => watchTab(tabId, (reason) => onGone(tacitError(reason))),
      pageAccess: {
        resolveTab: resolvePageTab,
        tabInfo,
        readPage: readPageInTab,
        readSelection: readSelectionInFrame,
        uiLanguage,
      },
      selectionAccess: { tabInfo, capture: captureInFrame },
      mailAccess: { resolveTab: resolvePageTab, tabInfo, readThread: readThreadInTab, uiLanguage },
      conversations,
    }),
  );

  const requestFailed = recordRequestFailures(recordDiagnostic);
  const handlers: RequestHandlers<'background'> = {
    'panel/status': async () => ({
      // A failed probe is recorded where it happens (gpu-capabilities); the panel shows the GPU as unknown.
      capabilities: await gpuCapabilities().catch(() => null),
      engine: inPageHost
        ? inPageHost.status()
        : (await hasOffscreenDocument())
          ? await sendRequest('engine/status').catch((error: unknown) => {
              requestFailed('engine/status', error);
              return null;
            })
          : null,
    }),
    // The offscreen engine host has been idle for the configured time and unloaded its models: close it to free its
    // memory, and tell open panels.
    'engine/idle': async () => {
      const closed = activeEngineRuns() === 0 && (await closeOffscreenDocument());
      idleUnloaded();
      return { closed };
    },
    'task/running': async ({ requestId }) => ({ running: isTaskRunning(requestId) }),
    // A failed start is recorded by ensureOffscreenDocument; Options learns it from ok: false.
    'engine/ensure': async () => ({
      ok: await (inPageHost ? inPageHost.prepare() : ensureOffscreenDocument()).then(
        () => true,
        () => false,
      ),
    }),
    'rewrite/apply': async ({ tabId, frameId, anchorId, text, mode }) => {
      const applied = await applyInFrame({ tabId, frameId }, anchorId, text, mode);
      return applied.ok ? { ok: true, undoSteps: applied.value.undoSteps } : { ok: false, error: applied.error };
    },
    'reply/insert': async ({ tabId, text, conversation }) => {
      const inserted = await insertReplyInTab(tabId, text, conversation);
      return inserted.ok ? { ok: true, ...inserted.value } : { ok: false, error: inserted.error };
    },
    'model/preload': async ({ task }) => ({ started: await preload(task) }),
    ...diagnosticsRequests(),
    ...ledgerRequests(),
  };
  answerRequests('background', handlers, requestFailed);

  // Test builds expose the registered handlers so e2e tests can invoke exactly what the browser would.
  if (import.meta.env.MODE === 'e2e') {
    Object.assign(globalThis, { tacitTriggers: { onActionClicked, onCommand, onMenuClicked } });
    // The pipeline benchmark's baseline: the same tokens relayed one message each, with nothing rendered.
    serveBareRelay(ensureOffscreenDocument);
  }
});

/** Test builds only: the scripted engine's settings when an e2e test turned it on; compiled away in production. */
function scriptedSettings(): Promise<ScriptedEngineSettings | null> {
  return import.meta.env.MODE === 'e2e' ? readScriptedEngineSettings() : Promise.resolve(null);
}
