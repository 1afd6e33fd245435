/** Playwright fixtures: Debian Chromium with a Tacit build loaded, a 127.0.0.1 file server, and the egress ledger. */
import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { build as bundle } from 'esbuild';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ScriptedEngineSettings } from '../../../lib/protocol/messages';
import { EgressLedger } from './egress-ledger';
import { errorLogFlags, uncaughtExtensionErrors } from './extension-errors';
import { LocalServer } from './local-server';
import { CHROMIUM, extensionChromiumArgs, freshProfile } from './launch';

const ROOT = resolve(import.meta.dirname, '../../..');

interface Options {
  /** `e2e` is the test build (scripted engine available); `production` is exactly what users install. */
  build: 'e2e' | 'production';
  /** Starts Chromium with --enable-unsafe-webgpu, which gives a software WebGPU adapter in headless mode. */
  webgpu: boolean;
  /** Uncaught errors in the extension's contexts that a test provokes on purpose; any other fails the test. */
  expectedUncaught: RegExp[];
}

interface Fixtures {
  /** The browser profile's folder, fresh for each test. */
  profile: string;
  egress: { ledger: EgressLedger; proxy: string };
  files: LocalServer;
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  openPanel: () => Promise<Page>;
  /** The panel in a window of its own, working on the page in the last focused normal window. */
  openDetachedPanel: () => Promise<Page>;
  /** The normal browser tab the tests put web pages in. */
  webPage: Page;
  /** Closes the browser and starts it again on the same profile: a browser restart. */
  restartBrowser: () => Promise<{ context: BrowserContext; serviceWorker: Worker }>;
}

interface LaunchOptions {
  build: Options['build'];
  webgpu: boolean;
  egress: Fixtures['egress'];
}

/** Debian Chromium on `profile` with the build loaded, every request recorded in the egress ledger. */
async function launchTacit(profile: string, logFile: string, options: LaunchOptions): Promise<BrowserContext> {
  const extensionPath = resolve(ROOT, options.build === 'e2e' ? '.output/chrome-mv3-e2e' : '.output/chrome-mv3');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...extensionChromiumArgs(extensionPath, { webgpu: options.webgpu, proxy: options.egress.proxy }),
      ...errorLogFlags(logFile),
    ],
  });
  context.on('request', (request) => options.egress.ledger.record(request.url()));
  return context;
}

/** Fails the test on an uncaught error in the extension's contexts that it did not provoke on purpose. */
function expectNoUncaughtErrors(logFile: string, expectedUncaught: RegExp[]): void {
  const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
  const unexpected = uncaughtExtensionErrors(log).filter(
    (error) => !expectedUncaught.some((pattern) => pattern.test(error.message)),
  );
  expect(unexpected, 'uncaught errors in the extension (service worker, offscreen, pages, injected scripts)').toEqual(
    [],
  );
}

async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

export const test = base.extend<Fixtures & Options>({
  build: ['e2e', { option: true }],
  webgpu: [true, { option: true }],
  expectedUncaught: [[], { option: true }],

  egress: async ({}, use) => {
    const ledger = new EgressLedger();
    const proxy = await ledger.start();
    await use({ ledger, proxy });
    await ledger.stop();
    expect(ledger.requests, 'requests to hosts other than 127.0.0.1').toEqual([]);
  },

  files: async ({}, use) => {
    const server = new LocalServer(resolve(ROOT, 'tests/fixtures'));
    // A real rich-text editor from npm, served locally like everything else.
    server.mount('/vendor/quill/', resolve(ROOT, 'node_modules/quill/dist'));
    // ProseMirror ships only ES modules: its fixture is bundled in memory, once per worker.
    server.serve('/vendor/prosemirror.js', await proseMirrorBundle(), 'text/javascript');
    await server.start();
    await use(server);
    await server.stop();
  },

  profile: async ({}, use) => {
    const profile = freshProfile();
    await use(profile);
    rmSync(profile, { recursive: true, force: true });
  },

  context: async ({ profile, build, webgpu, egress, expectedUncaught }, use) => {
    const logFile = join(profile, 'chromium.log');
    const context = await launchTacit(profile, logFile, { build, webgpu, egress });
    await use(context);
    await context.close();
    expectNoUncaughtErrors(logFile, expectedUncaught);
  },

  serviceWorker: async ({ context }, use) => {
    await use(await serviceWorkerOf(context));
  },

  restartBrowser: async ({ profile, context, build, webgpu, egress, expectedUncaught }, use) => {
    const restarts: Array<{ context: BrowserContext; logFile: string }> = [];
    await use(async () => {
      await (restarts.at(-1)?.context ?? context).close();
      const logFile = join(profile, `chromium-restart-${restarts.length + 1}.log`);
      const next = await launchTacit(profile, logFile, { build, webgpu, egress });
      restarts.push({ context: next, logFile });
      return { context: next, serviceWorker: await serviceWorkerOf(next) };
    });
    for (const restart of restarts) {
      await restart.context.close();
      expectNoUncaughtErrors(restart.logFile, expectedUncaught);
    }
  },

  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },

  webPage: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },

  openDetachedPanel: async ({ context, serviceWorker, webPage }, use) => {
    await use(async () => {
      await webPage.bringToFront();
      const opened = context.waitForEvent('page');
      await serviceWorker.evaluate(() =>
        chrome.windows.create({ url: 'sidepanel.html', type: 'popup', focused: false }),
      );
      const panel = await opened;
      await panel.waitForLoadState();
      return panel;
    });
  },

  openPanel: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      return page;
    });
  },
});

