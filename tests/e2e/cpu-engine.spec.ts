/**
 * The real CPU engine (llama.cpp in WebAssembly) in Chromium without WebGPU, on a tiny generated GGUF model served from
 * 127.0.0.1: its words are random, so these tests check behaviour (download, streaming, Stop, idle unload, offline).
 */
import type { Page } from '@playwright/test';
import { expect, invokeTrigger, offscreenDocumentCount, setStorage, tabOf, test } from './support/extension-test';
import { openOptions } from './support/options-page';
import { recordStatusLines } from './support/status-lines';
import { serveTinyModel } from './support/tiny-model';

test.use({ webgpu: false });

const ARTICLE = `<!doctype html><html lang="en"><head><title>Library plan approved</title></head><body><main><article>
<h1>Library plan approved</h1>
<p>The city council approved the new library on Tuesday. Many people came to the meeting and said what they think
about the plan. The mayor said the building will open next year, and that a report on the cost will follow.</p>
</article></main></body></html>`;

/** Every distinct length the element's text (or a field's value) had, sampled each frame in the panel from now on. */
async function sampleTextLengths(panel: Page, testId: string): Promise<() => Promise<number[]>> {
  await panel.evaluate((id) => {
    const seen: number[] = [];
    (window as unknown as { textLengths: number[] }).textLengths = seen;
    const sample = () => {
      const element = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
      const length =
        element instanceof HTMLTextAreaElement ? element.value.length : (element?.textContent?.length ?? 0);
      if (length > 0 && seen.at(-1) !== length) seen.push(length);
      requestAnimationFrame(sample);
    };
    sample();
  }, testId);
  return () => panel.evaluate(() => (window as unknown as { textLengths: number[] }).textLengths);
}

/**
 * The tiny model's words are random: now and then its first token ends the reply. Such an empty summary is
 * regenerated once (the model is loaded by then); two in a row would be a fault.
 */
async function regenerateIfEmpty(panel: Page): Promise<void> {
  if (!(await panel.getByTestId('summary').textContent())?.trim()) {
    await panel.getByRole('button', { name: 'Regenerate' }).click();
    await expect(panel.getByTestId('summary')).not.toHaveText(/^\s*$/, { timeout: 90_000 });
    await expect(panel.getByRole('button', { name: 'Regenerate' })).toBeEnabled({ timeout: 90_000 });
  }
  expect((await panel.getByTestId('summary').textContent())?.trim().length).toBeGreaterThan(0);
}

async function engineStatus(worker: import('@playwright/test').Worker) {
  return worker.evaluate(() =>
    chrome.runtime.sendMessage({ tacit: 1, to: 'offscreen', type: 'engine/status', payload: {} }),
  );
}

