/**
 * Benchmarks page reading against plain Readability in the same run, in Debian's Chromium (headless, nothing reachable
 * but 127.0.0.1): quality on the evaluation set (tests/fixtures/extraction, shingle F1), warm time per page (in the
 * page, interleaved with Readability), cold and warm time as injected by the production build, the 200,000-element
 * page to the first engine request, and the size of the injected code. Writes bench-results/extraction.json.
 * Flags: --runs=N (warm runs per page, default 10), --no-build (reuse .output/chrome-mv3), --pages-dir=DIR (also time
 * every .html file in DIR, e.g. saved real pages, summed up apart from the standard set), --public-corpus=DIR or
 * TACIT_PUBLIC_CORPUS=DIR (also score a public corpus kept outside the repository: scripts/bench-public-corpus.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chunkText } from '../lib/tasks/common/chunk';
import { countModelTokens } from '../lib/tasks/common/model-tokens';
import { buildChunkSummaryPrompt } from '../lib/tasks/summarize/map-reduce';
import { planSummary } from '../lib/tasks/summarize/plan';
import { hugePageHtml } from '../tests/fixtures/pages/huge-page';
import { lineBrokenPageHtml } from '../tests/fixtures/pages/line-broken-page';
import { bundleForPage, openBenchBrowser, percentile } from './bench-browser';
import { benchInjected, buildProduction, COLD_RUNS } from './bench-injected';
import { benchPages, servedPages, type BenchPage } from './bench-pages';
import { benchPublicCorpus, printPublicCorpus } from './bench-public-corpus';
import { scoreCorpus, scorePage, type PageScore } from '../tests/fixtures/extraction/shingle-score';

const RESULTS = fileURLToPath(new URL('../bench-results/', import.meta.url));
const RUNS = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 10);
const EXTRA_DIR = process.argv.find((arg) => arg.startsWith('--pages-dir='))?.slice(12);
const PUBLIC_CORPUS =
  process.argv.find((arg) => arg.startsWith('--public-corpus='))?.slice(16) ?? process.env.TACIT_PUBLIC_CORPUS;
/** What the summary of a long page plans with: a 4,096-token model (lib/tasks/summarize/pipeline.ts). */
const CONTEXT_WINDOW = 4096;
const PROMPT_RESERVE_TOKENS = 600;
const OUTPUT_RESERVE_TOKENS = 400;

interface InPage {
  outcome: string;
  text: string;
  readabilityText: string;
  times: number[];
  readabilityTimes: number[];
  domUnchanged: boolean;
}

/** Quality and warm time in the page, Tacit and Readability interleaved run by run. */
async function benchInPage(pages: BenchPage[]): Promise<{ version: string; results: Map<string, InPage> }> {
  const served = servedPages(pages);
  const [bundle, bench] = await Promise.all([
    bundleForPage('scripts/bench-extract-api.ts', 'TacitBench'),
    openBenchBrowser((name) => served.get(name) ?? null),
  ]);
  const results = new Map<string, InPage>();
  try {
    for (const { name } of pages) {
      await bench.page.goto(`${bench.origin}/${name}`, { waitUntil: 'load' });
      await bench.page.addScriptTag({ content: bundle });
      const measured = await bench.page.evaluate((runs) => {
        const api = (globalThis as unknown as { TacitBench: typeof import('./bench-extract-api') }).TacitBench;
        const before = document.documentElement.outerHTML;
        const times: number[] = [];
        const readabilityTimes: number[] = [];
        let result = api.extractPage(document);
        let readabilityText = '';
        for (let run = 0; run < runs; run++) {
          let started = performance.now();
          result = api.extractPage(document);
          times.push(performance.now() - started);
          started = performance.now();
          readabilityText = api.readabilityText(document);
          readabilityTimes.push(performance.now() - started);
        }
        return {
          outcome: result.ok ? result.page.source : result.error.code,
          text: result.ok ? result.page.text : '',
          readabilityText,
          times,
          readabilityTimes,
          domUnchanged: document.documentElement.outerHTML === before,
        };
      }, RUNS);
      results.set(name, measured);
    }
    return { version: bench.version, results };
  } finally {
    await bench.close();
  }
}

/** From the page's text to the first request the summary sends the engine (the plan, the parts, the first prompt). */
function firstEngineRequestMs(text: string): number {
  const started = performance.now();
  const plan = planSummary(countModelTokens(text), CONTEXT_WINDOW, PROMPT_RESERVE_TOKENS, OUTPUT_RESERVE_TOKENS);
  if (plan.mode === 'map-reduce') {
    const chunks = chunkText(text, plan.chunkBudgetTokens, countModelTokens);
    buildChunkSummaryPrompt(chunks[0]!.text, 0, chunks.length, {
      length: 'medium',
      outputLanguage: { code: 'en', name: 'English' },
    });
  }
  return performance.now() - started;
}

