/**
 * Benchmarks reading the open conversation (lib/webmail) on each webmail fixture in real Chromium, and building the
 * draft prompt from it; then replays a sample sequence of task requests through the GPU swap policy.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatSimulation, simulate } from '../lib/offscreen/scheduler/simulate';
import { modelIdForTask, prebuiltRecord } from '../lib/models/registry';
import { memoryNeededMB } from '../lib/models/records';
import type { TaskKind } from '../lib/models/types';
import { buildDraftPrompt } from '../lib/tasks/draft/prompt';
import { DEFAULT_DRAFT_OPTIONS } from '../lib/tasks/draft/options';
import { countModelTokens } from '../lib/tasks/common/model-tokens';
import { withMessageLanguage } from '../lib/tasks/common/message-language';
import type { MailThread, ThreadRead } from '../lib/page/webmail/types';
import { bundleForPage, openBenchBrowser, percentile } from './bench-browser';

const FIXTURES = fileURLToPath(new URL('../tests/fixtures/webmail/', import.meta.url));
const PAGES = ['gmail-thread.html', 'outlook-thread.html', 'proton-thread.html'];
const RUNS = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 20);
const CONTEXT_WINDOW = 4096;

async function readThreads(): Promise<{
  version: string;
  rows: Array<{ page: string; thread: MailThread; times: number[] }>;
}> {
  const [bundle, bench] = await Promise.all([
    bundleForPage('lib/page/webmail/read-open-thread.ts', 'TacitWebmail'),
    openBenchBrowser((name) => (PAGES.includes(name) ? readFileSync(`${FIXTURES}${name}`) : null)),
  ]);
  const { page, origin } = bench;
  try {
    const rows = [];
    for (const name of PAGES) {
      await page.goto(`${origin}/${name}`, { waitUntil: 'load' });
      await page.addScriptTag({ content: bundle });
      const measured = await page.evaluate((runs) => {
        const api = (globalThis as unknown as { TacitWebmail: typeof import('../lib/page/webmail/read-open-thread') })
          .TacitWebmail;
        const times: number[] = [];
        let read: ThreadRead | undefined;
        for (let run = 0; run < runs; run++) {
          const started = performance.now();
          read = api.readOpenThread(document);
          times.push(performance.now() - started);
        }
        return { read: read!, times };
      }, RUNS);
      if (!measured.read.ok) throw new Error(`${name}: ${measured.read.code}`);
      // The background judges the conversation's language once it has left the page.
      rows.push({ page: name, thread: withMessageLanguage(measured.read.thread), times: measured.times });
    }
    return { version: bench.version, rows };
  } finally {
    await bench.close();
  }
}

const { version, rows } = await readThreads();
console.log(`readOpenThread + buildDraftPrompt, ${RUNS} runs per page, in Chromium ${version} (headless)`);
console.log('| page | client | messages | chars | read median ms | read p95 ms | prompt tokens~ | prompt median ms |');
console.log('|---|---|---|---|---|---|---|---|');
for (const { page, thread, times } of rows) {
  const promptTimes: number[] = [];
  let tokens = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const prompt = buildDraftPrompt({
      thread,
      intent: 'Yes, that works for me.',
      options: DEFAULT_DRAFT_OPTIONS,
      uiLanguage: 'en',
      contextWindow: CONTEXT_WINDOW,
    });
    promptTimes.push(performance.now() - started);
    tokens = prompt.messages.reduce((sum, message) => sum + countModelTokens(message.content), 0);
  }
  const chars = thread.messages.reduce((sum, message) => sum + message.text.length, 0);
  console.log(
    `| ${page} | ${thread.client} | ${thread.messages.length} | ${chars} | ${percentile(times, 0.5).toFixed(2)} | ${percentile(times, 0.95).toFixed(2)} | ${tokens} | ${percentile(promptTimes, 0.5).toFixed(2)} |`,
  );
}

// The swap policy on a sample day, with the registry's q4f16 builds and a 3000 MB budget.
const sizes = (task: TaskKind, choice: 'default' | 'light' = 'default') => {
  const modelId = modelIdForTask(task, 'f16', choice);
  const record = prebuiltRecord(modelId);
  return { modelId, sizeMB: record ? memoryNeededMB(record) : 0 };
};
const models = {
  summarize: sizes('summarize'),
  chat: sizes('chat'),
  rewrite: sizes('rewrite'),
  draft: sizes('draft'),
  'draft (light)': sizes('draft', 'light'),
};
const sequence = ['summarize', 'chat', 'draft', 'rewrite', 'draft (light)', 'summarize', 'draft'];
for (const budget of [3000, 4500]) {
  console.log(`\nSwap policy, budget ${budget} MB, sequence: ${sequence.join(' → ')}`);
  console.log(formatSimulation(simulate(sequence, models, budget)));
}
