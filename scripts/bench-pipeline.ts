/**
 * Benchmarks the token pipeline engine → background → panel in the e2e build (scripted engine) in headless Chromium,
 * each figure beside a bare relay of the same tokens (offscreen → service worker → panel, one message per token, no
 * rendering) measured in the same run. Prints a table and writes bench-results/pipeline.json.
 * Options: --quick (smaller replies, for a first look), --no-build (measure the builds already in .output),
 * --table-only (only the growing table, code block and list, printed, nothing written).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from '@playwright/test';
import type { ScriptedEngineSettings } from '../lib/protocol/messages';
import type { StallProbeReport } from '../lib/protocol/test-messages';
import {
  installProbe,
  latencies,
  markdownReply,
  offscreenChunkSizes,
  plainReply,
  growingReply,
  type GrowingShape,
  type ScriptedReply,
} from './bench-pipeline-support';
import { extensionChromiumArgs } from '../tests/e2e/support/launch';
import { percentile } from './bench-browser';
import { measureWorkerStream } from './bench-worker-stream';
import { report, type GrowingTable, type Pipeline, type StreamRun } from './bench-pipeline-report';

const ROOT = resolve(import.meta.dirname, '..');
const QUICK = process.argv.includes('--quick');
const TABLE_ONLY = process.argv.includes('--table-only');
const SIZES = {
  flood: QUICK ? 4000 : 20_000,
  markdown: QUICK ? 1000 : 4000,
  /** Streaming runs that cannot finish are stopped after this long; their figures then say how far they got. */
  capMs: QUICK ? 15_000 : 60_000,
  renderUpdates: QUICK ? 20 : 40,
};
const PACED_TOKENS_PER_SECOND = 100;
/** How many times each streaming run is measured, per pipeline. */
const RUNS = { flood: QUICK ? 2 : 5, paced: QUICK ? 1 : 3 };
/** A pause before each streaming run, after a garbage collection (see `settle`). */
const SETTLE_MS = 1000;
/** A growing table's rows (and a growing code block's lines), streamed at a small model's pace. */
const TABLE = { rows: QUICK ? 50 : 200, tokensPerSecond: 50 };
const REPLY = '[data-testid="ask-answer"]';
const BARE = '#bench-bare';

let runCount = 0;
/** A marker prefix no earlier run used: an older reply still on screen never counts as painted. */
const nextPrefix = () => `z${String.fromCharCode(97 + (runCount++ % 26))}${Math.floor(runCount / 26)}q`;

