/**
 * Faults injected into a real Chromium with the test build: a GPU lost mid-answer, out of GPU memory at load, the
 * engine host or the service worker gone mid-task, a full disk mid-download, a damaged stored model, a browser
 * restart mid-download. Each test checks what the user sees and that nothing written is lost.
 */
import type { Page } from '@playwright/test';
import {
  expect,
  residencyLog,
  scriptedEngineLog,
  setStorage,
  stopServiceWorker,
  test,
  useScriptedEngine,
} from './support/extension-test';
import { openOptions } from './support/options-page';
import { serveTinyModel } from './support/tiny-model';

const DEFAULT_MODEL = 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC';
const LIGHT_MODEL = 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC';

async function ask(panel: Page, question: string): Promise<void> {
  await panel.getByLabel('Ask Tacit').fill(question);
  await panel.getByRole('button', { name: 'Send' }).click();
}

/** What the panel says when a reply came back empty: the tiny model's random first token may end it. */
const EMPTY_REPLY = 'The model finished without writing anything.';

/**
 * Waits until the question is answered: the box empties once the answer is done, or the panel says the model wrote
 * nothing (the tiny model's random words may be none at all: it ran, which is what these tests wait for). A failure
 * says what the panel showed instead: its error, or the box, progress and engine lines.
 */
async function expectAnswered(panel: Page): Promise<void> {
  const shown = async () => {
    const error = panel.getByTestId('ask-answer-error');
    if (await error.count()) {
      const text = (await error.textContent()) ?? '';
      return text.startsWith(EMPTY_REPLY) ? 'answered' : `error: ${text}`;
    }
    const question = await panel.getByLabel('Ask Tacit').inputValue();
    if (!question) return 'answered';
    const lines = await panel.locator('[data-testid="task-progress"], [data-testid="engine-status"]').allTextContents();
    return `waiting, box: ${question} | ${lines.join(' | ')}`;
  };
  await expect.poll(shown, { timeout: 60_000 }).toBe('answered');
}

test('a GPU lost mid-answer: the panel says so, keeps the text and the question, and the lighter model answers next', async ({
  openPanel,
  serviceWorker,
}) => {
  await useScriptedEngine(serviceWorker, {
    tokenDelayMs: 20,
    tokenCount: 40,
    failGenerateWith: 'DeviceLostError: The GPU device was lost (reason: unknown)',
    failAfterTokens: 8,
  });
  const panel = await openPanel();
  await ask(panel, 'Explain WebGPU');
  await expect(panel.getByTestId('ask-answer-error')).toHaveText(
    'The GPU stopped responding (often from running out of memory). The engine was reset; try again or switch to the lighter model.',
  );
  // The eight tokens written before the GPU went stay on the card.
  await expect(panel.getByTestId('ask-answer')).toContainText(
    'Scripted reply about: Explain WebGPU token1 token2 token3',
  );
  await expect(panel.getByTestId('ask-answer')).not.toContainText('token4');
  await expect(panel.getByLabel('Ask Tacit')).toHaveValue('Explain WebGPU');
  // The engine was reset: the model on the lost device is unloaded.
  expect(await residencyLog(serviceWorker)).toEqual([
    { event: 'load', modelId: DEFAULT_MODEL },
    { event: 'unload', modelId: DEFAULT_MODEL },
  ]);

  await useScriptedEngine(serviceWorker, { tokenDelayMs: 2, tokenCount: 20 });
  await panel.getByRole('button', { name: 'Use the lighter model' }).click();
  await expect(panel.getByTestId('ask-answer')).toContainText('token15');
  await expect(panel.getByTestId('ask-answer-error')).toHaveCount(0);
  expect((await scriptedEngineLog(serviceWorker)).map((entry) => entry.modelId)).toEqual([DEFAULT_MODEL, LIGHT_MODEL]);
});

test('a model that writes nothing: the panel says so instead of an empty card, and the next answer shows', async ({
  openPanel,
  serviceWorker,
}) => {
  await useScriptedEngine(serviceWorker, { tokens: [] });
  const panel = await openPanel();
  await ask(panel, 'Explain WebGPU');
  await expect(panel.getByTestId('ask-answer-error')).toHaveText(
    'The model finished without writing anything. Try again; if it happens again, choose another model for this task in Options.',
  );
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 2, tokenCount: 12 });
  await ask(panel, 'Explain WebGPU');
  await expect(panel.getByTestId('ask-answer')).toContainText('token7');
  await expect(panel.getByTestId('ask-answer-error')).toHaveCount(0);
});

