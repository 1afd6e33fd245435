/** Turns the pipeline benchmark's runs into the figures the issue names: a printed table and a JSON file. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StallProbeReport } from '../lib/protocol/test-messages';
import { percentile } from './bench-browser';
import type { offscreenChunkSizes } from './bench-pipeline-support';
import type { WorkerStreamFigures } from './bench-worker-stream';

export type Pipeline = 'tacit' | 'bare';

export interface StreamRun {
  tokens: number;
  painted: number;
  finished: boolean;
  /** Tokens on screen per second, from the first emit to the last paint (or the cap). */
  deliveredPerSecond: number;
  /** Tokens the engine emitted per second while the panel streamed. */
  emittedPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  longTasksOver50Ms: number;
  longestTaskMs: number;
  stall: StallProbeReport;
}

/**
 * A table growing row by row, a code block line by line and a list item by item at a model's pace, beside the same
 * words as paragraphs, in the same panel.
 */
export interface GrowingTable {
  rows: number;
  tokensPerSecond: number;
  /** Main-thread task time per second of wall time while it streamed (0–1). */
  tableBusyShare: number;
  codeBusyShare: number;
  listBusyShare: number;
  paragraphsBusyShare: number;
  tableLongTasks: number;
  codeLongTasks: number;
  listLongTasks: number;
  tableP95Ms: number;
  codeP95Ms: number;
  listP95Ms: number;
  paragraphsP95Ms: number;
}

export interface BenchSizes {
  flood: number;
  markdown: number;
  capMs: number;
  renderUpdates: number;
  pacedTokensPerSecond: number;
}

