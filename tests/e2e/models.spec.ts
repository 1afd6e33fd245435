import { expect, residencyLog, scriptedEngineLog, setStorage, test, useScriptedEngine } from './support/extension-test';
import { serveFakeModel } from './support/fake-model';
import { addModel, openOptions } from './support/options-page';

test('a model record is validated, downloaded with progress, resumed after a cut without refetching, and deleted', async ({
  context,
  extensionId,
  files,
}) => {
  const model = serveFakeModel(files);
  const options = await openOptions(await context.newPage(), extensionId);

  // Bad input gets specific messages and stores nothing.
  const form = options.locator('form', { has: options.getByRole('button', { name: 'Add model' }) });
  await form.getByLabel('Model id').fill('bad id!');
  await form.getByLabel('Weights URL').fill('http://models.example.org/x');
  await form.getByLabel('Model library URL (.wasm)').fill('javascript:alert(1)');
  await form.getByLabel('GPU memory needed (MB)').fill('-5');
  await form.getByRole('button', { name: 'Add model' }).click();
  const issues = options.getByTestId('custom-model-issues');
  await expect(issues.locator('li[data-code="bad-charset"]')).toBeVisible();
  await expect(issues.locator('li[data-code="remote-http"]')).toBeVisible();
  await expect(issues.locator('li[data-code="bad-scheme"]')).toBeVisible();
  await expect(issues.locator('li[data-code="out-of-range"]')).toBeVisible();
  await expect(options.getByTestId('custom-models')).toHaveCount(0);

  await addModel(options, model);
  const row = options.locator(`li[data-model="${model.modelId}"]`);
  await expect(row.getByTestId('download-status')).toHaveText('Not downloaded');

  // The connection drops halfway through the second shard.
  files.cutOnce(model.shardPaths[1]!, 1024 * 1024);
  await row.getByRole('button', { name: 'Download for offline use' }).click();
  await expect(row.getByTestId('download-error')).toHaveText(/could not be reached/);
  await expect(row.getByRole('button', { name: 'Resume download' })).toBeVisible();
  await expect(row.getByTestId('download-status')).toHaveText(/^Partly downloaded/);
  const firstAttempt = [...files.log];
  // What the first attempt stored completely (shards download in parallel, so which ones finished varies).
  const storedPaths = await options.evaluate(async () => {
    const paths: string[] = [];
    for (const scope of ['webllm/config', 'webllm/model', 'webllm/wasm']) {
      for (const request of await (await caches.open(scope)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
  expect(storedPaths).toContain(model.paths[0]); // the config, fetched before any shard
  expect(storedPaths).not.toContain(model.shardPaths[1]); // the cut shard left no partial entry

  // Watch the status while the second attempt runs.
  await options.evaluate((id) => {
    const seen: string[] = [];
    (window as unknown as { statuses: string[] }).statuses = seen;
    const status = document.querySelector(`li[data-model="${id}"] [data-testid="download-status"]`)!;
    new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  }, model.modelId);
  await row.getByRole('button', { name: 'Resume download' }).click();
  await expect(row.getByTestId('download-status')).toHaveText('Downloaded: 6 MB on disk');
  const statuses = await options.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
  expect(statuses).toContain('100% — 6 MB of 6 MB');

  // The second attempt fetched exactly what was missing, and nothing the first one had stored.
  const secondAttempt = files.log.slice(firstAttempt.length).filter((line) => line.startsWith('GET /models/'));
  const missing = model.paths.filter((path) => !storedPaths.includes(path));
  expect([...secondAttempt].sort()).toEqual(missing.map((path) => `GET ${path}`).sort());
  expect(firstAttempt.filter((line) => line.startsWith('GET /models/'))).toContain(`GET ${model.shardPaths[1]}`);

  await row.getByRole('button', { name: 'Delete' }).click();
  await expect(row.getByTestId('download-status')).toHaveText('Not downloaded');
  expect(await options.evaluate(async () => (await (await caches.open('webllm/model')).keys()).length)).toBe(0);
});

test('Options assigns a custom model to a task, and the next task runs on it', async ({
  context,
  extensionId,
  files,
  openPanel,
  serviceWorker,
}) => {
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 2 });
  const model = serveFakeModel(files, 'Custom-Chat-q4f32_1-MLC');
  const options = await openOptions(await context.newPage(), extensionId);
  await addModel(options, model);
  await options.getByLabel('Questions about a page').selectOption(model.modelId);
  await expect
    .poll(() => serviceWorker.evaluate(() => chrome.storage.local.get('taskModels')))
    .toEqual({ taskModels: { chat: model.modelId } });

  const panel = await openPanel();
  await panel.getByLabel('Ask Tacit').fill('Which model are you?');
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(panel.getByTestId('ask-answer')).toContainText('Scripted reply');
  const [request] = await scriptedEngineLog(serviceWorker);
  expect(request!.modelId).toBe(model.modelId);
});

test('models are swapped within the GPU budget, least recently used first', async ({ openPanel, serviceWorker }) => {
  // A 2500 MB budget holds Qwen 1.5B (1889 MB) or Qwen 0.5B (1060 MB) but not both: each switch evicts the other.
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 1, tokenCount: 3 }, 2500);
  const panel = await openPanel();
  const ask = async (prompt: string) => {
    await panel.getByLabel('Ask Tacit').fill(prompt);
    await panel.getByRole('button', { name: 'Send' }).click();
    await expect(panel.getByTestId('ask-answer')).toContainText(`Scripted reply about: ${prompt}`);
  };
  await ask('first');
  await setStorage(serviceWorker, { taskModels: { chat: 'light' } });
  await ask('second');
  await setStorage(serviceWorker, { taskModels: { chat: 'default' } });
  await ask('third');
  expect(await residencyLog(serviceWorker)).toEqual([
    { event: 'load', modelId: 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC' },
    { event: 'unload', modelId: 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC' },
    { event: 'load', modelId: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC' },
    { event: 'unload', modelId: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC' },
    { event: 'load', modelId: 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC' },
  ]);
});

test('with room for both, the second model joins the first and the first is reused without reloading', async ({
  openPanel,
  serviceWorker,
}) => {
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 1, tokenCount: 3 }, 4000);
  const panel = await openPanel();
  for (const [prompt, choice] of [
    ['one', 'default'],
    ['two', 'light'],
    ['three', 'default'],
  ] as const) {
    await setStorage(serviceWorker, { taskModels: { chat: choice } });
    await panel.getByLabel('Ask Tacit').fill(prompt);
    await panel.getByRole('button', { name: 'Send' }).click();
    await expect(panel.getByTestId('ask-answer')).toContainText(`Scripted reply about: ${prompt}`);
  }
  expect(await residencyLog(serviceWorker)).toEqual([
    { event: 'load', modelId: 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC' },
    { event: 'load', modelId: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC' },
  ]);
  await expect(panel.getByTestId('engine-status')).toHaveText(
    'Models loaded: Qwen2.5 1.5B Instruct, Qwen2.5 0.5B Instruct',
  );
});

test('a second panel waits its turn and shows its place in the queue', async ({ openPanel, serviceWorker }) => {
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 30, tokenCount: 60 });
  const first = await openPanel();
  const second = await openPanel();
  await first.getByLabel('Ask Tacit').fill('long one');
  await first.getByRole('button', { name: 'Send' }).click();
  await expect(first.getByTestId('ask-answer')).toContainText('token1');
  await second.getByLabel('Ask Tacit').fill('short one');
  await second.getByRole('button', { name: 'Send' }).click();
  await expect(second.getByTestId('engine-status')).toHaveText('Waiting for the engine (position 1)');
  await expect(second.getByTestId('ask-answer')).toContainText('Scripted reply about: short one', { timeout: 15_000 });
  await expect(first.getByTestId('ask-answer')).toContainText('token50');
});

test('deleting one model keeps the others; "Delete all models" clears every stored model', async ({
  context,
  extensionId,
  files,
}) => {
  const first = serveFakeModel(files, 'First-Model-q4f32_1-MLC');
  const second = serveFakeModel(files, 'Second-Model-q4f32_1-MLC');
  const options = await openOptions(await context.newPage(), extensionId);
  await addModel(options, first);
  await addModel(options, second);
  for (const model of [first, second]) {
    const row = options.locator(`li[data-model="${model.modelId}"]`);
    await row.getByRole('button', { name: 'Download for offline use' }).click();
    await expect(row.getByTestId('download-status')).toHaveText('Downloaded: 6 MB on disk');
  }
  const firstRow = options.locator(`li[data-model="${first.modelId}"]`);
  const secondRow = options.locator(`li[data-model="${second.modelId}"]`);
  await firstRow.getByRole('button', { name: 'Delete' }).click();
  await expect(firstRow.getByTestId('download-status')).toHaveText('Not downloaded');
  await expect(secondRow.getByTestId('download-status')).toHaveText('Downloaded: 6 MB on disk');

  await options.getByRole('button', { name: 'Delete all models' }).click();
  await expect(secondRow.getByTestId('download-status')).toHaveText('Not downloaded');
  const entries = await options.evaluate(async () => {
    let count = 0;
    for (const name of await caches.keys())
      if (name.startsWith('webllm/')) count += (await (await caches.open(name)).keys()).length;
    return count;
  });
  expect(entries).toBe(0);
});

test('Options validates the mirror address and the GPU budget before saving them', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const options = await openOptions(await context.newPage(), extensionId);
  const stored = (key: string) =>
    serviceWorker.evaluate(async (name) => (await chrome.storage.local.get(name))[name], key);

  const mirror = options.getByLabel('Mirror base URL (empty for the default hosts)');
  await mirror.fill('http://models.example.org');
  await options.locator('form', { has: mirror }).getByRole('button', { name: 'Save' }).click();
  await expect(options.getByTestId('mirror-message')).toHaveText(/^This is not a usable mirror address/);
  await expect(mirror).toHaveValue('http://models.example.org');
  expect(await stored('modelMirrorUrl')).toBeUndefined();
  await mirror.fill('http://127.0.0.1:8080/models/');
  await options.locator('form', { has: mirror }).getByRole('button', { name: 'Save' }).click();
  await expect(options.getByTestId('mirror-message')).toHaveText('Saved.');
  expect(await stored('modelMirrorUrl')).toBe('http://127.0.0.1:8080/models');

  const budget = options.getByLabel('GPU memory budget in MB (empty to estimate)');
  await expect(options.getByTestId('gpu-budget')).toHaveText(
    'Tacit keeps at most 1200 MB of models loaded at once (estimated from this GPU).',
  );
  await budget.fill('lots');
  await options.locator('form', { has: budget }).getByRole('button', { name: 'Save' }).click();
  await expect(options.getByTestId('budget-message')).toHaveText('Enter a whole number of MB between 256 and 65536.');
  await budget.fill('6144');
  await options.locator('form', { has: budget }).getByRole('button', { name: 'Save' }).click();
  await expect(options.getByTestId('gpu-budget')).toHaveText(
    'Tacit keeps at most 6144 MB of models loaded at once (your setting).',
  );
  expect(await stored('gpuBudgetMB')).toBe(6144);
});

test('each task offers its own model for offline use, with progress, right under its choice', async ({
  context,
  extensionId,
  files,
}) => {
  const model = serveFakeModel(files, 'Reply-Model-q4f32_1-MLC');
  const options = await openOptions(await context.newPage(), extensionId);
  await addModel(options, model);
  const task = options.locator('[data-task-model="draft"]');
  await task.getByLabel('Email replies').selectOption(model.modelId);
  await expect(task.getByTestId('download-status')).toHaveText('Not downloaded');
  await task.getByRole('button', { name: 'Download for offline use' }).click();
  await expect(task.getByTestId('download-status')).toHaveText('Downloaded: 6 MB on disk', { timeout: 30_000 });
  // The same model's row in the downloads list agrees, and the other tasks' models are untouched.
  await expect(options.locator(`li[data-model="${model.modelId}"]`).getByTestId('download-status')).toHaveText(
    /^Downloaded/,
  );
  await expect(options.locator('[data-task-model="summarize"]').getByTestId('download-status')).toHaveText(
    'Not downloaded',
  );
});

test('Options marks every model as fitting the GPU budget or not, preselects the lighter ones on a small budget, and clips nothing at 360 px', async ({
  context,
  extensionId,
  openPanel,
  serviceWorker,
}) => {
  // 1,500 MB: the 1.5B and 3B defaults (1.9 and 2.9 GB) do not fit, their lighter models do.
  await serviceWorker.evaluate(() => chrome.storage.local.set({ gpuBudgetMB: 1500 }));
  const page = await context.newPage();
  await page.setViewportSize({ width: 360, height: 900 });
  const options = await openOptions(page, extensionId);

  for (const [task, label] of [
    ['summarize', 'Page summaries'],
    ['draft', 'Email replies'],
  ] as const) {
    const row = options.locator(`[data-task-model="${task}"]`);
    await expect(row.getByLabel(label)).toHaveValue('light');
    await expect(row.getByTestId('model-fit')).toHaveAttribute('data-fits', 'true');
    await expect(row.getByRole('option', { name: /^Default: .* \(too large\)$/ })).toHaveCount(1);
  }
  const fit = (modelId: string) => options.locator(`li[data-model="${modelId}"]`).getByTestId('model-fit');
  await expect(fit('Qwen2.5-1.5B-Instruct-q4f32_1-MLC')).toContainText('Too large for the GPU budget');
  await expect(fit('Llama-3.2-3B-Instruct-q4f32_1-MLC')).toContainText('Too large for the GPU budget');
  await expect(fit('Qwen2.5-0.5B-Instruct-q4f32_1-MLC')).toContainText('Fits the GPU budget');
  await expect(fit('Llama-3.2-1B-Instruct-q4f32_1-MLC')).toContainText('Fits the GPU budget');
  await expect(options.getByRole('button', { name: 'Delete all models' })).toBeDisabled();
  await expect(options.getByText('No models are stored yet.')).toBeVisible();

  // Nothing is cut off: no sideways scrolling, no button or select narrower than its words.
  const clipped = await options.evaluate(() => {
    const measure = document.createElement('span');
    measure.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
    document.body.append(measure);
    const cut: string[] = [];
    for (const select of document.querySelectorAll('select')) {
      measure.style.font = getComputedStyle(select).font;
      measure.textContent = select.selectedOptions[0]?.textContent ?? '';
      // The arrow and the padding take about 32 px.
      if (measure.offsetWidth > select.clientWidth - 32) cut.push(`select: ${measure.textContent}`);
    }
    for (const label of document.querySelectorAll('button span')) {
      if (label.scrollWidth > label.clientWidth + 1) cut.push(`button: ${label.textContent}`);
    }
    if (document.documentElement.scrollWidth > window.innerWidth) cut.push('page scrolls sideways');
    return cut;
  });
  expect(clipped).toEqual([]);
  // The lighter choice is what a task really runs on, without the user picking it.
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 1, tokenCount: 3 }, 1500);
  const panel = await openPanel();
  await panel.getByLabel('Ask Tacit').fill('Which model?');
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(panel.getByTestId('ask-answer')).toContainText('Scripted reply');
  expect((await scriptedEngineLog(serviceWorker)).map((entry) => entry.modelId)).toEqual([
    'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
  ]);
});

test('three panels asking at once are answered one after another, each with its own answer', async ({
  openPanel,
  serviceWorker,
}) => {
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 10, tokenCount: 20 });
  const panels = [await openPanel(), await openPanel(), await openPanel()];
  const questions = ['first question', 'second question', 'third question'];
  for (const [index, panel] of panels.entries()) {
    await panel.getByLabel('Ask Tacit').fill(questions[index]!);
    await panel.getByRole('button', { name: 'Send' }).click();
  }
  for (const [index, panel] of panels.entries()) {
    await expect(panel.getByTestId('ask-answer')).toContainText(`Scripted reply about: ${questions[index]}`, {
      timeout: 20_000,
    });
    for (const other of questions.filter((_, position) => position !== index)) {
      await expect(panel.getByTestId('ask-answer')).not.toContainText(other);
    }
  }
  expect(await scriptedEngineLog(serviceWorker)).toHaveLength(3);
});
