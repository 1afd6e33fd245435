/** Playwright fixtures: Debian Chromium with a Tacit build loaded, a 127.0.0.1 file server, and the egress ledger. */
import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { build as bundle } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ScriptedEngineSettings } from '../../../lib/protocol/messages';
import { EgressLedger } from './egress-ledger';
import { errorLogFlags, uncaughtExtensionErrors } from './extension-errors';
import { LocalServer } from './local-server';

export const CHROMIUM = process.env.TACIT_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Browser features that phone Google on their own (not Tacit's traffic). A later --disable-features replaces
 * Playwright's, so its list is repeated here: the first line is Playwright's, the second adds autofill and models.
 */
const DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'AutofillServerCommunication',
  'OptimizationGuideModelDownloading',
  'Translate',
];
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

  context: async ({ build, webgpu, egress, expectedUncaught }, use) => {
    const extensionPath = resolve(ROOT, build === 'e2e' ? '.output/chrome-mv3-e2e' : '.output/chrome-mv3');
    const profile = freshProfile();
    const logFile = join(profile, 'chromium.log');
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        `--disable-extensions-except=${extensionPath}`,
        `--load-extension=${extensionPath}`,
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-default-apps',
        // Chromium's own sign-in and component-updater traffic is the browser's, not Tacit's: point it at a closed
        // loopback port so that the ledger shows only what the extension and pages ask for.
        '--gaia-url=http://127.0.0.1:9',
        '--component-updater=url-source=http://127.0.0.1:9/update',
        `--disable-features=${DISABLED_FEATURES.join(',')}`,
        `--proxy-server=${egress.proxy}`,
        ...(webgpu ? ['--enable-unsafe-webgpu'] : []),
        ...errorLogFlags(logFile),
      ],
    });
    context.on('request', (request) => egress.ledger.record(request.url()));
    await use(context);
    await context.close();
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    rmSync(profile, { recursive: true, force: true });
    const unexpected = uncaughtExtensionErrors(log).filter(
      (error) => !expectedUncaught.some((pattern) => pattern.test(error.message)),
    );
    expect(unexpected, 'uncaught errors in the extension (service worker, offscreen, pages, injected scripts)').toEqual(
      [],
    );
  },

  serviceWorker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
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

/** A new profile whose spellchecker does not download dictionaries (browser traffic a text field would otherwise cause). */
function freshProfile(): string {
  const profile = mkdtempSync(join(tmpdir(), 'tacit-e2e-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({
      browser: { enable_spellchecking: false },
      spellcheck: { dictionaries: [], dictionary: '', forced_dictionaries: [], use_spelling_service: false },
      intl: { accept_languages: 'en-US' },
    }),
  );
  return profile;
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
