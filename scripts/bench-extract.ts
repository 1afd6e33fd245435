/** Benchmarks lib/extract on every fixture page and the 60,000-word page, in real Chromium (default) or happy-dom (--happy-dom). */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chunkText } from '../lib/tasks/common/chunk';
import { extractPage } from '../lib/page/extract/extract-page';
import type { ExtractResult } from '../lib/page/extract/types';
import {
  documentFromHtml,
  iframeFixtureDocument,
  renderShadowStory,
} from '../lib/page/extract/__tests__/fixture-document';
import { longArticleHtml } from '../tests/fixtures/pages/long-article';
import { bundleForPage, openBenchBrowser, percentile } from './bench-browser';

const PAGES_DIR = fileURLToPath(new URL('../tests/fixtures/pages/', import.meta.url));
const RUNS = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 20);
const USE_HAPPY_DOM = process.argv.includes('--happy-dom');
const CHUNK_BUDGET = 1500;
/** iframe-inner.html is read through iframe-outer.html. */
const PAGES = [
  ...readdirSync(PAGES_DIR).filter((name) => name.endsWith('.html') && name !== 'iframe-inner.html'),
  'long-article.html',
];

interface PageTiming {
  page: string;
  outcome: string;
  chars: number;
  tokens: number;
  chunks: number;
  times: number[];
  chunkTimes: number[];
  /** Whether document.documentElement.outerHTML was identical after all runs. */
  domUnchanged: boolean;
}

/** One extraction + chunking round, run where the document lives (the page in Chromium, or node with happy-dom). */
function measure(extract: () => ExtractResult, chunk: typeof chunkText, budget: number, runs: number) {
  const times: number[] = [];
  const chunkTimes: number[] = [];
  let result: ExtractResult | undefined;
  let chunks = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    result = extract();
    times.push(performance.now() - started);
    if (result.ok) {
      const chunkStarted = performance.now();
      chunks = chunk(result.page.text, budget).length;
      chunkTimes.push(performance.now() - chunkStarted);
    }
  }
  const outcome = !result ? 'none' : result.ok ? result.page.source : result.error.code;
  const text = result?.ok ? result.page.text : '';
  return { outcome, chars: text.length, tokens: result?.ok ? result.page.tokenEstimate : 0, chunks, times, chunkTimes };
}

function pageHtml(name: string): string {
  return name === 'long-article.html' ? longArticleHtml() : readFileSync(`${PAGES_DIR}${name}`, 'utf8');
}

async function benchInChromium(): Promise<{ version: string; timings: PageTiming[] }> {
  const known = (name: string) => name === 'long-article.html' || readdirSync(PAGES_DIR).includes(name);
  const [bundle, bench] = await Promise.all([
    bundleForPage('scripts/bench-extract-api.ts', 'TacitExtract'),
    openBenchBrowser((name) => (known(name) ? pageHtml(name) : null)),
  ]);
  const { page, origin } = bench;
  try {
    const timings: PageTiming[] = [];
    for (const name of PAGES) {
      await page.goto(`${origin}/${name}`, { waitUntil: 'load' });
      await page.addScriptTag({ content: bundle });
      const measured = await page.evaluate(
        ([source, budget, runs]) => {
          const api = (globalThis as unknown as { TacitExtract: typeof import('./bench-extract-api') }).TacitExtract;
          // `measure` is shipped as source so Chromium and happy-dom time exactly the same loop.
          const run = new Function(
            'extract',
            'chunk',
            'budget',
            'runs',
            `return (${source})(() => extract(document), chunk, budget, runs)`,
          );
          const before = document.documentElement.outerHTML;
          const result = run(api.extractPage, api.chunkText, budget, runs) as ReturnType<typeof measure>;
          return { ...result, domUnchanged: document.documentElement.outerHTML === before };
        },
        [measure.toString(), CHUNK_BUDGET, RUNS] as const,
      );
      timings.push({ page: name, ...measured });
    }
    return { version: bench.version, timings };
  } finally {
    await bench.close();
  }
}

function benchInHappyDom(): PageTiming[] {
  return PAGES.map((name) => {
    const load = () => {
      if (name === 'iframe-outer.html') return iframeFixtureDocument();
      const doc = documentFromHtml(pageHtml(name), name);
      if (name === 'shadow-article.html') renderShadowStory(doc);
      return doc;
    };
    const doc = load();
    const before = doc.documentElement.outerHTML;
    const measured = measure(() => extractPage(doc), chunkText, CHUNK_BUDGET, RUNS);
    return { page: name, ...measured, domUnchanged: doc.documentElement.outerHTML === before };
  });
}

function printTable(environment: string, timings: PageTiming[]): void {
  const header = [
    'page',
    'result',
    'chars',
    'tokens~',
    'median ms',
    'p95 ms',
    `chunks@${CHUNK_BUDGET}`,
    'chunk median ms',
    'live DOM',
  ];
  const rows = timings.map((timing) => [
    timing.page,
    timing.outcome,
    String(timing.chars),
    String(timing.tokens),
    percentile(timing.times, 0.5).toFixed(2),
    percentile(timing.times, 0.95).toFixed(2),
    String(timing.chunks),
    timing.chunkTimes.length ? percentile(timing.chunkTimes, 0.5).toFixed(2) : '-',
    timing.domUnchanged ? 'unchanged' : 'CHANGED',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  console.log(`extractPage + chunkText, ${RUNS} runs per page, in ${environment}`);
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

if (USE_HAPPY_DOM) {
  printTable('happy-dom (node)', benchInHappyDom());
} else {
  const { version, timings } = await benchInChromium();
  printTable(`Chromium ${version} (headless, /usr/bin/chromium)`, timings);
}