test('out of GPU memory at load: the panel says so, keeps the question, and the lighter model answers next', async ({
  openPanel,
  serviceWorker,
}) => {
  await useScriptedEngine(serviceWorker, {
    tokenDelayMs: 2,
    failLoadWith: 'Error: Out of memory: Failed to allocate a GPU buffer of 1.8 GB',
  });
  const panel = await openPanel();
  await ask(panel, 'What is on this page?');
  await expect(panel.getByTestId('ask-answer-error')).toHaveText(
    'The GPU ran out of memory. Close other GPU-heavy tabs or switch to the lighter model, then try again.',
  );
  await expect(panel.getByLabel('Ask Tacit')).toHaveValue('What is on this page?');
  expect(await residencyLog(serviceWorker)).toEqual([]);

  // Other tabs closed: the GPU has room again for the lighter model.
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 2, tokenCount: 12 });
  await panel.getByRole('button', { name: 'Use the lighter model' }).click();
  await expect(panel.getByTestId('ask-answer')).toContainText('Scripted reply about: What is on this page?');
  await expect(panel.getByTestId('ask-answer-error')).toHaveCount(0);
  expect(await residencyLog(serviceWorker)).toEqual([{ event: 'load', modelId: LIGHT_MODEL }]);
});

test('if the service worker stops mid-summary, the summary card says so and keeps the summary; Regenerate works', async ({
  context,
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 30, tokenCount: 400 });
  await webPage.goto(`${files.origin}/pages/news-article.html`);
  const panel = await openDetachedPanel();
  await panel.getByRole('button', { name: 'Summarize this page' }).click();
  await expect(panel.getByTestId('summary')).toContainText('token5');
  await stopServiceWorker(context, panel);
  await expect(panel.getByTestId('summary-error')).toHaveText(
    "Tacit's background process restarted mid-task. Your text is kept; try again.",
    { timeout: 20_000 },
  );
  await expect(panel.getByTestId('summary')).toContainText('token5');

  await useScriptedEngine(serviceWorker, { tokenDelayMs: 2, tokenCount: 20 });
  await panel.getByRole('button', { name: 'Regenerate' }).click();
  await expect(panel.getByTestId('summary-error')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Copy text' })).toBeEnabled({ timeout: 20_000 });
  // The new summary replaced the kept one: 20 tokens, the last one token11.
  await expect(panel.getByTestId('summary')).toHaveText(/token11\s*$/);
});

test('if the engine host closes mid-draft, the Reply view says so and keeps the draft and the intent; Draft again works', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 30, tokenCount: 400 });
  await webPage.goto(`${files.origin}/webmail/gmail-thread.html`);
  const panel = await openDetachedPanel();
  await panel.getByRole('tab', { name: 'Reply to email' }).click();
  await panel.getByLabel('What do you want to say?').fill('yes, book it');
  await panel.getByRole('button', { name: 'Draft reply' }).click();
  await expect(panel.getByTestId('draft-text')).toHaveValue(/token5/);
  await serviceWorker.evaluate(() => chrome.offscreen.closeDocument());
  await expect(panel.getByTestId('draft-error')).toHaveText(
    'The on-device engine stopped unexpectedly. Your text is kept; try again.',
  );
  await expect(panel.getByTestId('draft-text')).toHaveValue(/token5/);
  await expect(panel.getByLabel('What do you want to say?')).toHaveValue('yes, book it');

  await useScriptedEngine(serviceWorker, { reply: 'Hi Maya, yes please book it. Jonas', tokenDelayMs: 2 });
  await panel.getByRole('button', { name: 'Draft again' }).click();
  await expect(panel.getByTestId('draft-text')).toHaveValue('Hi Maya, yes please book it. Jonas');
  await expect(panel.getByTestId('draft-error')).toHaveCount(0);
});

