/**
 * The Firefox edition in real Firefox (Debian's firefox-esr over WebDriver BiDi): its background page hosts llama.cpp
 * in WebAssembly, and tasks run on tiny generated GGUF models served from 127.0.0.1, in a panel opened as a window and
 * in Firefox's own sidebar. Firefox's proxy is the egress ledger: no request may go to any other host. Run after
 * `npm run build:all` (it uses the test build, .output/firefox-mv2-e2e, which may read pages on 127.0.0.1).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EgressLedger } from '../e2e/support/egress-ledger';
import { LocalServer } from '../e2e/support/local-server';
import { recordStatusLines } from '../e2e/support/status-lines';
import { serveTinyModel, type ServedGguf } from '../e2e/support/tiny-model';
import {
  ADDON_ID,
  clickInSidebar,
  closeSidebarByClick,
  newPage,
  openExtensionPage,
  readSidebar,
  sidebarIsOpen,
  tabOf,
  text,
  triggerByClick,
  waitForSidebar,
  type WebExtensions,
} from './support/firefox';

const FIREFOX = process.env.TACIT_FIREFOX ?? '/usr/bin/firefox-esr';
const BUILD = resolve(import.meta.dirname, '../../.output/firefox-mv2-e2e');
const ADDON_UUID = '3b1f5c2e-0000-4000-8000-00000000ac18';
const EXTENSION = `moz-extension://${ADDON_UUID}`;

const ARTICLE = `<!doctype html><html lang="en"><head><title>Library plan approved</title></head><body><main><article>
<h1>Library plan approved</h1>
<p>The city council approved the new library on Tuesday. Many people came to the meeting and said what they think
about the plan. The mayor said the building will open next year, and that a report on the cost will follow.</p>
</article></main></body></html>`;

/** Waits until the button with that text is there and enabled. */
async function buttonEnabled(page: Page, label: string, timeout = 90_000): Promise<void> {
  await page.waitForFunction(
    (wanted) => {
      const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent === wanted);
      return button !== undefined && !button.disabled;
    },
    { timeout },
    label,
  );
}

/** Whether the background registered its own trigger handler on that browser event (the one the test calls). */
function backgroundListens(
  driver: Page,
  api: 'contextMenus' | 'browserAction' | 'commands',
  handler: 'onMenuClicked' | 'onActionClicked' | 'onCommand',
): Promise<boolean> {
  return driver.evaluate(
    async (apiName, handlerName) => {
      const extension = (globalThis as unknown as WebExtensions).browser;
      type Event = { hasListener(listener: unknown): boolean };
      const background = (await (
        extension.runtime as unknown as { getBackgroundPage(): Promise<Window> }
      ).getBackgroundPage()) as unknown as {
        browser: Record<string, Record<string, Event>>;
        tacitTriggers: Record<string, unknown>;
      };
      const event = apiName === 'commands' ? 'onCommand' : 'onClicked';
      return background.browser[apiName]![event]!.hasListener(background.tacitTriggers[handlerName]);
    },
    api,
    handler,
  );
}

