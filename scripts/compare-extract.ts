/**
 * Compares page reading at another commit with the working tree's, page by page in one Chromium run, by CPU time of
 * the page's renderer (Linux: /proc/<pid>/schedstat), which other work on a busy machine hardly shifts, unlike wall
 * time. Each page is read before, after and by plain Readability, in turn (each going first in turn); every result
 * that differs is listed.
 * Usage: npx tsx scripts/compare-extract.ts [--before=REF] [--runs=N] [--pages-dir=DIR] [--rows]
 * REF defaults to HEAD; runs (default 5) give each page's median.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleForPage, openBenchBrowser, percentile } from './bench-browser';
import { benchPages, servedPages } from './bench-pages';

const ROOT = resolve(import.meta.dirname, '..');
const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const BEFORE = option('before') ?? 'HEAD';
const RUNS = Number(option('runs') ?? 5);
const WHO = ['before', 'after', 'readability'] as const;
type Who = (typeof WHO)[number];

/**
 * lib/ as it was at `ref` (or as it is, without one), bundled for the page as `globalName`. Both sides are bundled
 * alike, each with its own copy of Readability, so neither shares compiled code with the plain Readability runs.
 */
async function bundleAt(ref: string | null, globalName: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'tacit-compare-'));
  try {
    let lib = join(ROOT, 'lib');
    if (ref) {
      const archive = execFileSync('git', ['archive', ref, 'lib'], { cwd: ROOT, maxBuffer: 1 << 28 });
      execFileSync('tar', ['-x', '-C', dir], { input: archive });
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
      lib = join(dir, 'lib');
    }
    writeFileSync(join(dir, 'entry.ts'), `export { extractPage } from '${lib}/page/extract/extract-page';\n`);
    return await bundleForPage(join(dir, 'entry.ts'), globalName);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The schedstat files of this run's renderer processes (Chromium is a child of this process). */
function rendererStats(): string[] {
  const parentOf = new Map<string, string>();
  const pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parentOf.set(pid, stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]!);
    } catch {
      // The process ended meanwhile.
    }
  }
  const ours = (pid: string) => {
    for (let at: string | undefined = pid; at; at = parentOf.get(at)) if (at === String(process.pid)) return true;
    return false;
  };
  return pids
    .filter((pid) => ours(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer'))
    .flatMap((pid) => readdirSync(`/proc/${pid}/task`).map((task) => `/proc/${pid}/task/${task}/schedstat`));
}

function cpuMs(files: readonly string[]): number {
  let ns = 0;
  for (const file of files) {
    try {
      ns += Number(readFileSync(file, 'utf8').split(' ')[0]);
    } catch {
      // The thread ended meanwhile.
    }
  }
  return ns / 1e6;
}

const pages = benchPages(option('pages-dir'));
const [before, after, baseline] = await Promise.all([
  bundleAt(BEFORE, 'TacitBefore'),
  bundleAt(null, 'TacitAfter'),
  bundleForPage('scripts/bench-extract-api.ts', 'TacitBench'),
]);
const bench = await openBenchBrowser((name) => servedPages(pages).get(name) ?? null);
const medians: Record<Who, number[]> = { before: [], after: [], readability: [] };
const differing: string[] = [];
try {
  for (const page of pages) {
    await bench.page.goto(`${bench.origin}/${page.name}`, { waitUntil: 'load', timeout: 300_000 });
    await bench.page.addScriptTag({ content: before });
    await bench.page.addScriptTag({ content: after });
    await bench.page.addScriptTag({ content: baseline });
    // tsx names the functions below with a helper the page does not have.
    await bench.page.addScriptTag({ content: 'globalThis.__name = (fn) => fn' });
    const fields = await bench.page.evaluate(() => {
      const scope = globalThis as unknown as Record<string, typeof import('./bench-extract-api')>;
      const [old, now] = [scope.TacitBefore!.extractPage(document), scope.TacitAfter!.extractPage(document)];
      const flat = (result: typeof old): Record<string, unknown> => (result.ok ? { ...result.page } : { ...result });
      const [a, b] = [flat(old), flat(now)];
      return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
        (key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]),
      );
    });
    if (fields.length > 0) differing.push(`${page.name} (${fields.join(', ')})`);
    const stats = rendererStats();
    const times: Record<Who, number[]> = { before: [], after: [], readability: [] };
    for (let run = 0; run < RUNS; run++) {
      // Each reader goes first in turn, so none always follows the same one (and the garbage it leaves).
      for (const who of WHO.map((_, index) => WHO[(index + run) % WHO.length]!)) {
        const started = cpuMs(stats);
        await bench.page.evaluate((reader) => {
          const scope = globalThis as unknown as Record<string, typeof import('./bench-extract-api')>;
          if (reader === 'readability') scope.TacitBench!.readabilityText(document);
          else scope[reader === 'before' ? 'TacitBefore' : 'TacitAfter']!.extractPage(document);
        }, who);
        times[who].push(cpuMs(stats) - started);
      }
    }
    for (const who of WHO) medians[who].push(percentile(times[who], 0.5));
    if (process.argv.includes('--rows')) {
      const cells = WHO.map((who) => `${who} ${medians[who].at(-1)!.toFixed(1).padStart(7)}`);
      console.log(`${page.name.padEnd(40)} ${cells.join('  ')}`);
    }
  }
} finally {
  await bench.close();
}

const spread = (values: number[]) =>
  `p50 ${percentile(values, 0.5).toFixed(1)}  p95 ${percentile(values, 0.95).toFixed(1)}  max ${Math.max(...values).toFixed(1)}  sum ${values.reduce((sum, value) => sum + value, 0).toFixed(0)}`;
for (const [title, extra] of [
  ['standard set', false],
  ['pages of --pages-dir', true],
] as const) {
  const picked = pages.flatMap((page, index) => (Boolean(page.extra) === extra ? [index] : []));
  if (picked.length === 0) continue;
  console.log(`\nRenderer CPU ms per read, ${title} (${picked.length} pages, median of ${RUNS}):`);
  for (const who of WHO) console.log(`  ${who.padEnd(12)} ${spread(picked.map((index) => medians[who][index]!))}`);
}
console.log(`\nResults that differ from ${BEFORE}: ${differing.length ? differing.join('; ') : 'none'}`);