test.describe('GGUF models on the CPU engine, downloaded from 127.0.0.1', () => {
  test.use({ webgpu: false });

  /** Every distinct text the card's progress line showed, recorded in the page from now on. */
  async function recordProgressLines(page: Page, selector: string): Promise<() => Promise<string[]>> {
    await page.evaluate((watched) => {
      const seen: string[] = [];
      (window as unknown as { progressLines: string[] }).progressLines = seen;
      new MutationObserver(() => {
        const text = document.querySelector(watched)?.textContent ?? '';
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    }, selector);
    return () => page.evaluate(() => (window as unknown as { progressLines: string[] }).progressLines);
  }

  test('storage full mid-download: the panel says how much room is missing, keeps what was stored and the question, and resumes from there', async ({
    context,
    extensionId,
    files,
    openPanel,
    serviceWorker,
  }) => {
    test.setTimeout(120_000);
    const tiny = serveTinyModel(files, 'Tiny-Quota-GGUF', true);
    await setStorage(serviceWorker, { customModels: [tiny.record], taskModels: { chat: tiny.record.model_id } });
    const panel = await openPanel();
    // The browser lets Tacit store about half the model more than it holds now.
    const cdp = await context.newCDPSession(panel);
    const origin = `chrome-extension://${extensionId}`;
    const usage = () => panel.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    await cdp.send('Storage.overrideQuotaForOrigin', {
      origin,
      quotaSize: (await usage()) + Math.round(tiny.bytes / 2),
    });

    await ask(panel, 'What does the library plan say?');
    await expect(panel.getByTestId('ask-answer-error')).toHaveText(
      /^There is not enough disk space for the model: about \d+ KB more is needed\. Free some space or delete other models in Options, then try again\.$/,
      { timeout: 30_000 },
    );
    await expect(panel.getByLabel('Ask Tacit')).toHaveValue('What does the library plan say?');
    const options = await openOptions(await context.newPage(), extensionId);
    const row = options.locator(`li[data-model="${tiny.record.model_id}"]`);
    await expect(row.getByTestId('download-status')).toHaveText(/^Partly downloaded: \d+ KB on disk$/);
    await expect(row.getByRole('button', { name: 'Resume download' })).toBeVisible();

    // Room again (the user freed some): the next question fetches only the rest of the file, with progress. The room is
    // given as a quota too, rather than the machine's own, which depends on how full its disk is.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: (await usage()) + 4 * tiny.bytes });
    const progressLines = await recordProgressLines(panel, '[data-testid="task-progress"]');
    await panel.getByRole('button', { name: 'Send' }).click();
    await expectAnswered(panel);
    await expect(panel.getByTestId('engine-status')).toHaveText('Model loaded: Tiny-Quota-GGUF (on the CPU)');
    const requests = files.log.filter((line) => line.includes(tiny.path));
    expect(requests).toHaveLength(3);
    const [, resumedFrom] = /^RANGE \S+ (\d+)$/.exec(requests[2]!) ?? [];
    const stored = Number(resumedFrom);
    // Whole segments of 128 KiB were kept: at least one, and less than the file.
    expect(stored % (128 * 1024), requests.join('\n')).toBe(0);
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(tiny.bytes);
    const loading = (await progressLines()).filter((line) => line.startsWith('Loading Tiny-Quota-GGUF'));
    expect(loading.length, (await progressLines()).join('\n')).toBeGreaterThan(0);
    // The progress went on from what was stored, not from zero.
    const firstPercent = Number(/: (\d+)%/.exec(loading[0]!)?.[1]);
    expect(firstPercent).toBeGreaterThanOrEqual(Math.floor((stored / tiny.bytes) * 100));
    await options.reload();
    await expect(row.getByTestId('download-status')).toHaveText(/^Downloaded: \d+ KB on disk$/);
  });

  test('a damaged stored model: the panel says Tacit deleted it, keeps the question, and the next try downloads it again and answers', async ({
    context,
    extensionId,
    files,
    openPanel,
    serviceWorker,
  }) => {
    test.setTimeout(120_000);
    const tiny = serveTinyModel(files, 'Tiny-Damaged-GGUF', true);
    await setStorage(serviceWorker, { customModels: [tiny.record], taskModels: { chat: tiny.record.model_id } });
    const options = await openOptions(await context.newPage(), extensionId);
    const row = options.locator(`li[data-model="${tiny.record.model_id}"]`);
    await row.getByRole('button', { name: 'Download for offline use' }).click();
    await expect(row.getByTestId('download-status')).toHaveText(/^Downloaded: \d+ KB on disk$/);
    // The start of the stored file is overwritten, as a failing disk would leave it.
    const damaged = await options.evaluate(async () => {
      const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('tacit-gguf');
      const names: string[] = [];
      for await (const name of (folder as unknown as { keys(): AsyncIterable<string> }).keys()) {
        if (!name.endsWith('.gguf')) continue;
        const writable = await (await folder.getFileHandle(name)).createWritable({ keepExistingData: true });
        await writable.write({ type: 'write', position: 0, data: new TextEncoder().encode('XXXX') });
        await writable.close();
        names.push(name);
      }
      return names;
    });
    expect(damaged).toHaveLength(1);

    const panel = await openPanel();
    await ask(panel, 'What does the library plan say?');
    await expect(panel.getByTestId('ask-answer-error')).toHaveText(
      'A stored model file was damaged, so Tacit deleted that model. Try again to download it afresh.',
      { timeout: 30_000 },
    );
    await expect(panel.getByLabel('Ask Tacit')).toHaveValue('What does the library plan say?');
    await options.reload();
    await expect(row.getByTestId('download-status')).toHaveText('Not downloaded');

    await panel.getByRole('button', { name: 'Send' }).click();
    await expectAnswered(panel);
    await expect(panel.getByTestId('engine-status')).toHaveText('Model loaded: Tiny-Damaged-GGUF (on the CPU)');
    // Downloaded whole a second time.
    expect(files.log.filter((line) => line.includes(tiny.path))).toEqual([`GET ${tiny.path}`, `GET ${tiny.path}`]);
    await options.reload();
    await expect(row.getByTestId('download-status')).toHaveText(/^Downloaded: \d+ KB on disk$/);
  });

  test('a browser restart mid-download: Options shows what was stored, and Resume fetches only the rest, with progress', async ({
    context,
    extensionId,
    files,
    restartBrowser,
    serviceWorker,
  }) => {
    test.setTimeout(120_000);
    const tiny = serveTinyModel(files, 'Tiny-Restart-GGUF', true);
    await setStorage(serviceWorker, { customModels: [tiny.record] });
    // The server sends 400,000 bytes and then nothing more: the download is in progress when the browser closes.
    files.holdOnce(tiny.path, 400_000);
    const options = await openOptions(await context.newPage(), extensionId);
    const row = options.locator(`li[data-model="${tiny.record.model_id}"]`);
    await row.getByRole('button', { name: 'Download for offline use' }).click();
    await expect(row.getByTestId('download-status')).toHaveText(/^\d+% — 391 KB of \d+ KB/);

    const restarted = await restartBrowser();
    const reopened = await openOptions(await restarted.context.newPage(), extensionId);
    const again = reopened.locator(`li[data-model="${tiny.record.model_id}"]`);
    // Three whole segments of 128 KiB were stored before the browser closed.
    await expect(again.getByTestId('download-status')).toHaveText('Partly downloaded: 384 KB on disk');
    const statuses = await recordProgressLines(
      reopened,
      `li[data-model="${tiny.record.model_id}"] [data-testid="download-status"]`,
    );
    await again.getByRole('button', { name: 'Resume download' }).click();
    await expect(again.getByTestId('download-status')).toHaveText(/^Downloaded: \d+ KB on disk$/);
    expect(files.log.filter((line) => line.includes(tiny.path))).toEqual([
      `GET ${tiny.path}`,
      `GET ${tiny.path}`,
      `RANGE ${tiny.path} ${3 * 128 * 1024}`,
    ]);
    const progress = (await statuses()).filter((line) => /^\d+% — /.test(line));
    expect(progress.length, (await statuses()).join('\n')).toBeGreaterThan(0);
    expect(Number(/^(\d+)%/.exec(progress[0]!)?.[1])).toBeGreaterThanOrEqual(
      Math.floor(((3 * 128 * 1024) / tiny.bytes) * 100),
    );
  });
});
