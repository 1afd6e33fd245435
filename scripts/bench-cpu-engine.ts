/**
 * Benchmarks the CPU engine (llama.cpp in WebAssembly) on the tiny generated GGUF in headless Chromium without WebGPU:
 * tokens a second through Tacit (offscreen engine host → background → side panel, as the panel shows them) against
 * the same model in a plain page with wllama alone, in the same run and with the same threads, alternating the two;
 * and llama.cpp's prompt processing rate. Prints the figures and writes bench-results/cpu-engine.json.
 * Options: --quick (fewer, shorter runs), --no-build (measure the e2e build already in .output).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page, type Worker } from '@playwright/test';
import { buildAskMessages } from '../lib/tasks/ask/run';
import { extensionChromiumArgs } from '../tests/e2e/support/launch';
import { percentile } from './bench-browser';
import { tinyGguf } from './tiny-gguf';

const ROOT = resolve(import.meta.dirname, '..');
const QUICK = process.argv.includes('--quick');
/** Characters (not counting spaces) a measured reply runs to before it is stopped. */
const TARGET_CHARACTERS = QUICK ? 400 : 1500;
const ROUNDS = QUICK ? 2 : 5;
const CONTEXT = 4096;
const MODEL_ID = 'Tiny-Bench-GGUF';
const QUESTION = 'Tell me everything you know about the city library and its plans';
/** A long prompt for prompt processing: about 1,500 tokens of the tiny model's vocabulary. */
const LONG_PROMPT = 'The city council approved the new library on Tuesday after a long meeting. '.repeat(60);

interface ReplyRun {
  /** Characters other than spaces shown per second, from the first shown to the target. */
  charactersPerSecond: number;
  /** Tokens the engine wrote up to the target (plain page only: one streamed chunk is one token). */
  tokens?: number;
  characters: number;
}

