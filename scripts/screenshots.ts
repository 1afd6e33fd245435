/**
 * README screenshots of each journey, in light and dark: drives the e2e build (`npx wxt build --mode e2e`, which this
 * script does not run) in headless Chromium with the scripted engine and the local fixtures, and writes PNGs to
 * docs/screenshots/. Run with `npm run screenshots`.
 */
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ScriptedEngineSettings } from '../lib/protocol/messages';
import { CHROMIUM, extensionChromiumArgs, freshProfile } from '../tests/e2e/support/launch';
import { LocalServer } from '../tests/e2e/support/local-server';

const ROOT = resolve(import.meta.dirname, '..');
const EXTENSION = resolve(ROOT, '.output/chrome-mv3-e2e');
const OUT = resolve(ROOT, 'docs/screenshots');
/** About the width of the browser's side panel. */
const PANEL = { width: 380, height: 760 };
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];

const KEY_POINTS = [
  '- The harbour authority awarded the **Zephyrine dredging contract** to a consortium led by Northwick Marine.',
  '- About **410,000 m³ of silt** will be removed over two winters, avoiding the sea bass spawning season.',
  '- Plume monitoring buoys publish readings every hour; work stops if turbidity stays too high for six hours.',
  '- The £23.7 million cost is partly covered by higher berthing fees, which fishing co-operatives call unfair.',
].join('\n');
const FOLLOW_UP = 'Dredging begins in **November** and pauses each March; the monitoring buoys go live in September.';
const REWRITTEN = 'Could you please fix this as soon as possible?';
const DRAFT =
  'Hi Maya,\n\nYes, please confirm the booking for 12–14 June. The microphones are worth the €25.\n\nBest,\nJonas';

async function main(): Promise<void> {
  if (!existsSync(join(EXTENSION, 'manifest.json'))) {
    throw new Error('No e2e build: run `npx wxt build --mode e2e` first.');
  }
  mkdirSync(OUT, { recursive: true });
  const server = new LocalServer(resolve(ROOT, 'tests/fixtures'));
  await server.start();
  const profile = freshProfile();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: extensionChromiumArgs(EXTENSION, { webgpu: true }),
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const webPage = context.pages()[0] ?? (await context.newPage());
    const shoot = new Journeys(context, worker, webPage, server.origin);
    for (const scheme of SCHEMES) {
      await shoot.summaryAndFollowUp(scheme);
      await shoot.rewrite(scheme);
      await shoot.draft(scheme);
      await shoot.options(scheme);
    }
  } finally {
    await context.close();
    await server.stop();
    rmSync(profile, { recursive: true, force: true });
  }
}

class Journeys {
  constructor(
    private readonly context: BrowserContext,
    private readonly worker: Worker,
    private readonly webPage: Page,
    private readonly origin: string,
  ) {}

  async summaryAndFollowUp(scheme: Scheme): Promise<void> {
    await this.engine({ reply: KEY_POINTS });
    await this.webPage.goto(`${this.origin}/pages/news-article.html`);
    const panel = await this.panel(scheme);
    await panel.getByRole('button', { name: 'Summarize this page' }).click();
    await panel.getByRole('button', { name: 'Regenerate' }).waitFor();
    await save(panel, `summary-${scheme}`);

    await this.engine({ reply: FOLLOW_UP });
    await panel.getByLabel('Ask about this page').fill('When does the dredging start?');
    await panel.getByRole('button', { name: 'Send' }).click();
    await panel.getByTestId('answer-card').getByRole('button', { name: 'Copy' }).waitFor();
    await save(panel, `follow-up-${scheme}`);
    await panel.close();
  }

  async rewrite(scheme: Scheme): Promise<void> {
    await this.engine({ reply: REWRITTEN });
    await this.webPage.goto(`${this.origin}/editing/textarea.html`);
    const panel = await this.panel(scheme);
    await this.webPage.evaluate(() => {
      const field = document.querySelector<HTMLTextAreaElement>('#message')!;
      const start = field.value.indexOf('pls fix asap');
      field.focus();
      field.setSelectionRange(start, start + 'pls fix asap'.length);
    });
    const tab = await this.worker.evaluate(async (url) => {
      const [found] = await chrome.tabs.query({ url });
      return found!;
    }, this.webPage.url());
    await this.worker.evaluate(
      ([info, clickedTab]) =>
        (
          globalThis as unknown as { tacitTriggers: { onMenuClicked(info: unknown, tab: unknown): void } }
        ).tacitTriggers.onMenuClicked(info, clickedTab),
      [
        {
          menuItemId: 'tacit-rewrite-formal',
          parentMenuItemId: 'tacit-rewrite',
          editable: true,
          selectionText: 'pls fix asap',
          frameId: 0,
          pageUrl: this.webPage.url(),
        },
        tab,
      ] as const,
    );
    await panel.getByRole('button', { name: 'Replace' }).click();
    await panel.getByTestId('rewrite-applied').waitFor();
    await save(panel, `rewrite-${scheme}`);
    await panel.close();
  }

  async draft(scheme: Scheme): Promise<void> {
    await this.engine({ reply: DRAFT });
    await this.webPage.goto(`${this.origin}/webmail/gmail-thread.html`);
    const panel = await this.panel(scheme);
    await panel.getByRole('tab', { name: 'Reply to email' }).click();
    await panel.getByLabel('What do you want to say?').fill('yes, book it, and the microphones are worth it');
    await panel.getByRole('button', { name: 'Draft reply' }).click();
    await panel.getByRole('button', { name: 'Insert into reply' }).waitFor();
    await save(panel, `draft-${scheme}`);
    await panel.close();
  }

  async options(scheme: Scheme): Promise<void> {
    const page = await this.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    const extensionId = new URL(this.worker.url()).host;
    for (const [name, width] of [
      ['options', 900],
      ['options-narrow', 360],
    ] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      await page.locator('[data-task-model]').first().waitFor();
      await page.getByTestId('download-status').first().waitFor();
      await save(page, `${name}-${scheme}`);
    }
    await page.close();
  }

  /** The scripted engine, fast, with a GPU budget that fits the default models. */
  private async engine(settings: ScriptedEngineSettings): Promise<void> {
    await this.worker.evaluate(
      (value) => chrome.storage.local.set({ 'test:scriptedEngine': value, gpuBudgetMB: 16_384 }),
      { tokenDelayMs: 2, ...settings },
    );
  }

  /** The panel in a window of its own, working on the web page's window, at the side panel's width. */
  private async panel(scheme: Scheme): Promise<Page> {
    await this.webPage.bringToFront();
    const opened = this.context.waitForEvent('page');
    await this.worker.evaluate(() => chrome.windows.create({ url: 'sidepanel.html', type: 'popup', focused: false }));
    const panel = await opened;
    await panel.setViewportSize(PANEL);
    await panel.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await panel.waitForLoadState();
    await panel.getByTestId('gpu-status').filter({ hasText: 'WebGPU' }).waitFor();
    return panel;
  }
}

async function save(page: Page, name: string): Promise<void> {
  // Let transitions and the last token settle; from the top, so that the sticky header stays at the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true, animations: 'disabled' });
  console.log(`docs/screenshots/${name}.png`);
}

await main();
