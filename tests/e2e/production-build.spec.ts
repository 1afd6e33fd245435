import { expect, setStorage, test } from './support/extension-test';
import { serveFakeModel } from './support/fake-model';
import { addModel, openOptions } from './support/options-page';

// The build users install: real WebLLM engine, no scripted engine, no test host permissions.
test.use({ build: 'production' });

test('the production manifest carries the extension pages CSP and least-privilege permissions', async ({
  serviceWorker,
}) => {
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.content_security_policy).toEqual({
    extension_pages:
      "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; connect-src 'self' https://huggingface.co https://*.huggingface.co https://*.hf.co https://raw.githubusercontent.com http://127.0.0.1:* http://localhost:*",
  });
  expect(manifest.permissions).toEqual(['sidePanel', 'offscreen', 'contextMenus', 'storage', 'activeTab', 'scripting']);
  expect(manifest.host_permissions ?? []).toEqual([]);
  expect(manifest.optional_host_permissions).toHaveLength(7);
  expect(manifest.content_scripts ?? []).toEqual([]);
  // Cross-origin isolation for llama.cpp's threads (SharedArrayBuffer) in the offscreen document.
  expect(manifest).toMatchObject({
    cross_origin_embedder_policy: { value: 'require-corp' },
    cross_origin_opener_policy: { value: 'same-origin' },
  });
});

test('the panel shows the software WebGPU adapter it found', async ({ openPanel }) => {
  const panel = await openPanel();
  const gpu = panel.getByTestId('gpu-status');
  await expect(gpu).toHaveText(/^WebGPU ready: google swiftshader/);
  await expect(gpu).toContainText('software adapter, very slow');
  await expect(gpu).toContainText('no shader-f16 (using 32-bit models)');
  await expect(gpu).toContainText('1 GB max buffer');
});

test('asking on the GPU when the model cannot be fetched ends in a specific message within seconds', async ({
  openPanel,
  serviceWorker,
  files,
}) => {
  // The user chose the default model, which Tacit would not take on its own on this budget, and kept it on the GPU:
  // otherwise a model too large for the GPU budget would run on the CPU instead.
  await setStorage(serviceWorker, {
    modelMirrorUrl: `${files.origin}/no-models-here`,
    taskModels: { chat: 'default' },
    taskEngines: { chat: 'gpu' },
  });
  const panel = await openPanel();
  await panel.getByLabel('Ask Tacit').fill('Hello?');
  const started = Date.now();
  await panel.getByRole('button', { name: 'Send' }).click();
  const error = panel.getByTestId('ask-answer-error');
  // The software adapter gets a 1.2 GB budget: the default 1.5B model (1.9 GB) is refused, the lighter one offered.
  await expect(error).toHaveText(
    /^This model needs about 1889 MB of GPU memory, and Tacit may use 1200 MB on this device\./,
  );
  await panel.getByRole('button', { name: 'Use the lighter model' }).click();
  await expect(error).toHaveText(/could not be downloaded/, { timeout: 15_000 });
  expect(Date.now() - started).toBeLessThan(15_000);
  const host = new URL(files.origin).host;
  await expect(error).toHaveText(
    `The model could not be downloaded: ${host} (HTTP 404) answered with an error. Try again later, or set a different model source in Options.`,
  );
  // The real engine asked the mirror for the 32-bit build (no shader-f16 on this adapter) of the lighter model.
  expect(files.log).toContain(
    'GET /no-models-here/mlc-ai/Qwen2.5-0.5B-Instruct-q4f32_1-MLC/resolve/main/mlc-chat-config.json',
  );
  expect(await serviceWorker.evaluate(() => chrome.storage.local.get('taskModels'))).toEqual({
    taskModels: { chat: 'light' },
  });
  // The question is kept for another try.
  await expect(panel.getByLabel('Ask Tacit')).toHaveValue('Hello?');
  await expect(panel.getByRole('button', { name: 'Send' })).toBeEnabled();
});

