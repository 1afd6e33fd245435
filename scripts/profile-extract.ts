/**
 * Where page reading spends its time: runs Tacit's reader (or plain Readability) on one benchmark page in Debian's
 * Chromium under the CDP sampling profiler and prints the functions with the most self time, and each step's time.
 * Usage: npx tsx scripts/profile-extract.ts <page> [--readability] [--runs=N]
 * <page>: wiki-large.html, huge-page.html, long-article.html, a file of tests/fixtures/extraction or pages, or a path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wikiLargePage } from '../tests/fixtures/extraction/wiki-large';
import { hugePageHtml } from '../tests/fixtures/pages/huge-page';
import { longArticleHtml } from '../tests/fixtures/pages/long-article';
import { bundleForPage, openBenchBrowser } from './bench-browser';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const name = process.argv[2] ?? 'wiki-large.html';
const baseline = process.argv.includes('--readability');
const RUNS = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 3);

function pageHtml(page: string): string {
  if (page === 'wiki-large.html') return wikiLargePage().html;
  if (page === 'huge-page.html') return hugePageHtml();
  if (page === 'long-article.html') return longArticleHtml();
  if (existsSync(page)) return readFileSync(page, 'utf8');
  for (const dir of ['../tests/fixtures/extraction/', '../tests/fixtures/pages/']) {
    const path = fileURLToPath(new URL(`${dir}${page}`, import.meta.url));
    if (existsSync(path)) return readFileSync(path, 'utf8');
  }
  throw new Error(`No page ${page}`);
}

const html = pageHtml(name);
const bundle = await bundleForPage('scripts/bench-extract-api.ts', 'TacitBench');
const served = `${basename(name).replace(/\.html$/, '')}.html`;
const bench = await openBenchBrowser((requested) => (requested === served ? html : null));
try {
  await bench.page.goto(`${bench.origin}/${served}`, { waitUntil: 'load', timeout: 600_000 });
  await bench.page.addScriptTag({ content: bundle });
  const run = (times: number) =>
    bench.page.evaluate(
      ({ times, baseline }) => {
        const api = (globalThis as unknown as { TacitBench: typeof import('./bench-extract-api') }).TacitBench;
        const durations: number[] = [];
        for (let i = 0; i < times; i++) {
          const started = performance.now();
          if (baseline) api.readabilityText(document);
          else api.extractPage(document);
          durations.push(performance.now() - started);
        }
        return { durations, elements: document.getElementsByTagName('*').length };
      },
      { times, baseline },
    );
  const first = await run(1);
  const cdp = await bench.page.context().newCDPSession(bench.page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const measured = await run(RUNS);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };

  const selfMs = new Map<string, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, ProfileNode>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node);
  const label = (node: ProfileNode) =>
    `${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}`;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id)!;
    // A DOM method is named with its caller, so the same method called from two places shows as two lines.
    const caller = node.callFrame.lineNumber < 0 ? parentOf.get(id) : undefined;
    const key = caller ? `${label(node)} <- ${label(caller)}` : label(node);
    selfMs.set(key, (selfMs.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000 / RUNS);
  });
  console.log(
    `${baseline ? 'Readability' : 'Tacit'} on ${name} (${first.elements} elements): first ${first.durations[0]!.toFixed(1)} ms, then ${measured.durations.map((ms) => ms.toFixed(1)).join(', ')} ms`,
  );
  console.log('Self time per run (ms), top 30:');
  for (const [key, ms] of [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`  ${ms.toFixed(1).padStart(8)}  ${key}`);
} finally {
  await bench.close();
}