const median = (values: number[]) => percentile(values, 0.5);
const ms = (value: number) => value.toFixed(1);

const pages = benchPages(EXTRA_DIR);
if (!process.argv.includes('--no-build')) buildProduction();
const { version, results } = await benchInPage(pages);
const injected = await benchInjected(pages, hugePageHtml(), lineBrokenPageHtml(), 3);

const scored = pages.filter((page) => page.expected !== undefined);
const ours: PageScore[] = [];
const readability: PageScore[] = [];
const rows: string[][] = [];
for (const page of pages) {
  const result = results.get(page.name)!;
  const timing = injected.timings.get(page.name)!;
  const score = page.expected === undefined ? undefined : scorePage(page.expected, result.text);
  const baseline = page.expected === undefined ? undefined : scorePage(page.expected, result.readabilityText);
  if (score && baseline) {
    ours.push(score);
    readability.push(baseline);
  }
  rows.push([
    page.name,
    result.outcome,
    String(result.text.length),
    score ? score.f1.toFixed(3) : '-',
    baseline ? baseline.f1.toFixed(3) : '-',
    ms(median(result.times)),
    ms(median(result.readabilityTimes)),
    ms(timing.coldMs),
    ms(median(timing.warmMs)),
    result.domUnchanged ? 'unchanged' : 'CHANGED',
  ]);
}