export { expect };

/** Calls a handler the background registered (test builds expose them as globalThis.tacitTriggers). */
export async function invokeTrigger(
  worker: Worker,
  name: 'onActionClicked' | 'onCommand' | 'onMenuClicked',
  ...args: unknown[]
): Promise<void> {
  await worker.evaluate(
    ([handlerName, handlerArgs]) => {
      const triggers = (globalThis as unknown as { tacitTriggers: Record<string, (...a: unknown[]) => void> })
        .tacitTriggers;
      triggers[handlerName as string]!(...(handlerArgs as unknown[]));
    },
    [name, args] as const,
  );
}

export async function tabOf(worker: Worker, url: string): Promise<{ id: number; windowId: number; url: string }> {
  return worker.evaluate(async (pageUrl) => {
    const [tab] = await chrome.tabs.query({ url: pageUrl });
    return { id: tab!.id!, windowId: tab!.windowId, url: tab!.url! };
  }, url);
}

let proseMirrorCode: Promise<string> | undefined;

function proseMirrorBundle(): Promise<string> {
  proseMirrorCode ??= bundle({
    entryPoints: [resolve(ROOT, 'tests/fixtures/editing/prosemirror-entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  return proseMirrorCode;
}

/**
 * Makes the test build's offscreen host use the scripted engine with these settings. The software adapter's GPU
 * budget (1.2 GB) would refuse the default models, so the user's budget override is raised unless a test sets it.
 */
export async function useScriptedEngine(
  worker: Worker,
  settings: ScriptedEngineSettings,
  gpuBudgetMB = 16_384,
): Promise<void> {
  await worker.evaluate(
    ([value, budget]) => chrome.storage.local.set({ 'test:scriptedEngine': value, gpuBudgetMB: budget }),
    [settings, gpuBudgetMB] as const,
  );
}

/** Loads and evictions the engine host made, in order (test builds only). */
export async function residencyLog(worker: Worker): Promise<Array<{ event: 'load' | 'unload'; modelId: string }>> {
  return worker.evaluate(() =>
    chrome.runtime.sendMessage({ tacit: 1, to: 'offscreen', type: 'test/residency-log', payload: {} }),
  );
}

export async function setStorage(worker: Worker, items: Record<string, unknown>): Promise<void> {
  await worker.evaluate((value) => chrome.storage.local.set(value), items);
}

export async function offscreenDocumentCount(worker: Worker): Promise<number> {
  return worker.evaluate(async () => {
    const contexts = await chrome.runtime.getContexts({
      contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType],
    });
    return contexts.length;
  });
}

/** What the scripted engine was asked, read from the offscreen document (test builds only). */
export async function scriptedEngineLog(
  worker: Worker,
): Promise<Array<{ modelId: string; messages: Array<{ role: string; content: string }> }>> {
  return worker.evaluate(async () => {
    const hosts = await chrome.runtime.getContexts({
      contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType],
    });
    // No engine host means the engine was never asked anything.
    if (hosts.length === 0) return [];
    // A host that is still loading has not registered its listener yet.
    for (let attempt = 0; ; attempt++) {
      try {
        const log = await chrome.runtime.sendMessage({
          tacit: 1,
          to: 'offscreen',
          type: 'test/scripted-log',
          payload: {},
        });
        if (Array.isArray(log)) return log;
        if (attempt > 40) throw new Error('the engine host does not answer test/scripted-log');
      } catch (error) {
        if (attempt > 40) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
}

/** Stops the extension's service worker, as Chrome does when it idles, through an extension page's DevTools session. */
export async function stopServiceWorker(context: BrowserContext, extensionPage: Page): Promise<void> {
  const cdp = await context.newCDPSession(extensionPage);
  const running = new Promise<string>((resolve) =>
    cdp.on(
      'ServiceWorker.workerVersionUpdated',
      ({ versions }: { versions: Array<{ versionId: string; runningStatus: string }> }) => {
        const version = versions.find((candidate) => candidate.runningStatus === 'running');
        if (version) resolve(version.versionId);
      },
    ),
  );
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopWorker', { versionId: await running });
  await cdp.detach();
}
