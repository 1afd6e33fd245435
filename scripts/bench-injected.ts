/**
 * Times page reading as the extension does it: the production build loaded into Debian's Chromium (with a 127.0.0.1
 * host grant added to a copy of its manifest), the page script injected by chrome.scripting from the service worker.
 * Cold is the first read in a fresh tab; warm is a later read in the same tab.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { isPageScriptFile } from '../lib/platform/ascii-script';
import { bundleForPage, percentile } from './bench-browser';

const ROOT = resolve(import.meta.dirname, '..');
const OUTPUT = join(ROOT, '.output/chrome-mv3');

/**
 * How the background reads a page (lib/background/tab-scripts/call-agent.ts): on first use the reader's script and its
 * first-call script in one injection, then a call of the installed agent.
 */
const READ_PAGE = {
  file: '/page-reader.js',
  firstCall: '/reader-read-page.js',
  global: 'tacitAgents',
  agent: 'reader',
  method: 'readPage',
};
/** An empty script: its first injection in a fresh tab is what Chrome itself costs (the isolated world, a round trip). */
const FLOOR_FILE = 'bench-floor.js';
/** Plain Readability's first read, bundled and minified: the baseline beside a cold read. */
const READABILITY_FILE = 'bench-readability.js';
/**
 * Cold reads (and floors) per page, each in a fresh tab; a page's figure is their median. One first injection is a
 * single sample of a shared machine: the floor alone, an empty script, had a p95 of 22-29 ms over single samples.
 */
export const COLD_RUNS = 3;

export interface InjectedTiming {
  /**
   * The median of the page's cold reads (`coldRunsMs`), each in a fresh tab that has drawn its first frame, as the page
   * a user clicks on has: the browser's own first style and layout of the page are not counted.
   */
  coldMs: number;
  coldRunsMs: number[];
  /** The first injection of an empty script in another fresh tab of the same page, also drawn: the floor under coldMs. */
  floorMs: number;
  /** The same, injected as soon as the page's load event has fired, before its first frame (the first layout counted). */
  coldAtLoadMs: number;
  floorAtLoadMs: number;
  /** Plain Readability's first read in another fresh, drawn tab of the same page (the median of as many). */
  readabilityColdMs: number;
  warmMs: number[];
  chars: number;
}

export interface InjectedRun {
  timings: Map<string, InjectedTiming>;
  huge: { ms: number; text: string };
  /**
   * A page of text lines broken by `<br>` (lib/page's writers once read it in time that grew with the square of its
   * lines): its first read, and a read of all of it selected. The page is laid out first, as a page the user is
   * looking at is, so the browser's own first layout of it is not counted.
   */
  lineBroken: { bytes: number; readMs: number; readChars: number; selectionMs: number; selectionChars: number };
  /** gzip -9 size of every script the extension injects into pages (every top-level script but the service worker). */
  injectedGzipBytes: number;
  /** gzip -9 size of what a page read injects (the reader script and its first-call script). */
  readGzipBytes: number;
  injectedFiles: Record<string, { bytes: number; gzipBytes: number }>;
}

export function buildProduction(): void {
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
}

function injectedScripts(): Record<string, { bytes: number; gzipBytes: number }> {
  const files: Record<string, { bytes: number; gzipBytes: number }> = {};
  for (const name of readdirSync(OUTPUT)) {
    if (!isPageScriptFile(name)) continue;
    const source = readFileSync(join(OUTPUT, name));
    files[name] = { bytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length };
  }
  return files;
}

