/**
 * The Firefox edition's engine in real Firefox (Debian's firefox-esr over WebDriver BiDi): its background page hosts
 * llama.cpp in WebAssembly, and a page summary and a reply draft run on the tiny generated GGUF model served from
 * 127.0.0.1. Firefox's proxy is the egress ledger: no request may go to any other host. Run after `npm run build:all`
 * (it uses the test build, .output/firefox-mv2-e2e, which may read pages on 127.0.0.1).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EgressLedger } from '../e2e/support/egress-ledger';
import { LocalServer } from '../e2e/support/local-server';
import { serveTinyModel } from '../e2e/support/tiny-model';

const FIREFOX = process.env.TACIT_FIREFOX ?? '/usr/bin/firefox-esr';
const BUILD = resolve(import.meta.dirname, '../../.output/firefox-mv2-e2e');
const ADDON_ID = 'tacit@tacit.invalid';
const ADDON_UUID = '3b1f5c2e-0000-4000-8000-00000000ac18';
const EXTENSION = `moz-extension://${ADDON_UUID}`;

const ARTICLE = `<!doctype html><html lang="en"><head><title>Library plan approved</title></head><body><main><article>
<h1>Library plan approved</h1>
<p>The city council approved the new library on Tuesday. Many people came to the meeting and said what they think
about the plan. The mayor said the building will open next year, and that a report on the cost will follow.</p>
</article></main></body></html>`;

/** Opens an extension page in a new tab; moz-extension:// loads never report "load" to BiDi, so its content is awaited. */
async function openExtensionPage(browser: Browser, path: string, ready: string): Promise<Page> {
  const page = await browser.newPage();
  void page.goto(`${EXTENSION}${path}`).catch(() => undefined);
  await page.waitForSelector(ready, { timeout: 15_000 });
  return page;
}

/** The page that opened since `before` (BiDi lists moz-extension:// pages as about:blank, so URLs cannot tell). */
async function newPage(browser: Browser, before: Set<Page>): Promise<Page> {
  for (let waited = 0; waited < 15_000; waited += 100) {
    const opened = (await browser.pages()).find((page) => !before.has(page));
    if (opened) return opened;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('no new page opened');
}

/** Firefox's promise-based WebExtension API in extension pages (`chrome.*` there takes callbacks). */
type WebExtensions = { browser: typeof chrome };

async function text(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (element) =>
    element instanceof HTMLTextAreaElement ? element.value : (element.textContent ?? ''),
  );
}

