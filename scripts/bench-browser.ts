/** What the Chromium benchmarks share: a lib module bundled for the page, fixtures on 127.0.0.1, a page that reaches nothing else. */
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'esbuild';

/**
 * Bundles an entry (a path relative to the repository root, or absolute) as a script that defines `globalName`,
 * minified as the production build is when `minify` says so.
 */
export async function bundleForPage(entry: string, globalName: string, { minify = false } = {}): Promise<string> {
  const result = await build({
    entryPoints: [entry.startsWith('/') ? entry : fileURLToPath(new URL(`../${entry}`, import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName,
    platform: 'browser',
    target: 'chrome120',
    minify,
    write: false,
  });
  return result.outputFiles[0]!.text;
}

export interface BenchBrowser {
  page: Page;
  origin: string;
  version: string;
  close(): Promise<void>;
}

/** Serves `pageHtml(name)` for known names (null: 404) and opens Debian's Chromium on a page locked to that server. */
export async function openBenchBrowser(
  pageHtml: (name: string) => string | Buffer | null,
  { javaScriptEnabled = true }: { javaScriptEnabled?: boolean } = {},
): Promise<BenchBrowser> {
  const server = createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname.slice(1));
    const body = name.endsWith('.html') ? pageHtml(name) : null;
    if (body === null) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser: Browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({ javaScriptEnabled });
  // Nothing but the local fixture server may be reached.
  await context.route('**/*', (route) =>
    route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort(),
  );
  return {
    page: await context.newPage(),
    origin,
    version: browser.version(),
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}

export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}
