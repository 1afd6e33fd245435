/** How many threads llama.cpp gets, and a rough decode speed for a GGUF model on them, said before it runs. Pure. */
import type { GgufModelRecord } from './types';

/**
 * Decoding reads every weight once per token, so it is bound by memory bandwidth: tokens/s ≈ bandwidth / model size.
 * llama.cpp's WebAssembly SIMD build streams about this many bytes per second per thread on a current laptop, and
 * stops gaining beyond four threads.
 */
const BYTES_PER_SECOND_PER_THREAD = 2.5e9;
const MAX_USEFUL_THREADS = 4;

export function expectedCpuTokensPerSecond(record: GgufModelRecord, threads: number): number {
  const modelBytes = (record.download_MB ?? record.ram_required_MB) * 1e6;
  const useful = Math.max(1, Math.min(MAX_USEFUL_THREADS, Math.floor(threads)));
  return Math.max(1, Math.round((BYTES_PER_SECOND_PER_THREAD * useful) / modelBytes));
}

export interface ThreadFacts {
  /** Threads need SharedArrayBuffer, which only a cross-origin isolated page has. */
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
}

/** Half the cores (the browser, the page and the panel keep the rest), at least one; one without isolation. */
export function cpuThreads(facts: ThreadFacts): number {
  if (!facts.crossOriginIsolated) return 1;
  const cores = Number.isFinite(facts.hardwareConcurrency) ? facts.hardwareConcurrency : 1;
  return Math.max(1, Math.floor(cores / 2));
}
