/**
 * The article-extraction benchmark's shingle metric: 4-word shingles of `\w+` tokens, per-page TP/FP/FN normalised
 * so long pages weigh no more than short ones, precision and recall averaged over pages, F1 from those averages.
 */

const TOKEN = /[\p{L}\p{N}_]+/gu;
const SHINGLE = 4;

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

function shingles(text: string): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - SHINGLE + 1); i++) {
    const shingle = tokens.slice(i, i + SHINGLE).join('\u0001');
    if (shingle) counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

export function scorePage(expected: string, predicted: string): PageScore {
  const truth = shingles(expected);
  const guess = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...truth.keys(), ...guess.keys()])) {
    const t = truth.get(key) ?? 0;
    const g = guess.get(key) ?? 0;
    tp += Math.min(t, g);
    fp += Math.max(0, g - t);
    fn += Math.max(0, t - g);
  }
  const sum = tp + fp + fn;
  if (sum > 0) [tp, fp, fn] = [tp / sum, fp / sum, fn / sum];
  const precision = fp === 0 && fn === 0 ? 1 : tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = fp === 0 && fn === 0 ? 1 : tp + fn === 0 ? 0 : tp / (tp + fn);
  return { tp, fp, fn, precision, recall, f1: harmonic(precision, recall) };
}

export interface CorpusScore {
  precision: number;
  recall: number;
  f1: number;
}

export function scoreCorpus(pages: readonly PageScore[]): CorpusScore {
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  const precision = mean(pages.filter((page) => page.tp + page.fp > 0).map((page) => page.precision));
  const recall = mean(pages.filter((page) => page.tp + page.fn > 0).map((page) => page.recall));
  return { precision, recall, f1: harmonic(precision, recall) };
}

function harmonic(a: number, b: number): number {
  return a + b === 0 ? 0 : (2 * a * b) / (a + b);
}