const header = [
  'page',
  'result',
  'chars',
  'F1',
  'Readability F1',
  'warm ms',
  'Readability ms',
  'cold ms',
  'warm injected ms',
  'live DOM',
];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
const line = (cells: string[]) =>
  `| ${cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
console.log(`Page reading beside plain Readability, ${RUNS} warm runs per page, Chromium ${version} (headless)`);
console.log(line(header));
console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));

const quality = scoreCorpus(ours);
const baselineQuality = scoreCorpus(readability);
const standard = pages.filter((page) => !page.extra);
const extra = pages.filter((page) => page.extra);
const warmOf = (set: BenchPage[]) => set.map((page) => median(results.get(page.name)!.times));
const warmReadabilityOf = (set: BenchPage[]) => set.map((page) => median(results.get(page.name)!.readabilityTimes));
const warm = warmOf(standard);
const warmReadability = warmReadabilityOf(standard);
/** One first-injection figure of every page of `set`. */
const coldOf = (set: BenchPage[], key: 'coldMs' | 'floorMs' | 'readabilityColdMs' | 'coldAtLoadMs' | 'floorAtLoadMs') =>
  set.map((page) => injected.timings.get(page.name)![key]);
const cold = coldOf(standard, 'coldMs');
const coldFloor = coldOf(standard, 'floorMs');
const coldReadability = coldOf(standard, 'readabilityColdMs');
const coldAtLoad = coldOf(standard, 'coldAtLoadMs');
const coldFloorAtLoad = coldOf(standard, 'floorAtLoadMs');
const warmInjected = standard.map((page) => median(injected.timings.get(page.name)!.warmMs));
const hugeMs = injected.huge.ms + firstEngineRequestMs(injected.huge.text);
const worse = scored
  .map((page, index) => ({ page: page.name, delta: ours[index]!.f1 - readability[index]!.f1 }))
  .filter(({ delta }) => delta < -0.05);
const spread = (values: number[]) =>
  `p50 ${ms(percentile(values, 0.5))}  p95 ${ms(percentile(values, 0.95))}  max ${ms(Math.max(...values))}`;

console.log(`\nEvaluation set: ${scored.length} pages`);
console.log(
  `Tacit        F1 ${quality.f1.toFixed(3)}  P ${quality.precision.toFixed(3)}  R ${quality.recall.toFixed(3)}`,
);
console.log(
  `Readability  F1 ${baselineQuality.f1.toFixed(3)}  P ${baselineQuality.precision.toFixed(3)}  R ${baselineQuality.recall.toFixed(3)}`,
);
console.log(
  `Pages more than 0.05 below Readability: ${worse.length ? worse.map((w) => `${w.page} (${w.delta.toFixed(3)})`).join(', ') : 'none'}`,
);
const printWarm = (title: string, ours: number[], baseline: number[]) => {
  console.log(`\n${title} (median of ${RUNS} runs each):`);
  console.log(`  Tacit        ${spread(ours)}`);
  console.log(`  Readability  ${spread(baseline)}`);
  console.log(
    `  ratio        p95 ${(percentile(ours, 0.95) / percentile(baseline, 0.95)).toFixed(2)}  max ${(Math.max(...ours) / Math.max(...baseline)).toFixed(2)}`,
  );
};
printWarm(`Warm ms, ${standard.length} pages`, warm, warmReadability);
if (extra.length > 0) {
  printWarm(`Warm ms, ${extra.length} pages of ${EXTRA_DIR}`, warmOf(extra), warmReadabilityOf(extra));
  const extraCold = coldOf(extra, 'coldMs');
  console.log(`  cold as injected: ${spread(extraCold)}`);
}
console.log(
  `As injected by the production build: cold (per page, the median of ${COLD_RUNS} fresh tabs, each once it has ` +
    `drawn its first frame) ${spread(cold)}; warm ${spread(warmInjected)}`,
);
console.log(`  floor (an empty script's first injection in a fresh tab, same run, same median): ${spread(coldFloor)}`);
console.log(
  `  plain Readability's first read, minified and injected the same way: ${spread(coldReadability)}; ratio p95 ` +
    `${(percentile(cold, 0.95) / percentile(coldReadability, 0.95)).toFixed(2)}  max ` +
    `${(Math.max(...cold) / Math.max(...coldReadability)).toFixed(2)}`,
);
console.log(
  `  injected at the load event, before the first frame (the page's first layout counted): cold ${spread(coldAtLoad)}; ` +
    `floor ${spread(coldFloorAtLoad)}`,
);
console.log(
  `200,000-element page to the first engine request: ${ms(hugeMs)} ms (${injected.huge.text.length} chars read)`,
);
const { lineBroken } = injected;
console.log(
  `${(lineBroken.bytes / 1e6).toFixed(1)} MB page of lines broken by <br>, laid out: read in ${ms(lineBroken.readMs)} ms ` +
    `(${lineBroken.readChars} chars); all of it selected, read in ${ms(lineBroken.selectionMs)} ms (${lineBroken.selectionChars} chars)`,
);
console.log(
  `Injected page code: ${injected.injectedGzipBytes} bytes gzip, of which a page read injects ${injected.readGzipBytes}`,
);
for (const [file, size] of Object.entries(injected.injectedFiles))
  console.log(`  ${file}: ${size.bytes} bytes, ${size.gzipBytes} gzip`);
if (pages.some((page) => !results.get(page.name)!.domUnchanged)) console.log('The live DOM CHANGED on some page.');
const publicCorpus = PUBLIC_CORPUS ? await benchPublicCorpus(PUBLIC_CORPUS) : undefined;
if (PUBLIC_CORPUS && publicCorpus) printPublicCorpus(PUBLIC_CORPUS, publicCorpus);

function extraSummary() {
  const ours = warmOf(extra);
  const baseline = warmReadabilityOf(extra);
  return {
    pages: extra.length,
    warmP95Ms: percentile(ours, 0.95),
    warmMaxMs: Math.max(...ours),
    readabilityWarmP95Ms: percentile(baseline, 0.95),
    readabilityWarmMaxMs: Math.max(...baseline),
    coldP95Ms: percentile(coldOf(extra, 'coldMs'), 0.95),
  };
}

mkdirSync(RESULTS, { recursive: true });
writeFileSync(
  `${RESULTS}extraction.json`,
  `${JSON.stringify(
    {
      f1: quality.f1,
      precision: quality.precision,
      recall: quality.recall,
      readabilityF1: baselineQuality.f1,
      readabilityPrecision: baselineQuality.precision,
      readabilityRecall: baselineQuality.recall,
      warmP50Ms: percentile(warm, 0.5),
      warmP95Ms: percentile(warm, 0.95),
      warmMaxMs: Math.max(...warm),
      readabilityWarmP95Ms: percentile(warmReadability, 0.95),
      readabilityWarmMaxMs: Math.max(...warmReadability),
      coldP50Ms: percentile(cold, 0.5),
      coldP95Ms: percentile(cold, 0.95),
      coldMaxMs: Math.max(...cold),
      coldFloorP50Ms: percentile(coldFloor, 0.5),
      coldFloorP95Ms: percentile(coldFloor, 0.95),
      readabilityColdP50Ms: percentile(coldReadability, 0.5),
      readabilityColdP95Ms: percentile(coldReadability, 0.95),
      readabilityColdMaxMs: Math.max(...coldReadability),
      coldAtLoadP50Ms: percentile(coldAtLoad, 0.5),
      coldAtLoadP95Ms: percentile(coldAtLoad, 0.95),
      coldFloorAtLoadP95Ms: percentile(coldFloorAtLoad, 0.95),
      warmInjectedP95Ms: percentile(warmInjected, 0.95),
      hugePageMs: hugeMs,
      lineBrokenPageMs: lineBroken.readMs,
      lineBrokenSelectionMs: lineBroken.selectionMs,
      injectedGzipBytes: injected.injectedGzipBytes,
      readInjectedGzipBytes: injected.readGzipBytes,
      pagesBelowReadability: worse,
      liveDomUnchanged: pages.every((page) => results.get(page.name)!.domUnchanged),
      chromium: version,
      pages: standard.length,
      scoredPages: scored.length,
      ...(extra.length > 0 ? { extraPages: extraSummary() } : {}),
      ...(publicCorpus ? { publicCorpus } : {}),
    },
    null,
    2,
  )}\n`,
);
