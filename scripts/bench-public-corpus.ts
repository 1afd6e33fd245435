/**
 * Scores page reading on a public article-extraction corpus kept outside the repository, beside plain Readability in
 * the same run: a folder in the layout of the open article-extraction benchmark (`html/<id>.html` or `.html.gz`, and
 * `ground-truth.json` mapping each id to `{ articleBody }`), with the same shingle metric. Pages are read as saved,
 * with their scripts off and nothing reachable but 127.0.0.1, so a run depends on nothing but the files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { bundleForPage, openBenchBrowser } from './bench-browser';
import { scoreCorpus, scorePage, type CorpusScore, type PageScore } from '../tests/fixtures/extraction/shingle-score';

export interface PublicCorpusResult {
  pages: number;
  tacit: CorpusScore;
  readability: CorpusScore;
  /** Pages on which Tacit's F1 is more than 0.05 below Readability's, worst first. */
  pagesBelowReadability: { page: string; f1: number; readabilityF1: number }[];
  /** The lowest-scoring pages, to look at first. */
  lowest: { page: string; f1: number; readabilityF1: number }[];
}

interface Truth {
  articleBody?: string;
  url?: string;
}

/** The page's html by id, unzipped when stored as `.html.gz`. */
function corpusPages(dir: string): Map<string, Buffer> {
  const htmlDir = join(dir, 'html');
  const pages = new Map<string, Buffer>();
  for (const file of readdirSync(htmlDir)) {
    const match = /^(.+)\.html(\.gz)?$/.exec(file);
    if (!match) continue;
    const bytes = readFileSync(join(htmlDir, file));
    pages.set(match[1]!, match[2] ? gunzipSync(bytes) : bytes);
  }
  return pages;
}

export async function benchPublicCorpus(dir: string): Promise<PublicCorpusResult> {
  if (!existsSync(join(dir, 'ground-truth.json'))) throw new Error(`No ground-truth.json in ${dir}`);
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, Truth>;
  const pages = corpusPages(dir);
  const ids = [...pages.keys()].filter((id) => typeof truth[id]?.articleBody === 'string').sort();
  const [bundle, bench] = await Promise.all([
    bundleForPage('scripts/bench-extract-api.ts', 'TacitBench'),
    openBenchBrowser((name) => pages.get(name.replace(/\.html$/, '')) ?? null, { javaScriptEnabled: false }),
  ]);
  // With the page's scripts off, the bundle is evaluated by the driver rather than added as a script tag.
  const install = `globalThis.TacitBench = (() => { ${bundle}; return TacitBench; })()`;
  const rows: { page: string; ours: PageScore; readability: PageScore }[] = [];
  try {
    for (const id of ids) {
      try {
        await bench.page.goto(`${bench.origin}/${encodeURIComponent(id)}.html`, { waitUntil: 'load', timeout: 30_000 });
      } catch {
        // A page still loading after that is read as it stands.
      }
      await bench.page.evaluate(install);
      const read = await bench.page.evaluate(() => {
        const api = (globalThis as unknown as { TacitBench: typeof import('./bench-extract-api') }).TacitBench;
        const result = api.extractPage(document);
        return { text: result.ok ? result.page.text : '', readabilityText: api.readabilityText(document) };
      });
      const expected = truth[id]!.articleBody!;
      rows.push({
        page: id,
        ours: scorePage(expected, read.text),
        readability: scorePage(expected, read.readabilityText),
      });
    }
  } finally {
    await bench.close();
  }
  const named = (row: (typeof rows)[number]) => ({
    page: row.page,
    f1: row.ours.f1,
    readabilityF1: row.readability.f1,
  });
  return {
    pages: rows.length,
    tacit: scoreCorpus(rows.map((row) => row.ours)),
    readability: scoreCorpus(rows.map((row) => row.readability)),
    pagesBelowReadability: rows
      .filter((row) => row.ours.f1 < row.readability.f1 - 0.05)
      .sort((a, b) => a.ours.f1 - a.readability.f1 - (b.ours.f1 - b.readability.f1))
      .map(named),
    lowest: [...rows]
      .sort((a, b) => a.ours.f1 - b.ours.f1)
      .slice(0, 10)
      .map(named),
  };
}

export function printPublicCorpus(dir: string, result: PublicCorpusResult): void {
  const score = ({ f1, precision, recall }: CorpusScore) =>
    `F1 ${f1.toFixed(4)}  P ${precision.toFixed(4)}  R ${recall.toFixed(4)}`;
  const list = (rows: PublicCorpusResult['lowest']) =>
    rows.map((row) => `${row.page.slice(0, 12)} ${row.f1.toFixed(3)} (Readability ${row.readabilityF1.toFixed(3)})`);
  console.log(`\nPublic corpus ${dir}: ${result.pages} pages, scripts off`);
  console.log(`  Tacit        ${score(result.tacit)}`);
  console.log(`  Readability  ${score(result.readability)}`);
  console.log(`  More than 0.05 below Readability: ${list(result.pagesBelowReadability).join(', ') || 'none'}`);
  console.log(`  Lowest: ${list(result.lowest).join(', ')}`);
}

// Run alone: npx tsx scripts/bench-public-corpus.ts DIR
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) throw new Error('Usage: tsx scripts/bench-public-corpus.ts DIR');
  printPublicCorpus(dir, await benchPublicCorpus(dir));
}