export async function benchInjected(
  pages: ReadonlyArray<{ name: string; html: string }>,
  huge: string,
  lineBroken: string,
  warmRuns: number,
): Promise<InjectedRun> {
  const extension = mkdtempSync(join(tmpdir(), 'tacit-bench-ext-'));
  cpSync(OUTPUT, extension, { recursive: true });
  const manifestPath = join(extension, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, host_permissions: ['http://127.0.0.1/*'] }));
  writeFileSync(join(extension, FLOOR_FILE), 'true;\n');
  writeFileSync(
    join(extension, READABILITY_FILE),
    await bundleForPage('scripts/bench-readability-first-read.ts', 'TacitBenchReadability', { minify: true }),
  );

  const byName = new Map(pages.map((page) => [page.name, page.html]));
  byName.set('huge-page.html', huge);
  byName.set('line-broken-page.html', lineBroken);
  const server = createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname.slice(1));
    const body = byName.get(name);
    if (body === undefined) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const profile = mkdtempSync(join(tmpdir(), 'tacit-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  await context.route('**/*', (route) =>
    route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort(),
  );
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // tsx names the functions below with a helper the service worker does not have.
    await worker.evaluate('globalThis.__name = (fn) => fn');
    /** Calls a method of the tab's installed reader; its time in the service worker and its value (none: no reader). */
    const callReader = (url: string, method: string) =>
      worker.evaluate(
        async ({ url, method, how }) => {
          const [tab] = await chrome.tabs.query({ url });
          const started = performance.now();
          const [injection] = await chrome.scripting.executeScript({
            target: { tabId: tab!.id! },
            func: (global: string, agent: string, name: string) =>
              (globalThis as unknown as Record<string, Record<string, Record<string, () => unknown>> | undefined>)[
                global
              ]?.[agent]?.[name]?.(),
            args: [how.global, how.agent, method],
          });
          return { ms: performance.now() - started, value: injection?.result };
        },
        { url, method, how: READ_PAGE },
      );
    /** Installs the reader in the tab and reads at once, as a first use does. */
    const installAndRead = (url: string) =>
      worker.evaluate(
        async ({ url, how }) => {
          const [tab] = await chrome.tabs.query({ url });
          const started = performance.now();
          const [injection] = await chrome.scripting.executeScript({
            target: { tabId: tab!.id! },
            files: [how.file, how.firstCall],
          });
          return { ms: performance.now() - started, value: injection?.result };
        },
        { url, how: READ_PAGE },
      );
    /** Reads the page in the tab at `url` `times` times; returns each read's time in the service worker and the last text. */
    const read = async (url: string, times: number) => {
      const durations: number[] = [];
      let text = '';
      for (let run = 0; run < times; run++) {
        // A first use installs the agents and reads at once, later ones call them (installing again if they are gone).
        const called = run === 0 ? undefined : await callReader(url, READ_PAGE.method);
        const installed = called?.value == null ? await installAndRead(url) : undefined;
        durations.push((called?.ms ?? 0) + (installed?.ms ?? 0));
        const result = (installed ?? called)?.value as { ok: boolean; page?: { text: string } } | undefined;
        text = result?.ok && result.page ? result.page.text : '';
      }
      return { durations, text };
    };

    /** The first injection of `file` (an empty script, or plain Readability's read) into the tab at `url`. */
    const injectFirst = (url: string, file: string) =>
      worker.evaluate(
        async ({ url, file }) => {
          const [tab] = await chrome.tabs.query({ url });
          const started = performance.now();
          await chrome.scripting.executeScript({ target: { tabId: tab!.id! }, files: [file] });
          return performance.now() - started;
        },
        { url, file: `/${file}` },
      );
    /** A fresh tab at `url`, after its load event, or once it has also drawn a frame (`drawn`). */
    const openTab = async (url: string, drawn: boolean) => {
      const tab = await context.newPage();
      await tab.goto(url, { waitUntil: 'load' });
      // The frame after the next one: by then the page has been styled, laid out and painted at least once.
      if (drawn)
        await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      return tab;
    };

    /** Reads the line-broken page once laid out, then all of it selected (the reader is installed by then). */
    const readLineBroken = async (url: string) => {
      const tab = await context.newPage();
      await tab.goto(url, { waitUntil: 'load', timeout: 600_000 });
      await tab.evaluate(() => document.body.getBoundingClientRect());
      const { durations, text } = await read(url, 1);
      await tab.evaluate(() => getSelection()?.selectAllChildren(document.body));
      const selection = await callReader(url, 'readSelection');
      const selected = selection.value as { ok: boolean; text?: string } | undefined;
      await tab.close();
      return {
        readMs: durations[0]!,
        readChars: text.length,
        selectionMs: selection.ms,
        selectionChars: selected?.ok ? (selected.text ?? '').length : 0,
      };
    };

    const timings = new Map<string, InjectedTiming>();
    for (const { name } of pages) {
      const url = `${origin}/${name}`;
      const floors = { drawn: [] as number[], atLoad: [] as number[] };
      const colds = { drawn: [] as number[], atLoad: [] as number[] };
      const readabilityColds: number[] = [];
      let warmMs: number[] = [];
      let chars = 0;
      for (let run = 0; run < COLD_RUNS; run++) {
        // Interleaved, so that a slow spell of the shared machine falls on both.
        for (const drawn of [true, false]) {
          const bare = await openTab(url, drawn);
          (drawn ? floors.drawn : floors.atLoad).push(await injectFirst(url, FLOOR_FILE));
          await bare.close();
          if (drawn) {
            const baseline = await openTab(url, true);
            readabilityColds.push(await injectFirst(url, READABILITY_FILE));
            await baseline.close();
          }
          const tab = await openTab(url, drawn);
          // Warm reads follow the first cold one, in its tab.
          const warm = drawn && run === 0;
          const { durations, text } = await read(url, warm ? 1 + warmRuns : 1);
          (drawn ? colds.drawn : colds.atLoad).push(durations[0]!);
          if (warm) [warmMs, chars] = [durations.slice(1), text.length];
          await tab.close();
        }
      }
      timings.set(name, {
        coldMs: percentile(colds.drawn, 0.5),
        coldRunsMs: colds.drawn,
        floorMs: percentile(floors.drawn, 0.5),
        coldAtLoadMs: percentile(colds.atLoad, 0.5),
        floorAtLoadMs: percentile(floors.atLoad, 0.5),
        readabilityColdMs: percentile(readabilityColds, 0.5),
        warmMs,
        chars,
      });
    }
    const tab = await context.newPage();
    await tab.goto(`${origin}/huge-page.html`, { waitUntil: 'load', timeout: 600_000 });
    const { durations, text } = await read(`${origin}/huge-page.html`, 1);
    const lineBrokenRun = await readLineBroken(`${origin}/line-broken-page.html`);
    const injectedFiles = injectedScripts();
    const injectedGzipBytes = Object.values(injectedFiles).reduce((sum, file) => sum + file.gzipBytes, 0);
    const readGzipBytes = [READ_PAGE.file, READ_PAGE.firstCall].reduce(
      (sum, file) => sum + (injectedFiles[file.slice(1)]?.gzipBytes ?? 0),
      0,
    );
    return {
      timings,
      huge: { ms: durations[0]!, text },
      lineBroken: { bytes: Buffer.byteLength(lineBroken), ...lineBrokenRun },
      injectedGzipBytes,
      readGzipBytes,
      injectedFiles,
    };
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(extension, { recursive: true, force: true });
  }
}