test('without WebGPU, a summary runs on llama.cpp on the CPU: download with progress, streaming, Stop, unload at idle, offline reload', async ({
  context,
  extensionId,
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  test.setTimeout(180_000);
  const summary = serveTinyModel(files, 'Tiny-Summary-GGUF', true);
  const endless = serveTinyModel(files, 'Tiny-Endless-GGUF', false);
  await setStorage(serviceWorker, {
    customModels: [summary.record, endless.record],
    taskModels: { summarize: summary.record.model_id, chat: endless.record.model_id },
    engineIdleMs: 4000,
  });
  // Options, open in a tab of its own, shows what the panel's task stores, without a reload.
  const options = await openOptions(await context.newPage(), extensionId);
  const stored = options.locator(`li[data-model="${summary.record.model_id}"]`).getByTestId('download-status');
  await expect(stored).toHaveText('Not downloaded');
  await webPage.goto(files.serve('/generated/library.html', ARTICLE));
  const panel = await openDetachedPanel();
  const statusLines = await recordStatusLines(panel);

  // Stop: a reply that would run to its token limit ends within 200 ms and writes nothing more.
  await panel.getByLabel('Ask Tacit').fill('Tell me everything about the library');
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect
    .poll(async () => (await panel.getByTestId('ask-answer').textContent())?.length ?? 0, { timeout: 60_000 })
    .toBeGreaterThan(20);
  const elapsed = await panel.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const started = performance.now();
        new MutationObserver((_, observer) => {
          if (document.querySelector('[data-testid="ask-answer-stopped"]')) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        }).observe(document.body, { childList: true, subtree: true });
        (
          Array.from(document.querySelectorAll('button')).find((b) => b.textContent === 'Stop') as HTMLButtonElement
        ).click();
      }),
  );
  expect(elapsed).toBeLessThan(200);
  const textAtStop = await panel.getByTestId('ask-answer').textContent();
  await panel.waitForTimeout(500);
  expect(await panel.getByTestId('ask-answer').textContent()).toBe(textAtStop);

  await panel.getByRole('button', { name: 'Summarize this page' }).click();
  await expect(panel.getByRole('button', { name: 'Regenerate' })).toBeEnabled({ timeout: 90_000 });
  await regenerateIfEmpty(panel);
  const lines = await statusLines();
  // The download showed its bytes, then the model wrote on the CPU, saying why (a GGUF model was picked) and how fast.
  expect(
    lines.some((line) => /^Loading Tiny-Summary-GGUF: \d+% \(.+ of .+\)/.test(line)),
    lines.join('\n'),
  ).toBe(true);
  expect(lines).toContainEqual(
    expect.stringMatching(
      /^Writing on the CPU with Tiny-Summary-GGUF, about \d+ tokens a second \(as chosen in Options\)/,
    ),
  );
  expect(files.log.filter((entry) => entry === `GET ${summary.path}`)).toHaveLength(1);
  await expect(stored).toHaveText(/^Downloaded: \d+ KB on disk$/);
  // The offscreen document is cross-origin isolated, so llama.cpp uses threads there: half the cores, at least one.
  const cores = await serviceWorker.evaluate(() => navigator.hardwareConcurrency);
  expect(await engineStatus(serviceWorker)).toMatchObject({
    engine: 'wllama',
    crossOriginIsolated: true,
    cpuThreads: Math.max(1, Math.floor(cores / 2)),
    onCpu: [endless.record.model_id, summary.record.model_id],
  });

  // Idle: the host unloads both models (ending each model's worker frees llama.cpp's own), then asks to be closed.
  await expect.poll(() => offscreenDocumentCount(serviceWorker), { timeout: 30_000 }).toBe(0);

  // Offline: the stored model loads again without a single request.
  const requestsBefore = files.log.length;
  const summaryBefore = await panel.getByTestId('summary').textContent();
  await panel.getByRole('button', { name: 'Regenerate' }).click();
  // A new summary replaces the old one (its random words differ); Regenerate comes back once it is done.
  await expect(panel.getByTestId('summary')).not.toHaveText(summaryBefore ?? '', { timeout: 90_000 });
  await expect(panel.getByRole('button', { name: 'Regenerate' })).toBeEnabled({ timeout: 90_000 });
  await regenerateIfEmpty(panel);
  expect(files.log.slice(requestsBefore)).toEqual([]);
});

test('Options adds a GGUF model for the CPU, downloads it with progress, resumes a cut download where it stopped, and deletes it', async ({
  context,
  extensionId,
  files,
}) => {
  const tiny = serveTinyModel(files, 'Tiny-Options-GGUF', true);
  const options = await openOptions(await context.newPage(), extensionId);
  const form = options.locator('form', { has: options.getByRole('button', { name: 'Add model' }) });
  await form.getByLabel('Kind of model').selectOption('gguf');
  await form.getByLabel('Model id').fill(tiny.record.model_id);
  await form.getByLabel('GGUF file URL').fill(`${files.origin}/models/tiny.bin`);
  await form.getByLabel('Memory needed on the CPU (MB)').fill('64');
  await form.getByRole('button', { name: 'Add model' }).click();
  await expect(options.getByTestId('custom-model-issues').locator('li[data-code="not-gguf"]')).toBeVisible();
  await form.getByLabel('GGUF file URL').fill(tiny.record.model);
  await form.getByRole('button', { name: 'Add model' }).click();
  await expect(options.getByTestId('custom-models')).toContainText(tiny.record.model_id);

  const task = options.locator('[data-task-model="summarize"]');
  await task.getByLabel('Page summaries').selectOption(tiny.record.model_id);
  await expect(task.getByTestId('task-engine-outcome')).toHaveText(
    /^Runs on the CPU here: Tiny-Options-GGUF, about \d+ tokens a second \(as chosen in Options\)\.$/,
  );

  // The connection drops after 300 kB; what arrived stays stored.
  files.cutOnce(tiny.path, 300_000, 500);
  const row = options.locator(`li[data-model="${tiny.record.model_id}"]`);
  await row.getByRole('button', { name: 'Download for offline use' }).click();
  await expect(row.getByTestId('download-error')).toHaveText(/could not be reached/);
  await expect(row.getByTestId('download-status')).toHaveText(/^Partly downloaded: 29\d KB on disk$/);
  await row.getByRole('button', { name: 'Resume download' }).click();
  await expect(row.getByTestId('download-status')).toHaveText(/^Downloaded: 6\d\d KB on disk$/);
  await expect(task.getByTestId('download-status')).toHaveText(/^Downloaded/);
  // The second attempt asked only for the rest of the file.
  expect(files.log.filter((line) => line.includes(tiny.path))).toEqual([
    `GET ${tiny.path}`,
    `GET ${tiny.path}`,
    `RANGE ${tiny.path} 300000`,
  ]);

  await row.getByRole('button', { name: 'Delete' }).click();
  await expect(row.getByTestId('download-status')).toHaveText('Not downloaded');
});