describe('Firefox edition with the CPU engine', () => {
  let browser: Browser;
  const ledger = new EgressLedger();
  const files = new LocalServer(resolve(import.meta.dirname, '../fixtures'));

  beforeAll(async () => {
    if (!existsSync(BUILD)) throw new Error(`${BUILD} is missing: run "npm run build:all" first`);
    const proxy = new URL(await ledger.start());
    await files.start();
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: FIREFOX,
      headless: true,
      args: ['--remote-allow-system-access'],
      // Release builds honour services.settings.server only with this set.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
        // Every request to another host goes to the ledger, which records and refuses it; 127.0.0.1 goes direct.
        'network.proxy.type': 1,
        'network.proxy.http': proxy.hostname,
        'network.proxy.http_port': Number(proxy.port),
        'network.proxy.ssl': proxy.hostname,
        'network.proxy.ssl_port': Number(proxy.port),
        'network.proxy.allow_hijacking_localhost': false,
        'network.proxy.no_proxies_on': '127.0.0.1',
        // Firefox's own remote settings poll otherwise: that is the browser's traffic, not Tacit's.
        'services.settings.server': 'http://127.0.0.1:9/v1',
      },
    });
    expect(await browser.installExtension(BUILD)).toBe(ADDON_ID);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await files.stop();
    await ledger.stop();
  });

  it('summarizes a page and drafts a reply on llama.cpp in the background page, with no request but to 127.0.0.1', async () => {
    const tiny = serveTinyModel(files, 'Tiny-Firefox-GGUF', true);
    const webPage = (await browser.pages())[0] ?? (await browser.newPage());
    await webPage.goto(files.serve('/generated/library.html', ARTICLE));

    // Settings and the detached panel come from an extension page, which then closes: the web page is the active tab.
    const setup = await openExtensionPage(browser, '/options.html', 'main');
    await setup.evaluate(
      (record) =>
        (globalThis as unknown as WebExtensions).browser.storage.local.set({
          customModels: [record],
          taskModels: {
            summarize: record.model_id,
            draft: record.model_id,
            chat: record.model_id,
          },
        }),
      tiny.record,
    );
    const before = new Set(await browser.pages());
    await setup.evaluate(() =>
      (globalThis as unknown as WebExtensions).browser.windows.create({
        url: 'sidepanel.html',
        type: 'popup',
        focused: false,
      }),
    );
    const panel = await newPage(browser, before);
    await setup.close();
    await webPage.bringToFront();
    await panel.waitForSelector('[data-testid="gpu-status"]');
    await panel.waitForFunction(
      () => document.querySelector('[data-testid="gpu-status"]')?.textContent !== 'Checking WebGPU…',
    );
    expect(await text(panel, '[data-testid="gpu-status"]')).toBe(
      'This browser offers Tacit no WebGPU engine, so it runs its models on the CPU.',
    );

    // Summary: download with progress, then the words stream in, on the CPU.
    await panel.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { statusLines: string[] }).statusLines = seen;
      new MutationObserver(() => {
        // The status line says what the engine does; the card's progress line shows the download.
        for (const id of ['engine-status', 'task-progress']) {
          const line = document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
          if (line && !seen.includes(line)) seen.push(line);
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    const summarize = await panel.waitForSelector('::-p-text(Summarize this page)');
    await summarize!.click();
    await panel.waitForSelector('::-p-text(Regenerate)', { timeout: 90_000 });
    await panel.waitForFunction(
      () => !Array.from(document.querySelectorAll('button')).find((b) => b.textContent === 'Regenerate')!.disabled,
      { timeout: 90_000 },
    );
    expect((await text(panel, '[data-testid="summary"]')).trim().length).toBeGreaterThan(0);
    const lines = await panel.evaluate(() => (window as unknown as { statusLines: string[] }).statusLines);
    expect(lines.some((line) => /^Loading Tiny-Firefox-GGUF: \d+% \(.+ of .+\)/.test(line))).toBe(true);
    expect(lines.some((line) => line.startsWith('Writing on the CPU with Tiny-Firefox-GGUF'))).toBe(true);
    expect(files.log.filter((entry) => entry === `GET ${tiny.path}`)).toHaveLength(1);

    // A reply draft from a Gmail conversation, on the model already loaded.
    await webPage.goto(`${files.origin}/webmail/gmail-thread.html`);
    await (await panel.waitForSelector('::-p-text(Reply to email)'))!.click();
    await panel.type('#draft-intent', 'yes, book it');
    await (await panel.waitForSelector('::-p-text(Draft reply)'))!.click();
    await panel.waitForFunction(
      () => {
        const insert = Array.from(document.querySelectorAll('button')).find(
          (b) => b.textContent === 'Insert into reply',
        );
        return insert !== undefined && !insert.disabled;
      },
      { timeout: 90_000 },
    );
    expect((await text(panel, '[data-testid="draft-text"]')).trim().length).toBeGreaterThan(0);
    expect(await text(panel, '[data-testid="draft-source"]')).toContain('Gmail · 3 messages read');
    expect(files.log.filter((entry) => entry === `GET ${tiny.path}`)).toHaveLength(1);

    expect(ledger.requests, 'requests to hosts other than 127.0.0.1').toEqual([]);
  }, 180_000);
});
