/**
 * The Firefox build in real Firefox (Debian's firefox-esr, driven over WebDriver BiDi): installed as a temporary
 * add-on, its background starts and answers the panel, which says this browser cannot host the engine yet.
 * Run after `npm run build:all`. Every request Firefox makes goes to a closed port on 127.0.0.1 (its proxy).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const FIREFOX = process.env.TACIT_FIREFOX ?? '/usr/bin/firefox-esr';
const BUILD = resolve(import.meta.dirname, '../../.output/firefox-mv2');
const ADDON_ID = 'tacit@tacit.invalid';
/** Preset so the test knows the moz-extension:// origin without waiting for Firefox to pick one. */
const ADDON_UUID = '3b1f5c2e-0000-4000-8000-00000000ac17';

describe('Firefox edition', () => {
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(BUILD)) throw new Error(`${BUILD} is missing: run "npm run build:all" first`);
    browser = await puppeteer.launch({
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
      },
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('installs, starts its background, and the panel gets its answer', async () => {
    expect(await browser.installExtension(BUILD)).toBe(ADDON_ID);
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    // A moz-extension:// load never reports "load" to BiDi's goto; waiting for the page's own content instead.
    void page.goto(`moz-extension://${ADDON_UUID}/sidepanel.html`).catch(() => undefined);
    const status = await page.waitForSelector('[data-testid="gpu-status"]', { timeout: 15_000 });
    await page.waitForFunction(
      () => document.querySelector('[data-testid="gpu-status"]')?.textContent !== 'Checking WebGPU…',
      { timeout: 15_000 },
    );
    expect(await status!.evaluate((element) => element.textContent)).toBe(
      'This browser offers Tacit no WebGPU engine, so it runs its models on the CPU.',
    );
    expect(await page.evaluate(() => document.querySelector('h1')?.textContent)).toBe('Tacit');
  }, 60_000);
});
