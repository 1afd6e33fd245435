/**
 * The Firefox build in real Firefox (Debian's firefox-esr, driven over WebDriver BiDi): installed as a temporary
 * add-on, its background starts and answers the panel: without WebGPU it runs its models on the CPU; where Firefox
 * offers WebGPU, its background page probes the GPU, where WebLLM would run.
 * Run after `npm run build:all`. Every request Firefox makes goes to a closed port on 127.0.0.1 (its proxy).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const FIREFOX = process.env.TACIT_FIREFOX ?? '/usr/bin/firefox-esr';
const BUILD = resolve(import.meta.dirname, '../../.output/firefox-mv2');
const ADDON_ID = 'tacit@tacit.invalid';
/** Preset so the test knows the moz-extension:// origin without waiting for Firefox to pick one. */
const ADDON_UUID = '3b1f5c2e-0000-4000-8000-00000000ac17';

/** Firefox with the add-on's UUID preset, every request sent to a closed port; `prefs` on top. */
function launchFirefox(prefs: Record<string, unknown> = {}): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      // Firefox's remote settings poll otherwise (through the dead proxy, but pointlessly).
      'services.settings.server': 'http://127.0.0.1:9/v1',
      ...prefs,
    },
  });
}

/** The status line's GPU part in the panel opened as a tab, once the background has answered. */
async function gpuStatus(page: Page): Promise<string> {
  // A moz-extension:// load never reports "load" to BiDi's goto; waiting for the page's own content instead.
  void page.goto(`moz-extension://${ADDON_UUID}/sidepanel.html`).catch(() => undefined);
  const status = await page.waitForSelector('[data-testid="gpu-status"]', { timeout: 15_000 });
  await page.waitForFunction(
    () => document.querySelector('[data-testid="gpu-status"]')?.textContent !== 'Checking WebGPU…',
    { timeout: 15_000 },
  );
  return status!.evaluate((element) => element.textContent ?? '');
}

describe('Firefox edition', () => {
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(BUILD)) throw new Error(`${BUILD} is missing: run "npm run build:all" first`);
    browser = await launchFirefox();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('installs, starts its background, and the panel gets its answer', async () => {
    expect(await browser.installExtension(BUILD)).toBe(ADDON_ID);
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    expect(await gpuStatus(page)).toBe('This browser offers Tacit no WebGPU engine, so it runs its models on the CPU.');
    expect(await page.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Tacit');
  }, 60_000);
});

describe('Firefox edition where Firefox offers WebGPU', () => {
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(BUILD)) throw new Error(`${BUILD} is missing: run "npm run build:all" first`);
    browser = await launchFirefox({ 'dom.webgpu.enabled': true, 'gfx.webgpu.ignore-blocklist': true });
    expect(await browser.installExtension(BUILD)).toBe(ADDON_ID);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('probes the GPU in its background page, and Options says where a summary runs accordingly', async () => {
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    const gpu = await gpuStatus(page);
    // The machine decides whether Firefox finds an adapter (a software one needs Vulkan); either way it was asked.
    expect(gpu).toMatch(
      /^WebGPU (ready: .+|unavailable: no GPU adapter was found\. Enable hardware acceleration in the browser settings, update your graphics driver, or check about:support\.)$/,
    );
    void page.goto(`moz-extension://${ADDON_UUID}/options.html`).catch(() => undefined);
    const outcome = await page.waitForSelector('[data-task-model="summarize"] [data-testid="task-engine-outcome"]', {
      timeout: 15_000,
    });
    await page.waitForFunction(
      (element) => /^(Runs|Cannot run)/.test(element.textContent ?? ''),
      { timeout: 15_000 },
      outcome!,
    );
    const where = await outcome!.evaluate((element) => element.textContent ?? '');
    if (gpu.startsWith('WebGPU ready'))
      expect(where).toMatch(
        /^(Runs on the GPU here|Runs on the CPU here: .+\((the model does not fit|this GPU lacks))/,
      );
    else expect(where).toMatch(/^Runs on the CPU here: .+\(no usable GPU here\)\.$/);
  }, 60_000);
});