test('an unreachable model source says so', async ({ openPanel, serviceWorker }) => {
  await setStorage(serviceWorker, {
    modelMirrorUrl: 'http://127.0.0.1:9',
    taskModels: { chat: 'light' },
    taskEngines: { chat: 'gpu' },
  });
  const panel = await openPanel();
  await panel.getByLabel('Ask Tacit').fill('Hello?');
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(panel.getByTestId('ask-answer-error')).toHaveText(
    /^The model could not be downloaded: 127\.0\.0\.1:9 could not be reached\. Check your connection/,
    { timeout: 15_000 },
  );
});

test('once downloaded, the real engine loads a model from the local cache with the network off', async ({
  context,
  extensionId,
  files,
  openPanel,
}) => {
  const model = serveFakeModel(files, 'Offline-Test-q4f32_1-MLC');
  const options = await openOptions(await context.newPage(), extensionId);
  await addModel(options, model);
  await options.getByLabel('Questions about a page').selectOption(model.modelId);
  const row = options.locator(`li[data-model="${model.modelId}"]`);
  await row.getByRole('button', { name: 'Download for offline use' }).click();
  await expect(row.getByTestId('download-status')).toHaveText(/^Downloaded/, { timeout: 30_000 });

  // Network off for the pages; the extension's own fetches are checked in the server's log, which must not grow.
  const requestsBefore = files.log.length;
  await context.setOffline(true);
  const panel = await openPanel();
  await panel.getByLabel('Ask Tacit').fill('Hello offline?');
  await panel.getByRole('button', { name: 'Send' }).click();
  // The fake model's library is not a real compiled model, so loading stops when WebLLM instantiates it; everything
  // before that (config, tokenizer, weights index, library) came from the cache: no request, no download error.
  const error = panel.getByTestId('ask-answer-error');
  await expect(error).toBeVisible({ timeout: 30_000 });
  await expect(error).toHaveText(/WebAssembly\.instantiate\(\): expected magic word/);
  expect(files.log.slice(requestsBefore)).toEqual([]);
});

test.describe('without WebGPU', () => {
  test.use({ webgpu: false });

  test('the panel names the reason, and a task runs on the CPU: its GGUF build is fetched from the mirror', async ({
    openPanel,
    serviceWorker,
    files,
  }) => {
    await setStorage(serviceWorker, { modelMirrorUrl: `${files.origin}/no-models-here` });
    const panel = await openPanel();
    await expect(panel.getByTestId('gpu-status')).toHaveText(
      'WebGPU unavailable: no GPU adapter was found. Enable hardware acceleration in the browser settings, update your graphics driver, or check chrome://gpu.',
    );
    await panel.getByLabel('Ask Tacit').fill('Hello?');
    await panel.getByRole('button', { name: 'Send' }).click();
    const host = new URL(files.origin).host;
    await expect(panel.getByTestId('ask-answer-error')).toHaveText(
      `The model could not be downloaded: ${host} (HTTP 404) answered with an error. Try again later, or set a different model source in Options.`,
      { timeout: 15_000 },
    );
    expect(files.log).toContain(
      'GET /no-models-here/bartowski/Qwen2.5-1.5B-Instruct-GGUF/resolve/main/Qwen2.5-1.5B-Instruct-Q4_K_M.gguf',
    );
  });

  test('a task kept on the GPU fails at once with what to do', async ({ openPanel, serviceWorker }) => {
    await setStorage(serviceWorker, { taskEngines: { chat: 'gpu' } });
    const panel = await openPanel();
    await panel.getByLabel('Ask Tacit').fill('Hello?');
    await panel.getByRole('button', { name: 'Send' }).click();
    await expect(panel.getByTestId('ask-answer-error')).toHaveText(
      /^Tacit needs WebGPU to run its model on this device, and it is not available: no GPU adapter was found/,
    );
  });
});