// One more try for a failed test, as in Playwright's config: the tiny random model's replies vary in length.
describe('Firefox edition with the CPU engine', { retry: 1 }, () => {
  let browser: Browser;
  const ledger = new EgressLedger();
  const files = new LocalServer(resolve(import.meta.dirname, '../fixtures'));
  let tiny: ServedGguf;
  let endless: ServedGguf;
  /** The page the tasks are about, in the first window's first tab. */
  let webPage: Page;
  /** The panel, opened as a window of its own ("detached"), as Chromium's e2e tests open theirs. */
  let panel: Page;

  beforeAll(async () => {
    if (!existsSync(BUILD)) throw new Error(`${BUILD} is missing: run "npm run build:all" first`);
    const proxy = new URL(await ledger.start());
    await files.start();
    tiny = serveTinyModel(files, 'Tiny-Firefox-GGUF', true);
    endless = serveTinyModel(files, 'Tiny-Endless-GGUF', false);
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
    webPage = (await browser.pages())[0] ?? (await browser.newPage());
    await webPage.goto(files.serve('/generated/library.html', ARTICLE));

    // Settings and the detached panel come from an extension page, which then closes: the web page is the active tab.
    const setup = await openExtensionPage(browser, `${EXTENSION}/options.html`, 'main');
    await setup.evaluate(
      (records) =>
        (globalThis as unknown as WebExtensions).browser.storage.local.set({
          customModels: records,
          taskModels: {
            summarize: records[0]!.model_id,
            draft: records[0]!.model_id,
            rewrite: records[0]!.model_id,
            chat: records[1]!.model_id,
          },
        }),
      [tiny.record, endless.record],
    );
    const before = new Set(await browser.pages());
    await setup.evaluate(() =>
      (globalThis as unknown as WebExtensions).browser.windows.create({
        url: 'sidepanel.html',
        type: 'popup',
        focused: false,
      }),
    );
    panel = await newPage(browser, before);
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
    const statusLines = await recordStatusLines(panel);
    await (await panel.waitForSelector('::-p-text(Summarize this page)'))!.click();
    await panel.waitForSelector('::-p-text(Regenerate)', { timeout: 90_000 });
    await buttonEnabled(panel, 'Regenerate');
    // The tiny model's words are random: now and then its first token ends the reply. Such an empty summary is
    // regenerated once (the model is loaded by then); two in a row would be a fault.
    if ((await text(panel, '[data-testid="summary"]')).trim().length === 0) {
      await (await panel.waitForSelector('::-p-text(Regenerate)'))!.click();
      await panel.waitForFunction(
        () => (document.querySelector('[data-testid="summary"]')?.textContent ?? '').trim().length > 0,
        { timeout: 90_000 },
      );
      await buttonEnabled(panel, 'Regenerate');
    }
    expect((await text(panel, '[data-testid="summary"]')).trim().length).toBeGreaterThan(0);
    const lines = await statusLines();
    expect(lines.some((line) => /^Loading Tiny-Firefox-GGUF: \d+% \(.+ of .+\)/.test(line))).toBe(true);
    expect(lines.some((line) => line.startsWith('Writing on the CPU with Tiny-Firefox-GGUF'))).toBe(true);
    expect(files.log.filter((entry) => entry === `GET ${tiny.path}`)).toHaveLength(1);

    // A reply draft from a Gmail conversation, on the model already loaded.
    await webPage.goto(`${files.origin}/webmail/gmail-thread.html`);
    await (await panel.waitForSelector('::-p-text(Reply to email)'))!.click();
    await panel.type('#draft-intent', 'yes, book it');
    await (await panel.waitForSelector('::-p-text(Draft reply)'))!.click();
    await buttonEnabled(panel, 'Insert into reply');
    expect((await text(panel, '[data-testid="draft-text"]')).trim().length).toBeGreaterThan(0);
    expect(await text(panel, '[data-testid="draft-source"]')).toContain('Gmail · 3 messages read');
    expect(files.log.filter((entry) => entry === `GET ${tiny.path}`)).toHaveLength(1);

    expect(ledger.requests, 'requests to hosts other than 127.0.0.1').toEqual([]);
  }, 180_000);

  it('Stop ends a reply at once and keeps its text; the models unload at idle and load again from the store offline', async () => {
    const setup = await openExtensionPage(browser, `${EXTENSION}/options.html`, 'main');
    await setup.evaluate(() =>
      (globalThis as unknown as WebExtensions).browser.storage.local.set({ engineIdleMs: 3000 }),
    );
    await setup.close();
    await webPage.goto(files.serve('/generated/library.html', ARTICLE));
    await (await panel.waitForSelector('::-p-text(This page)'))!.click();
    // With a summary on screen a question would be about it: dismissed, the question is a free one (the chat model's).
    await panel.$eval('[data-testid="summary"]', (summary) =>
      summary.closest('article')!.querySelector<HTMLButtonElement>('[data-testid="dismiss"]')!.click(),
    );

    // Stop: a reply that would run to its token limit ends within 200 ms and writes nothing more.
    await panel.type('#ask-input', 'Tell me everything about the library');
    await (await panel.waitForSelector('::-p-text(Send)'))!.click();
    await panel.waitForFunction(
      () => (document.querySelector('[data-testid="ask-answer"]')?.textContent?.length ?? 0) > 20,
      { timeout: 60_000 },
    );
    const elapsed = await panel.evaluate(
      () =>
        new Promise<number>((done) => {
          const started = performance.now();
          new MutationObserver((_, observer) => {
            if (!document.querySelector('[data-testid="ask-answer-stopped"]')) return;
            observer.disconnect();
            done(performance.now() - started);
          }).observe(document.body, { childList: true, subtree: true });
          Array.from(document.querySelectorAll('button'))
            .find((b) => b.textContent === 'Stop')!
            .click();
        }),
    );
    expect(elapsed).toBeLessThan(200);
    const textAtStop = await text(panel, '[data-testid="ask-answer"]');
    expect(textAtStop.length).toBeGreaterThan(20);
    await new Promise((done) => setTimeout(done, 500));
    expect(await text(panel, '[data-testid="ask-answer"]')).toBe(textAtStop);
    expect(files.log.filter((entry) => entry === `GET ${endless.path}`)).toHaveLength(1);

    // Idle: after 3 s without a task the background page unloads both models and tells the panel.
    await panel.waitForFunction(
      () => document.querySelector('[data-testid="engine-status"]')?.textContent?.startsWith('Models loaded'),
      { timeout: 15_000 },
    );
    await panel.waitForFunction(
      () => document.querySelector('[data-testid="engine-status"]')?.textContent === 'Engine running, no model loaded',
      { timeout: 15_000 },
    );

    // Offline: the stored model loads again without a single request, here or anywhere.
    const requestsBefore = files.log.length;
    const statusLines = await recordStatusLines(panel);
    await (await panel.waitForSelector('::-p-text(Summarize this page)'))!.click();
    await panel.waitForSelector('::-p-text(Regenerate)', { timeout: 60_000 });
    await buttonEnabled(panel, 'Regenerate', 60_000);
    expect((await text(panel, '[data-testid="summary"]')).trim().length).toBeGreaterThan(0);
    expect(await statusLines()).toContainEqual(expect.stringMatching(/^Loading Tiny-Firefox-GGUF/));
    expect(files.log.slice(requestsBefore)).toEqual([]);
    expect(ledger.requests, 'requests to hosts other than 127.0.0.1').toEqual([]);
    await panel.close();
  }, 120_000);

  it("Rewrite from the context menu opens Firefox's sidebar in the page's window, and Replace puts the result into the field", async () => {
    await webPage.goto(`${files.origin}/editing/textarea.html`);
    const driver = await openExtensionPage(browser, `${EXTENSION}/options.html`, 'main');
    // Firefox shows the menu Tacit registered, and its clicks go to the handler this test calls.
    for (const id of ['tacit-rewrite', 'tacit-rewrite-formal', 'tacit-summarize-selection', 'tacit-draft-reply']) {
      const known = await driver.evaluate(
        (itemId) =>
          (globalThis as unknown as WebExtensions).browser.contextMenus.update(itemId, {}).then(
            () => true,
            () => false,
          ),
        id,
      );
      expect(known, id).toBe(true);
    }
    expect(await backgroundListens(driver, 'contextMenus', 'onMenuClicked')).toBe(true);

    const tab = await tabOf(driver, webPage.url());
    expect(
      await driver.evaluate(
        async () => (await (globalThis as unknown as WebExtensions).browser.windows.getCurrent()).id,
      ),
    ).toBe(tab.windowId);
    // Firefox opened Tacit's sidebar when Tacit was installed; closed now, so that the menu's click has to open it.
    await closeSidebarByClick(driver);
    expect(await sidebarIsOpen(driver, tab.windowId)).toBe(false);
    await webPage.evaluate(() => {
      const field = document.querySelector<HTMLTextAreaElement>('#message')!;
      const start = field.value.indexOf('pls fix asap');
      field.focus();
      field.setSelectionRange(start, start + 'pls fix asap'.length);
    });
    await triggerByClick(
      driver,
      'onMenuClicked',
      {
        menuItemId: 'tacit-rewrite-formal',
        parentMenuItemId: 'tacit-rewrite',
        editable: true,
        selectionText: 'pls fix asap',
        frameId: 0,
        pageUrl: webPage.url(),
      },
      tab,
    );
    await webPage.bringToFront();
    expect(await sidebarIsOpen(driver, tab.windowId)).toBe(true);

    // The sidebar is docked in that window: the rewrite arrives there and streams in.
    await waitForSidebar(driver, { testId: 'rewrite-original' }, (original) => original.text === 'pls fix asap');
    await waitForSidebar(driver, { button: 'Replace' }, (replace) => !replace.disabled, 60_000);
    const rewritten = (await readSidebar(driver, { testId: 'rewrite-result' }))!.text.trim();
    expect(rewritten.length).toBeGreaterThan(0);
    await clickInSidebar(driver, { button: 'Replace' });
    await waitForSidebar(driver, { testId: 'rewrite-applied' }, (applied) => applied.text.startsWith('Replaced.'));
    const field = await text(webPage, '#message');
    expect(field).toContain(rewritten);
    expect(field).not.toContain('pls fix asap');
    expect(ledger.requests, 'requests to hosts other than 127.0.0.1').toEqual([]);
    await driver.close();
  }, 90_000);

  it('the toolbar button opens the sidebar, which summarizes the page, as its own button does; the rewrite shortcut opens it to rewrite', async () => {
    await webPage.goto(files.serve('/generated/library.html', ARTICLE));
    const driver = await openExtensionPage(browser, `${EXTENSION}/options.html`, 'main');
    expect(await backgroundListens(driver, 'browserAction', 'onActionClicked')).toBe(true);
    expect(await backgroundListens(driver, 'commands', 'onCommand')).toBe(true);
    const tab = await tabOf(driver, webPage.url());
    await closeSidebarByClick(driver);
    expect(await sidebarIsOpen(driver, tab.windowId)).toBe(false);

    await triggerByClick(driver, 'onActionClicked', tab);
    await webPage.bringToFront();
    expect(await sidebarIsOpen(driver, tab.windowId)).toBe(true);
    await waitForSidebar(driver, { button: 'Regenerate' }, (regenerate) => !regenerate.disabled, 60_000);
    expect((await readSidebar(driver, { testId: 'summary' }))!.text.trim().length).toBeGreaterThan(0);

    // The sidebar's own button summarizes the tab in front in its window.
    await webPage.goto(
      files.serve('/generated/council.html', ARTICLE.replaceAll('Library plan approved', 'Budget passed')),
    );
    await clickInSidebar(driver, { button: 'Summarize this page' });
    await waitForSidebar(
      driver,
      { testId: 'summary-source' },
      (source) => source.text.includes('Budget passed'),
      60_000,
    );
    await waitForSidebar(driver, { button: 'Regenerate' }, (regenerate) => !regenerate.disabled, 60_000);

    // The rewrite shortcut opens the sidebar too, and rewrites in the style used last (read after the sidebar opens).
    await webPage.goto(`${files.origin}/editing/textarea.html`);
    await webPage.evaluate(() => {
      const field = document.querySelector<HTMLTextAreaElement>('#message')!;
      field.focus();
      field.setSelectionRange(field.value.indexOf('Thanks'), field.value.length);
    });
    await closeSidebarByClick(driver);
    expect(await sidebarIsOpen(driver, tab.windowId)).toBe(false);
    await triggerByClick(driver, 'onCommand', 'rewrite-selection', { ...tab, url: webPage.url() });
    await webPage.bringToFront();
    expect(await sidebarIsOpen(driver, tab.windowId)).toBe(true);
    await waitForSidebar(driver, { testId: 'rewrite-original' }, (original) => original.text === 'Thanks');
    await waitForSidebar(driver, { button: 'Replace' }, (replace) => !replace.disabled, 60_000);
    expect(ledger.requests, 'requests to hosts other than 127.0.0.1').toEqual([]);
    await driver.close();
  }, 90_000);
});