async function launch(): Promise<{ context: BrowserContext; worker: Worker; profile: string }> {
  const extension = join(ROOT, '.output/chrome-mv3-e2e');
  const profile = mkdtempSync(join(tmpdir(), 'tacit-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.TACIT_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: extensionChromiumArgs(extension, { webgpu: true }),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker, profile };
}

function toOffscreen<T>(panel: Page, type: string): Promise<T> {
  return panel.evaluate(
    (requestType) => chrome.runtime.sendMessage({ tacit: 1, to: 'offscreen', type: requestType, payload: {} }),
    type,
  );
}

async function useScripted(worker: Worker, settings: ScriptedEngineSettings): Promise<void> {
  await worker.evaluate(
    (value) => chrome.storage.local.set({ 'test:scriptedEngine': value, gpuBudgetMB: 16_384 }),
    settings,
  );
}

/** Starts a reply through Tacit (the Ask box) or through the bare relay, watched by the probe. */
async function startStream(
  panel: Page,
  pipeline: Pipeline,
  settings: ScriptedEngineSettings,
  prefix: string,
  watchStall = true,
) {
  await panel.evaluate(
    ([selector, markerPrefix]) => {
      const probe = (
        window as unknown as {
          benchProbe: { selector: string; prefix: string; frames: unknown[]; last: number; longTasks: number[] };
        }
      ).benchProbe;
      Object.assign(probe, { selector, prefix: markerPrefix, frames: [], last: -1, longTasks: [] });
    },
    [pipeline === 'tacit' ? REPLY : BARE, prefix] as const,
  );
  if (watchStall) await toOffscreen(panel, 'test/stall-probe-start');
  if (pipeline === 'tacit') {
    await panel.evaluate((question) => {
      // The bare relay's text from earlier runs would sit under the panel's and burden every frame measured for it.
      document.querySelector('#bench-bare')?.remove();
      // Typed and sent by the page itself: Playwright's locators would run their queries and checks on the panel's
      // main thread, which the offscreen document shares, and count in its stall.
      const box = document.querySelector<HTMLTextAreaElement>('#ask-input')!;
      box.value = question;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      box.form!.requestSubmit();
    }, `Benchmark ${prefix}`);
    return;
  }
  await panel.evaluate((scripted) => {
    const page = window as unknown as { benchBare?: chrome.runtime.Port; benchBareDone?: boolean };
    document.querySelector('#bench-bare')?.remove();
    const target = document.createElement('div');
    target.id = 'bench-bare';
    document.body.append(target);
    page.benchBareDone = false;
    const port = chrome.runtime.connect({ name: 'tacit-test-bare-relay' });
    port.onMessage.addListener((message: { type: string; text?: string }) => {
      if (message.type === 'bare/delta') target.append(message.text!);
      else page.benchBareDone = true;
    });
    port.postMessage({ type: 'bare/start', settings: scripted });
    page.benchBare = port;
  }, settings);
}

async function streamFinished(panel: Page, pipeline: Pipeline): Promise<boolean> {
  if (pipeline === 'bare') return panel.evaluate(() => (window as unknown as { benchBareDone: boolean }).benchBareDone);
  return (
    // Stop is on the answer's card only while it is written.
    (await panel.getByRole('button', { name: 'Send' }).isEnabled()) &&
    (await panel.getByRole('button', { name: 'Stop' }).count()) === 0
  );
}

/** Streams a whole reply (or until the cap) and measures it. */
async function measureStream(
  panel: Page,
  worker: Worker,
  pipeline: Pipeline,
  reply: ScriptedReply,
  pace: Pick<ScriptedEngineSettings, 'tokenDelayMs' | 'tokensPerSecond'>,
  prefix: string,
): Promise<StreamRun> {
  const settings: ScriptedEngineSettings = { tokens: reply.tokens, ...pace, recordEmitTimes: true };
  if (pipeline === 'tacit') await useScripted(worker, settings);
  await startStream(panel, pipeline, settings, prefix);
  const { finished, end } = await panel.evaluate(
    ([last, capMs]) =>
      (
        window as unknown as {
          benchProbe: { watch(last: number, capMs: number): Promise<{ finished: boolean; end: number }> };
        }
      ).benchProbe.watch(last, capMs),
    [reply.markers.at(-1)!, SIZES.capMs] as const,
  );
  const stall = await toOffscreen<StallProbeReport>(panel, 'test/stall-probe-stop');
  // Only what the engine emitted and the screen showed up to the cap counts.
  const emitTimes = (await toOffscreen<number[]>(panel, 'test/emit-times')).filter((time) => time <= end);
  const probe = await panel.evaluate(() => {
    const { frames, longTasks } = (
      window as unknown as { benchProbe: { frames: Array<[number, number]>; longTasks: number[] } }
    ).benchProbe;
    return { frames, longTasks };
  });
  probe.frames = probe.frames.filter(([time]) => time <= end);
  const latency = latencies(emitTimes, reply.markers, probe.frames, end);
  const lastPaint = finished ? probe.frames.at(-1)![0] : end;
  const firstEmit = emitTimes[0] ?? end;
  return {
    tokens: reply.tokens.length,
    painted: latency.painted,
    finished,
    deliveredPerSecond: latency.painted / ((lastPaint - firstEmit) / 1000),
    emittedPerSecond: emitTimes.length / (((emitTimes.at(-1) ?? end) - firstEmit) / 1000),
    p50Ms: latency.p50,
    p95Ms: latency.p95,
    maxMs: latency.max,
    longTasksOver50Ms: probe.longTasks.length,
    longestTaskMs: Math.max(0, ...probe.longTasks),
    stall,
  };
}

/**
 * Main-thread time per screen update once `length` tokens are shown: one big delta, then single tokens 100 ms apart.
 * The probe's frame loop is paused meanwhile, so the page draws only for the updates themselves.
 */
async function measureRenderCost(
  panel: Page,
  worker: Worker,
  cdp: CDPSession,
  pipeline: Pipeline,
  length: number,
): Promise<number> {
  const prefix = nextPrefix();
  const reply = markdownReply(length + SIZES.renderUpdates, prefix);
  const tokens = [reply.tokens.slice(0, length).join(''), ...reply.tokens.slice(length)];
  const settings: ScriptedEngineSettings = { tokens, tokenDelayMs: 100 };
  if (pipeline === 'tacit') await useScripted(worker, settings);
  await startStream(panel, pipeline, settings, prefix, false);
  for (let waited = 0; waited < SIZES.capMs && (await shownMarker(panel)) < reply.markers[length - 1]!; waited += 20)
    await panel.waitForTimeout(20);
  await panel.evaluate(() => {
    const probe = (window as unknown as { benchProbe: { paused: boolean; countUpdates(on: boolean): void } })
      .benchProbe;
    probe.paused = true;
    probe.countUpdates(true);
  });
  await panel.waitForTimeout(50);
  // Four windows of a quarter of the updates each; the median resists other work on a shared machine.
  const costs: number[] = [];
  let from = await busy(panel, cdp);
  for (let window = 0; window < 4; window++) {
    const wanted = from.updates + SIZES.renderUpdates / 4;
    await panel.waitForTimeout((SIZES.renderUpdates / 4) * 100);
    let to = await busy(panel, cdp);
    for (let waited = 0; waited < 10_000 && to.updates < wanted; waited += 50) {
      await panel.waitForTimeout(50);
      to = await busy(panel, cdp);
    }
    costs.push(((to.taskSeconds - from.taskSeconds) * 1000) / Math.max(1, to.updates - from.updates));
    from = to;
  }
  await panel.evaluate(() => {
    const probe = (window as unknown as { benchProbe: { resume(): void; countUpdates(on: boolean): void } }).benchProbe;
    probe.countUpdates(false);
    probe.resume();
  });
  for (let waited = 0; waited < 10_000 && !(await streamFinished(panel, pipeline)); waited += 100)
    await panel.waitForTimeout(100);
  return percentile(costs, 0.5);
}

/**
 * Starts a run measured on its own: the garbage the runs before it left (a bare flood's 20,000 messages, a flood's
 * text) is collected first, and the page left alone a moment. Otherwise a collection of it may fall into the run and
 * count as the run's (the panel and the offscreen document share one heap), as a benchmark harness collects garbage
 * between iterations. What a run makes itself is collected during it, as usual.
 */
async function settle(panel: Page, cdp: CDPSession): Promise<void> {
  await cdp.send('HeapProfiler.collectGarbage');
  await panel.waitForTimeout(SETTLE_MS);
}

function shownMarker(panel: Page): Promise<number> {
  return panel.evaluate(() => (window as unknown as { benchProbe: { last: number } }).benchProbe.last);
}

async function busy(panel: Page, cdp: CDPSession): Promise<{ taskSeconds: number; updates: number }> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  const updates = await panel.evaluate(
    () => (window as unknown as { benchProbe: { updates: number } }).benchProbe.updates,
  );
  return { taskSeconds: metrics.find((metric) => metric.name === 'TaskDuration')!.value, updates };
}

/**
 * The share of the panel's main thread (which the offscreen document shares) taken while a reply streams at a model's
 * pace: a table that grows row by row, a code block line by line, a list item by item, and the same words as short
 * paragraphs.
 */
async function measureGrowingTable(panel: Page, worker: Worker, cdp: CDPSession): Promise<GrowingTable> {
  const share = async (shape: GrowingShape) => {
    await settle(panel, cdp);
    const prefix = nextPrefix();
    const reply = growingReply(TABLE.rows, prefix, shape);
    const before = await busy(panel, cdp);
    const started = Date.now();
    const run = await measureStream(panel, worker, 'tacit', reply, { tokensPerSecond: TABLE.tokensPerSecond }, prefix);
    const after = await busy(panel, cdp);
    return { busyShare: (after.taskSeconds - before.taskSeconds) / ((Date.now() - started) / 1000), run };
  };
  const paragraphs = await share('paragraphs');
  const table = await share('table');
  const code = await share('code');
  const list = await share('list');
  return {
    rows: TABLE.rows,
    tokensPerSecond: TABLE.tokensPerSecond,
    tableBusyShare: table.busyShare,
    codeBusyShare: code.busyShare,
    listBusyShare: list.busyShare,
    paragraphsBusyShare: paragraphs.busyShare,
    tableLongTasks: table.run.longTasksOver50Ms,
    codeLongTasks: code.run.longTasksOver50Ms,
    listLongTasks: list.run.longTasksOver50Ms,
    tableP95Ms: table.run.p95Ms,
    codeP95Ms: code.run.p95Ms,
    listP95Ms: list.run.p95Ms,
    paragraphsP95Ms: paragraphs.run.p95Ms,
  };
}

/** Tokens in the flood Stop is clicked in: it runs for seconds, so the reply is still streaming at the click. */
const STOP_FLOOD_TOKENS = 100_000;

/** Clicks Stop during a flood and times it until the panel says it stopped; the text must not change after that. */
async function measureStop(panel: Page, worker: Worker): Promise<{ stopMs: number; textKept: boolean }> {
  const prefix = nextPrefix();
  // Longer than the flood runs: a quick run's 4,000 tokens could all be shown before Stop was clicked.
  const reply = plainReply(STOP_FLOOD_TOKENS, prefix);
  await useScripted(worker, { tokens: reply.tokens, tokenDelayMs: 0 });
  await startStream(panel, 'tacit', { tokens: reply.tokens, tokenDelayMs: 0 }, prefix, false);
  for (let waited = 0; waited < 3000; waited += 50) {
    if ((await shownMarker(panel)) >= 500) break;
    await panel.waitForTimeout(50);
  }
  const stopMs = await panel.evaluate(
    () =>
      new Promise<number>((done) => {
        const started = performance.now();
        new MutationObserver((_, observer) => {
          if (!document.querySelector('[data-testid="ask-answer-stopped"]')) return;
          observer.disconnect();
          done(performance.now() - started);
        }).observe(document.body, { childList: true, subtree: true });
        [...document.querySelectorAll('button')].find((button) => button.textContent === 'Stop')!.click();
      }),
  );
  const atStop = await panel.locator(REPLY).textContent();
  await panel.waitForTimeout(300);
  const textKept = (await panel.locator(REPLY).textContent()) === atStop;
  return { stopMs, textKept };
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
    execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: ROOT, stdio: 'ignore' });
  }
  const chunks = offscreenChunkSizes(join(ROOT, '.output/chrome-mv3'));
  const { context, worker, profile } = await launch();
  try {
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${new URL(worker.url()).host}/sidepanel.html`);
    // tsx keeps function names with a helper the page lacks.
    await panel.evaluate('globalThis.__name = (target) => target');
    await panel.evaluate(installProbe);
    const cdp = await context.newCDPSession(panel);
    await cdp.send('Performance.enable');
    // Warm up both paths: engine host, model "load", JIT.
    for (const pipeline of ['tacit', 'bare'] as const) {
      const prefix = nextPrefix();
      await measureStream(panel, worker, pipeline, plainReply(200, prefix), { tokenDelayMs: 0 }, prefix);
    }

    if (TABLE_ONLY) {
      console.log(JSON.stringify(await measureGrowingTable(panel, worker, cdp)));
      return;
    }

    // Each run is short (a flood lasts under a second) and one pause of the shared machine's can decide its p95: the
    // runs are repeated, bare and Tacit in turn, and the figures are their medians (each run is printed).
    const runs: Record<'flood' | 'paced', Record<Pipeline, StreamRun[]>> = {
      flood: { bare: [], tacit: [] },
      paced: { bare: [], tacit: [] },
    };
    for (const [kind, count] of [
      ['flood', RUNS.flood],
      ['paced', RUNS.paced],
    ] as const) {
      for (let round = 0; round < count; round++) {
        for (const pipeline of ['bare', 'tacit'] as const) {
          await settle(panel, cdp);
          const prefix = nextPrefix();
          const run =
            kind === 'flood'
              ? await measureStream(
                  panel,
                  worker,
                  pipeline,
                  plainReply(SIZES.flood, prefix),
                  { tokenDelayMs: 0 },
                  prefix,
                )
              : await measureStream(
                  panel,
                  worker,
                  pipeline,
                  markdownReply(SIZES.markdown, prefix),
                  { tokensPerSecond: PACED_TOKENS_PER_SECOND },
                  prefix,
                );
          runs[kind][pipeline].push(run);
        }
      }
    }
    const render = {} as Record<Pipeline, { at100: number; atLong: number }>;
    for (const pipeline of ['bare', 'tacit'] as const) {
      render[pipeline] = {
        at100: await measureRenderCost(panel, worker, cdp, pipeline, 100),
        atLong: await measureRenderCost(panel, worker, cdp, pipeline, SIZES.markdown),
      };
    }
    const stop = await measureStop(panel, worker);
    const growingTable = await measureGrowingTable(panel, worker, cdp);
    // The same probe with nothing streaming, for as long as the paced run took: what the machine alone costs.
    await settle(panel, cdp);
    await toOffscreen(panel, 'test/stall-probe-start');
    await panel.waitForTimeout((SIZES.markdown / PACED_TOKENS_PER_SECOND) * 1000);
    const idleStall = await toOffscreen<StallProbeReport>(panel, 'test/stall-probe-stop');
    const chromium = context.browser()?.version() ?? 'unknown';
    await context.close();
    const workerStream = await measureWorkerStream();
    report(
      {
        chromium,
        quick: QUICK,
        sizes: { ...SIZES, pacedTokensPerSecond: PACED_TOKENS_PER_SECOND },
        runs,
        render,
        stop,
        growingTable,
        idleStall,
        chunks,
        workerStream,
      },
      join(ROOT, 'bench-results/pipeline.json'),
    );
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

await main();