export function report(
  input: {
    chromium: string;
    quick: boolean;
    sizes: BenchSizes;
    /** Each streaming run as often as it was repeated, in order. */
    runs: Record<'flood' | 'paced', Record<Pipeline, StreamRun[]>>;
    render: Record<Pipeline, { at100: number; atLong: number }>;
    stop: { stopMs: number; textKept: boolean };
    growingTable: GrowingTable;
    /** The offscreen timer with nothing streaming, as long as the paced run: the machine's own noise. */
    idleStall: StallProbeReport;
    chunks: ReturnType<typeof offscreenChunkSizes>;
    workerStream: WorkerStreamFigures;
  },
  jsonPath: string,
): void {
  const { runs, render, stop, growingTable, idleStall, chunks, workerStream, sizes } = input;
  const round = (value: number) => Math.round(value * 10) / 10;
  const median = (values: number[]) => percentile(values, 0.5);
  const ofRuns = (kind: 'flood' | 'paced', pipeline: Pipeline, read: (run: StreamRun) => number) =>
    runs[kind][pipeline].map(read);
  // The medians of the repeated runs; the worst run's figure beside them.
  const figures = (pipeline: Pipeline) => ({
    floodTokensPerSecond: Math.round(median(ofRuns('flood', pipeline, (run) => run.deliveredPerSecond))),
    floodP95Ms: round(median(ofRuns('flood', pipeline, (run) => run.p95Ms))),
    floodP95WorstMs: round(Math.max(...ofRuns('flood', pipeline, (run) => run.p95Ms))),
    pacedP95Ms: round(median(ofRuns('paced', pipeline, (run) => run.p95Ms))),
    renderCostRatio4000to100: round(render[pipeline].atLong / render[pipeline].at100),
    // Every paced run counts: none may have one.
    longTasksOver50Ms: ofRuns('paced', pipeline, (run) => run.longTasksOver50Ms).reduce((sum, count) => sum + count, 0),
    offscreenStallMs: round(median(ofRuns('paced', pipeline, (run) => run.stall.maxMs))),
    offscreenStallWorstMs: round(Math.max(...ofRuns('paced', pipeline, (run) => run.stall.maxMs))),
  });
  const tacit = figures('tacit');
  const bare = figures('bare');
  const result = {
    floodTokensPerSecond: tacit.floodTokensPerSecond,
    floodP95Ms: tacit.floodP95Ms,
    floodP95WorstMs: tacit.floodP95WorstMs,
    pacedP95OverBareMs: round(tacit.pacedP95Ms - bare.pacedP95Ms),
    renderCostRatio4000to100: tacit.renderCostRatio4000to100,
    longTasksOver50Ms: tacit.longTasksOver50Ms,
    offscreenStallMs: tacit.offscreenStallMs,
    offscreenStallWorstMs: tacit.offscreenStallWorstMs,
    stopUnderFloodMs: round(stop.stopMs),
    offscreenChunkBytes: chunks.mainThreadBytes,
    idleOffscreenStallMs: round(idleStall.maxMs),
    growingTableBusyShare: Math.round(growingTable.tableBusyShare * 100) / 100,
    growingCodeBusyShare: Math.round(growingTable.codeBusyShare * 100) / 100,
    growingListBusyShare: Math.round(growingTable.listBusyShare * 100) / 100,
    paragraphsBusyShare: Math.round(growingTable.paragraphsBusyShare * 100) / 100,
    bare,
    details: {
      chromium: input.chromium,
      quick: input.quick,
      sizes,
      runs,
      renderCostMsPerUpdate: render,
      stop,
      offscreenChunks: chunks,
      workerStream,
    },
  };
  mkdirSync(dirname(jsonPath), { recursive: true });
  writeFileSync(jsonPath, `${JSON.stringify(result, null, 2)}\n`);

  const rows = (name: string, kind: 'flood' | 'paced') =>
    (['tacit', 'bare'] as const).flatMap((pipeline) =>
      runs[kind][pipeline].map((r, index, all) => {
        const label = all.length > 1 ? `${name} (${index + 1}/${all.length})` : name;
        return `| ${label} | ${pipeline} | ${r.painted}/${r.tokens}${r.finished ? '' : ' (capped)'} | ${Math.round(r.deliveredPerSecond)} | ${Math.round(r.emittedPerSecond)} | ${round(r.p50Ms)} | ${round(r.p95Ms)} | ${r.longTasksOver50Ms} (max ${round(r.longestTaskMs)}) | ${round(r.stall.maxMs)} / ${round(r.stall.p95Ms)} |`;
      }),
    );
  console.log(
    `Token pipeline, e2e build with the scripted engine, Chromium ${input.chromium} (headless)${input.quick ? ', --quick' : ''}`,
  );
  console.log(
    '| run | pipeline | painted/tokens | delivered tok/s | emitted tok/s | p50 ms | p95 ms | long tasks > 50 ms | offscreen stall max / p95 ms |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  [
    ...rows(`flood ${sizes.flood}`, 'flood'),
    ...rows(`Markdown ${sizes.markdown} @ ${sizes.pacedTokensPerSecond}/s`, 'paced'),
  ].forEach((line) => console.log(line));
  console.log(
    `\nRender cost per update (ms): tacit ${round(render.tacit.at100)} at 100 tokens, ${round(render.tacit.atLong)} at ${sizes.markdown}; bare ${round(render.bare.at100)} → ${round(render.bare.atLong)}`,
  );
  console.log(`Stop under flood: ${round(stop.stopMs)} ms, text kept: ${stop.textKept}`);
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  console.log(
    `A table growing to ${growingTable.rows} rows at ${growingTable.tokensPerSecond} tok/s: main thread busy ` +
      `${percent(growingTable.tableBusyShare)} (the same words as paragraphs: ${percent(growingTable.paragraphsBusyShare)}), ` +
      `p95 ${round(growingTable.tableP95Ms)} ms (paragraphs ${round(growingTable.paragraphsP95Ms)}), long tasks ${growingTable.tableLongTasks}`,
  );
  console.log(
    `A code block growing to ${growingTable.rows} lines at ${growingTable.tokensPerSecond} tok/s: main thread busy ` +
      `${percent(growingTable.codeBusyShare)}, p95 ${round(growingTable.codeP95Ms)} ms, long tasks ${growingTable.codeLongTasks}`,
  );
  console.log(
    `A list growing to ${growingTable.rows} items at ${growingTable.tokensPerSecond} tok/s: main thread busy ` +
      `${percent(growingTable.listBusyShare)}, p95 ${round(growingTable.listP95Ms)} ms, long tasks ${growingTable.listLongTasks}`,
  );
  console.log(
    `Offscreen timer with nothing streaming, as long as the paced run: stall max ${round(idleStall.maxMs)} / p95 ${round(idleStall.p95Ms)} ms (${idleStall.samples} samples)`,
  );
  console.log(
    `Offscreen main-thread JS: ${chunks.mainThreadBytes} bytes (${Object.entries(chunks.files)
      .map(([file, size]) => `${file} ${size}`)
      .join(', ')}); loaded when first needed: ${chunks.lazyBytes} bytes (${Object.entries(chunks.lazyFiles)
      .map(([file, size]) => `${file} ${size}`)
      .join(', ')}); worker ${chunks.workerBytes} bytes`,
  );
  console.log(
    `Engine worker, ${workerStream.decodeMs} ms per token, tokens/s reaching a page busy n ms of every 50 (pull as ` +
      `WebLLM's client does / push as Tacit's worker does): ` +
      workerStream.rows
        .map((row) => `${row.busyMsPer50} ms: ${row.pullTokensPerSecond} / ${row.pushTokensPerSecond}`)
        .join('; '),
  );
  console.log(
    `\nThe keys are the medians of ${runs.flood.tacit.length} floods and ${runs.paced.tacit.length} paced runs per pipeline ` +
      `(worst run: flood p95 ${tacit.floodP95WorstMs} ms, offscreen stall ${tacit.offscreenStallWorstMs} ms).`,
  );
  console.log('\nKeys (bench-results/pipeline.json):');
  console.table({
    tacit: {
      ...tacit,
      pacedP95OverBareMs: result.pacedP95OverBareMs,
      stopUnderFloodMs: result.stopUnderFloodMs,
      offscreenChunkBytes: result.offscreenChunkBytes,
    },
    bare,
  });
}