test('Options says where each task runs, and the user can keep a task on either engine', async ({
  context,
  extensionId,
}) => {
  const options = await openOptions(await context.newPage(), extensionId);
  const summarize = options.locator('[data-task-model="summarize"]');
  // No WebGPU here: automatic means the CPU, with the GGUF build of the task's model.
  await expect(summarize.getByTestId('task-engine-outcome')).toHaveText(
    /^Runs on the CPU here: Qwen2\.5 1\.5B Instruct \(GGUF Q4_K_M\), about \d+ tokens a second \(no usable GPU here\)\.$/,
  );
  await summarize.getByLabel('Engine').selectOption('gpu');
  await expect(summarize.getByTestId('task-engine-outcome')).toHaveText(/^Cannot run here: Tacit needs WebGPU/);
  await summarize.getByLabel('Engine').selectOption('cpu');
  await expect(summarize.getByTestId('task-engine-outcome')).toHaveText(/\(as chosen in Options\)\.$/);
  await expect(options.getByTestId('ram-budget')).toHaveText(
    /^Tacit keeps at most \d+ MB of CPU models loaded at once/,
  );
});

test('without WebGPU, a rewrite and a reply draft run on llama.cpp on the CPU, streaming into the panel', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  test.setTimeout(120_000);
  // A model that never ends its reply: each runs to its task's token limit (a draft's is 400), long enough to reach
  // the panel in several batches. One that ends early could write a whole short draft between two frames.
  const tiny = serveTinyModel(files, 'Tiny-Writer-GGUF', false);
  await setStorage(serviceWorker, {
    customModels: [tiny.record],
    taskModels: { rewrite: tiny.record.model_id, draft: tiny.record.model_id },
  });

  // Rewrite: the selection in a textarea, from the context menu's registered handler.
  await webPage.goto(`${files.origin}/editing/textarea.html`);
  const panel = await openDetachedPanel();
  await webPage.evaluate(() => {
    const field = document.querySelector<HTMLTextAreaElement>('#message')!;
    const start = field.value.indexOf('pls fix asap');
    field.focus();
    field.setSelectionRange(start, start + 'pls fix asap'.length);
  });
  const rewriteLengths = await sampleTextLengths(panel, 'rewrite-result');
  await invokeTrigger(
    serviceWorker,
    'onMenuClicked',
    {
      menuItemId: 'tacit-rewrite-formal',
      parentMenuItemId: 'tacit-rewrite',
      editable: true,
      selectionText: 'pls fix asap',
      frameId: 0,
      pageUrl: webPage.url(),
    },
    await tabOf(serviceWorker, webPage.url()),
  );
  await expect(panel.getByTestId('rewrite-original')).toHaveText('pls fix asap');
  await expect(panel.getByRole('button', { name: 'Replace' })).toBeEnabled({ timeout: 60_000 });
  const rewritten = (await panel.getByTestId('rewrite-result').textContent()) ?? '';
  expect(rewritten.trim().length).toBeGreaterThan(0);
  // The text grew in the panel while the model wrote it, token batch by token batch.
  expect((await rewriteLengths()).length).toBeGreaterThan(1);
  await panel.getByRole('button', { name: 'Replace' }).click();
  await expect(panel.getByTestId('rewrite-applied')).toHaveText(/^Replaced\./);
  expect(await webPage.inputValue('#message')).toContain(rewritten.trim());

  // A reply draft from an open Gmail conversation.
  await webPage.goto(`${files.origin}/webmail/gmail-thread.html`);
  await panel.getByRole('tab', { name: 'Reply to email' }).click();
  const draftLengths = await sampleTextLengths(panel, 'draft-text');
  await panel.getByLabel('What do you want to say?').fill('yes, book it');
  await panel.getByRole('button', { name: /^Draft (reply|again)$/ }).click();
  await expect(panel.getByRole('button', { name: 'Insert into reply' })).toBeEnabled({ timeout: 60_000 });
  expect((await panel.getByTestId('draft-text').inputValue()).trim().length).toBeGreaterThan(0);
  await expect(panel.getByTestId('draft-source')).toContainText('Gmail · 3 messages read');
  expect((await draftLengths()).length).toBeGreaterThan(1);
  expect(files.log.filter((entry) => entry === `GET ${tiny.path}`)).toHaveLength(1);
  expect(await engineStatus(serviceWorker)).toMatchObject({ engine: 'wllama', onCpu: [tiny.record.model_id] });
});