/** Serves the plain page (cross-origin isolated, as Tacit's offscreen document is), wllama's files and the model. */
async function startServer(model: Uint8Array): Promise<{ server: Server; origin: string }> {
  const wllama = join(ROOT, 'node_modules/@wllama/wllama/esm');
  const files: Record<string, { body: Uint8Array | string; type: string }> = {
    '/plain.html': { body: '<!doctype html><title>wllama alone</title><div id="out"></div>', type: 'text/html' },
    '/wllama/index.js': { body: readFileSync(join(wllama, 'index.js')), type: 'text/javascript' },
    '/wllama/wllama.wasm': { body: readFileSync(join(wllama, 'wasm/wllama.wasm')), type: 'application/wasm' },
    '/model.gguf': { body: model, type: 'application/octet-stream' },
  };
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://127.0.0.1').pathname];
    response.writeHead(file ? 200 : 404, {
      'content-type': file?.type ?? 'text/plain',
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    response.end(file?.body ?? 'not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Records (time, characters other than spaces) of the element's text at each change, in the page from now on. */
async function watchText(page: Page, selector: string): Promise<void> {
  await page.evaluate((target) => {
    const samples: Array<[number, number]> = [];
    (window as unknown as { benchSamples: Array<[number, number]> }).benchSamples = samples;
    const count = () => (document.querySelector(target)?.textContent ?? '').replace(/\s/g, '').length;
    // A previous reply may still show until the new one replaces it: counting starts once the text is short.
    let armed = false;
    new MutationObserver(() => {
      const characters = count();
      armed ||= characters < 50;
      if (armed && characters > 0 && characters !== samples.at(-1)?.[1]) samples.push([performance.now(), characters]);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }, selector);
}

/** What a reply came to: its rate up to the target, or where it ended (the model's end token) before the target. */
type ReplyOutcome = { charactersPerSecond: number; characters: number } | { endedAt: number };

/**
 * How a page says its reply is over: the panel has no Stop button (Stop goes with the running card); the plain page
 * sets `benchEnded`. Checked in the page (an extension page allows no eval).
 */
type EndedSign = 'no-stop-button' | 'bench-ended';

/**
 * Waits until the watched text reaches the target, and returns its rate from the first shown characters; or, when
 * the page says the reply ended first, where it ended. A reply that neither grows nor ends for 60 s is a stall, and
 * fails the benchmark.
 */
async function rateToTarget(page: Page, endedSign: EndedSign): Promise<ReplyOutcome> {
  return page.evaluate(
    ([target, sign]) =>
      new Promise<ReplyOutcome>((done, fail) => {
        let lastChange = performance.now();
        let lastCount = 0;
        let seenRunning = false;
        const check = () => {
          const samples = (window as unknown as { benchSamples: Array<[number, number]> }).benchSamples;
          const reached = samples.findIndex(([, characters]) => characters >= target);
          if (reached >= 0) {
            const [firstTime, firstCharacters] = samples[0]!;
            const [time, characters] = samples[reached]!;
            return done({
              charactersPerSecond: ((characters - firstCharacters) * 1000) / (time - firstTime),
              characters,
            });
          }
          const count = samples.at(-1)?.[1] ?? 0;
          const running =
            sign === 'bench-ended'
              ? (window as unknown as { benchEnded?: boolean }).benchEnded !== true
              : [...document.querySelectorAll('button')].some((button) => button.textContent === 'Stop');
          // Over once it has been seen running: the panel may take a moment to show the new card's Stop.
          seenRunning ||= running;
          if (seenRunning && !running) return done({ endedAt: count });
          if (count !== lastCount) {
            lastCount = count;
            lastChange = performance.now();
          }
          if (performance.now() - lastChange > 60_000)
            return fail(new Error(`the reply stalled at ${count} characters, still running`));
          setTimeout(check, 20);
        };
        check();
      }),
    [TARGET_CHARACTERS, endedSign] as const,
  );
}

/** A reply that ends before the target (the model wrote its end token) is asked again, this many times at most. */
const TRIES = 3;

/** One reply through Tacit: typed in the panel's Ask box, stopped at the target. */
async function tacitReply(panel: Page): Promise<ReplyRun> {
  await panel.bringToFront();
  for (let attempt = 1; ; attempt++) {
    await watchText(panel, '[data-testid="ask-answer"]');
    await panel.getByLabel('Ask Tacit').fill(QUESTION);
    await panel.getByRole('button', { name: 'Send' }).click();
    const outcome = await rateToTarget(panel, 'no-stop-button');
    if ('endedAt' in outcome) {
      if (attempt === TRIES) throw new Error(`${TRIES} replies through Tacit ended before the target`);
      process.stderr.write(`A reply through Tacit ended at ${outcome.endedAt} characters; asking again.\n`);
      await panel.getByRole('button', { name: 'Send' }).waitFor({ state: 'visible' });
      continue;
    }
    await panel.getByRole('button', { name: 'Stop' }).click();
    await panel.getByRole('button', { name: 'Send' }).waitFor({ state: 'visible' });
    await panel.waitForFunction(() => !!document.querySelector('[data-testid="ask-answer-stopped"]'));
    return outcome;
  }
}

/** Loads wllama in the plain page with Tacit's settings (no CDN, CPU only, the same threads and context). */
async function loadPlain(page: Page, origin: string, threads: number): Promise<{ threads: number; isolated: boolean }> {
  await page.goto(`${origin}/plain.html`);
  await page.evaluate('globalThis.__name = (target) => target');
  return page.evaluate(
    async ([base, nThreads, nCtx]) => {
      const { Wllama } = (await import(`${base}/wllama/index.js`)) as typeof import('@wllama/wllama');
      const quiet = () => undefined;
      const wllama = new Wllama(
        { default: `${base}/wllama/wllama.wasm` },
        { suppressNativeLog: true, logger: { debug: quiet, log: quiet, warn: quiet, error: quiet } },
      );
      wllama.setCompat(null);
      const model = await (await fetch(`${base}/model.gguf`)).blob();
      await wllama.loadModel([model], { n_ctx: nCtx, n_threads: nThreads, n_gpu_layers: 0 });
      (window as unknown as { wllama: typeof wllama }).wllama = wllama;
      return { threads: wllama.getNumThreads(), isolated: crossOriginIsolated };
    },
    [origin, threads, CONTEXT] as const,
  );
}

/** One reply with wllama alone: the same messages, each chunk appended to the page as it comes, stopped at the target. */
async function plainReply(page: Page): Promise<ReplyRun> {
  await page.bringToFront();
  for (let attempt = 1; ; attempt++) {
    const run = await plainReplyOnce(page);
    if (run) return run;
    if (attempt === TRIES) throw new Error(`${TRIES} replies with wllama alone ended before the target`);
    process.stderr.write('A reply with wllama alone ended before the target; asking again.\n');
  }
}

async function plainReplyOnce(page: Page): Promise<ReplyRun | undefined> {
  await page.evaluate(() => (document.querySelector('#out')!.textContent = ''));
  await watchText(page, '#out');
  await page.evaluate((messages) => {
    const state = window as unknown as {
      wllama: import('@wllama/wllama').Wllama;
      benchTokens: number;
      benchAbort: AbortController;
      benchDone: Promise<void>;
      benchEnded: boolean;
    };
    const out = document.querySelector('#out')!;
    state.benchTokens = 0;
    state.benchEnded = false;
    state.benchAbort = new AbortController();
    state.benchDone = (async () => {
      try {
        const chunks = await state.wllama.createChatCompletion({
          messages,
          stream: true,
          abortSignal: state.benchAbort.signal,
        });
        for await (const chunk of chunks) {
          if (state.benchAbort.signal.aborted) continue;
          const text = chunk.choices[0]?.delta?.content;
          if (!text) continue;
          state.benchTokens++;
          out.append(text);
        }
      } catch {
        // The abort at the target ends the stream with wllama's AbortError.
      } finally {
        state.benchEnded = true;
      }
    })();
  }, buildAskMessages(QUESTION));
  const rate = await rateToTarget(page, 'bench-ended');
  if ('endedAt' in rate) return undefined;
  const tokens = await page.evaluate(async () => {
    const state = window as unknown as { benchTokens: number; benchAbort: AbortController; benchDone: Promise<void> };
    const tokens = state.benchTokens;
    state.benchAbort.abort();
    await state.benchDone;
    return tokens;
  });
  return { ...rate, tokens };
}

/** llama.cpp's own prompt processing rate on a long prompt, with nothing cached. */
async function prefillTokensPerSecond(page: Page): Promise<{ tokensPerSecond: number; promptTokens: number }> {
  return page.evaluate(async (prompt) => {
    const { wllama } = window as unknown as { wllama: import('@wllama/wllama').Wllama };
    // A prompt no earlier call began with, so nothing of it is cached.
    const result = await wllama.createCompletion({ prompt, max_tokens: 1 });
    return { tokensPerSecond: result.timings?.prompt_per_second ?? NaN, promptTokens: result.timings?.prompt_n ?? 0 };
  }, LONG_PROMPT);
}

async function engineStatus(worker: Worker): Promise<{ cpuThreads?: number; crossOriginIsolated?: boolean }> {
  return worker.evaluate(() =>
    chrome.runtime.sendMessage({ tacit: 1, to: 'offscreen', type: 'engine/status', payload: {} }),
  );
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build'))
    execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: ROOT, stdio: 'ignore' });
  const { server, origin } = await startServer(tinyGguf({ endBias: -30, lettersOnly: true, name: MODEL_ID }));
  const extension = join(ROOT, '.output/chrome-mv3-e2e');
  const profile = mkdtempSync(join(tmpdir(), 'tacit-bench-cpu-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.TACIT_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // No --enable-unsafe-webgpu: no adapter, so the CPU engine is the only one, as on most machines it is for.
    args: extensionChromiumArgs(extension, { webgpu: false }),
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const record = {
      format: 'gguf',
      model_id: MODEL_ID,
      model: `${origin}/model.gguf`,
      ram_required_MB: 64,
      overrides: { context_window_size: CONTEXT },
    };
    await worker.evaluate((items) => chrome.storage.local.set(items), {
      customModels: [record],
      taskModels: { chat: MODEL_ID },
      engineIdleMs: 600_000,
    });
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${new URL(worker.url()).host}/sidepanel.html`);
    // tsx keeps function names with a helper the page lacks.
    await panel.evaluate('globalThis.__name = (target) => target');
    // Warm-up: download, load, JIT; then the threads the engine host chose are what the plain page gets.
    await tacitReply(panel);
    const status = await engineStatus(worker);
    const threads = status.cpuThreads ?? 1;
    const plainPage = await context.newPage();
    const plain = await loadPlain(plainPage, origin, threads);
    if (plain.threads !== threads) throw new Error(`the plain page runs ${plain.threads} threads, Tacit ${threads}`);
    await plainReply(plainPage);

    const tacitRuns: ReplyRun[] = [];
    const plainRuns: ReplyRun[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      tacitRuns.push(await tacitReply(panel));
      plainRuns.push(await plainReply(plainPage));
    }
    const prefill = await prefillTokensPerSecond(plainPage);
    const tacitRate = percentile(
      tacitRuns.map((run) => run.charactersPerSecond),
      0.5,
    );
    const plainRate = percentile(
      plainRuns.map((run) => run.charactersPerSecond),
      0.5,
    );
    const tokensPerCharacter =
      plainRuns.reduce((sum, run) => sum + (run.tokens ?? 0), 0) /
      plainRuns.reduce((sum, run) => sum + run.characters, 0);
    const figures = {
      pipelineRatio: round(tacitRate / plainRate, 3),
      decodeTokensPerSecond: round(tacitRate * tokensPerCharacter, 1),
      prefillTokensPerSecond: round(prefill.tokensPerSecond, 1),
      threads,
      plainDecodeTokensPerSecond: round(plainRate * tokensPerCharacter, 1),
      crossOriginIsolated: { offscreen: status.crossOriginIsolated ?? false, plainPage: plain.isolated },
      promptTokens: prefill.promptTokens,
      charactersPerRun: TARGET_CHARACTERS,
      rounds: ROUNDS,
      runs: { tacit: tacitRuns, plain: plainRuns },
      chromium: context.browser()?.version() ?? 'unknown',
      quick: QUICK,
    };
    const out = join(ROOT, 'bench-results/cpu-engine.json');
    mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
    writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);
    process.stdout.write(
      [
        'CPU engine (llama.cpp in WebAssembly), tiny GGUF, no WebGPU',
        `  threads ${threads} (offscreen cross-origin isolated: ${figures.crossOriginIsolated.offscreen})`,
        `  decode through Tacit   ${figures.decodeTokensPerSecond} tokens/s`,
        `  decode, wllama alone   ${figures.plainDecodeTokensPerSecond} tokens/s`,
        `  pipeline ratio         ${figures.pipelineRatio} (target ≥ 0.95)`,
        `  prompt processing      ${figures.prefillTokensPerSecond} tokens/s (${prefill.promptTokens} tokens)`,
        `  written to ${out}`,
        '',
      ].join('\n'),
    );
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

await main();
