import type { Page } from '@playwright/test';
import { expect, setStorage, test } from './support/extension-test';
import { openOptions } from './support/options-page';

const VALID_RECORD = {
  model_id: 'Kept-Model',
  model: 'http://127.0.0.1:8080/models/kept',
  model_lib: 'http://127.0.0.1:8080/libs/kept.wasm',
  vram_required_MB: 900,
  overrides: { context_window_size: 4096 },
};

/** Collects uncaught errors of an extension page, so a test can prove stored garbage crashed nothing. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('corrupted stored settings fall back to defaults, are reported once in Options and Troubleshooting, and crash nothing', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  await setStorage(serviceWorker, {
    customModels: [null, { ...VALID_RECORD, model_id: 'Evil', model: 'javascript:alert(1)' }, VALID_RECORD],
    taskModels: ['not', 'a', 'map'],
    modelMirrorUrl: `https://${'a'.repeat(5000)}.example.org`,
  });
  const page = await context.newPage();
  const errors = pageErrors(page);
  const options = await openOptions(page, extensionId);

  // Only the record that passes the input rules is listed; the others are gone, and so is the bad mirror.
  await expect(options.getByTestId('custom-models').locator('code')).toHaveText(['Kept-Model']);
  const notice = options.getByTestId('settings-repaired');
  await expect(notice).toContainText('Some settings were damaged and have been reset');
  for (const name of ['Custom models', 'Models per task', 'Model mirror']) await expect(notice).toContainText(name);
  await expect(options.getByLabel('Mirror base URL (empty for the default hosts)')).toHaveValue('');

  const stored = await serviceWorker.evaluate(() => chrome.storage.local.get(null));
  expect(stored.customModels).toEqual([VALID_RECORD]);
  expect(stored.taskModels).toEqual({});
  expect(stored.modelMirrorUrl ?? null).toBeNull();

  // Reported once: dismissed, it stays away after a reload.
  await notice.getByRole('button', { name: 'Got it' }).click();
  await expect(notice).toHaveCount(0);
  await options.reload();
  await expect(options.getByTestId('custom-models').locator('code')).toHaveText(['Kept-Model']);
  await expect(options.getByTestId('settings-repaired')).toHaveCount(0);
  // Troubleshooting lists each reset setting once, by name only (the list is read when Options opens).
  const rows = options.getByTestId('troubleshooting').locator('tbody tr').filter({ hasText: 'stored-value-invalid' });
  await expect(rows).toHaveCount(3);
  const details = (await rows.locator('td:nth-child(4)').allInnerTexts()).sort();
  expect(details).toEqual(['item=customModels', 'item=modelMirrorUrl', 'item=taskModels']);

  expect(errors).toEqual([]);
});

test('a stored list that is not a list ("garbage") shows no custom models instead of crashing Options', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  await setStorage(serviceWorker, { customModels: 'garbage' });
  const page = await context.newPage();
  const errors = pageErrors(page);
  const options = await openOptions(page, extensionId);
  await expect(options.getByText('No models added.')).toBeVisible();
  await expect(options.getByTestId('settings-repaired')).toContainText('Custom models');
  expect(errors).toEqual([]);
});

test('size limits: an oversized model URL and a 5,000-character host get clear messages, and storage quota errors are shown with nothing half-saved', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const options = await openOptions(await context.newPage(), extensionId);
  const stored = (key: string) =>
    serviceWorker.evaluate(async (name) => (await chrome.storage.local.get(name))[name], key);

  const mirror = options.getByLabel('Mirror base URL (empty for the default hosts)');
  const saveMirror = options.locator('form', { has: mirror }).getByRole('button', { name: 'Save' });
  await mirror.fill(`https://${'a'.repeat(5000)}.example.org`);
  await saveMirror.click();
  await expect(options.getByTestId('mirror-message')).toHaveText(/^This address is too long/);
  await mirror.fill(`https://${'a'.repeat(64)}.example.org`);
  await saveMirror.click();
  await expect(options.getByTestId('mirror-message')).toHaveText(/^This host name is not valid/);
  expect(await stored('modelMirrorUrl')).toBeUndefined();

  const form = options.locator('form', { has: options.getByRole('button', { name: 'Add model' }) });
  await form.getByLabel('Model id').fill('Long-Url');
  await form.getByLabel('Weights URL').fill(`https://models.example.org/${'w'.repeat(3000)}`);
  await form.getByLabel('Model library URL (.wasm)').fill('https://models.example.org/lib.wasm');
  await form.getByLabel('GPU memory needed (MB)').fill('900');
  await form.getByRole('button', { name: 'Add model' }).click();
  await expect(options.getByTestId('custom-model-issues').locator('li[data-code="too-long"]')).toHaveText(
    'Weights URL: this is too long (at most 2048 characters).',
  );
  expect(await stored('customModels')).toBeUndefined();

  // Storage nearly full (storage.local holds 10 MB without unlimitedStorage): the next record does not fit.
  await serviceWorker.evaluate(() => chrome.storage.local.set({ filler: 'x'.repeat(10 * 1024 * 1024 - 100) }));
  await form.getByLabel('Weights URL').fill('http://127.0.0.1:8080/models/m');
  await form.getByLabel('Model library URL (.wasm)').fill('http://127.0.0.1:8080/libs/m.wasm');
  await form.getByRole('button', { name: 'Add model' }).click();
  await expect(options.getByTestId('custom-model-save-error')).toHaveText(
    "Tacit's settings storage is full, so this was not saved (nothing was changed). Clear the log under Troubleshooting or the list under “What left this device” to make room, then try again.",
  );
  await expect(form.getByLabel('Model id')).toHaveValue('Long-Url');
  expect(await stored('customModels')).toBeUndefined();
  await expect(options.getByTestId('custom-models')).toHaveCount(0);
});

test('storage full while choosing: the panel and Options say the choice was not saved, and the previous one stays on screen and in storage', async ({
  context,
  extensionId,
  openPanel,
  serviceWorker,
}) => {
  const stored = (key: string) =>
    serviceWorker.evaluate(async (name) => (await chrome.storage.local.get(name))[name], key);
  const panel = await openPanel();
  const options = await openOptions(await context.newPage(), extensionId);
  // Storage full to the last byte or so (storage.local holds 10 MB without unlimitedStorage): no choice fits.
  await serviceWorker.evaluate(async () => {
    const free = chrome.storage.local.QUOTA_BYTES - (await chrome.storage.local.getBytesInUse());
    // The key "filler" (6 bytes) and its value's JSON quotes (2) count too; one byte is left.
    await chrome.storage.local.set({ filler: 'x'.repeat(free - 6 - 2 - 1) });
  });

  // The side panel: summary length, then the reply's tone.
  await panel.bringToFront();
  const length = panel.getByLabel('Length');
  await expect(length).toHaveValue('medium');
  await length.selectOption('long');
  const panelNote = panel.getByTestId('choice-not-saved');
  await expect(panelNote).toHaveText(
    "Tacit's settings storage is full, so this choice was not saved and the previous one stays. In Tacit's settings, clear the log under Troubleshooting or the list under “What left this device” to make room, then try again.",
  );
  await expect(length).toHaveValue('medium');
  await panel.getByRole('tab', { name: 'Reply to email' }).click();
  const tone = panel.getByLabel('Tone');
  await tone.selectOption('casual');
  await expect(panelNote).toBeVisible();
  await expect(tone).toHaveValue('neutral');
  expect(await stored('summaryOptions')).toBeUndefined();
  expect(await stored('draftOptions')).toBeUndefined();

  // Options: idle time, the model of a task, the engine of a task; each says so under its control.
  await options.bringToFront();
  const full =
    "Tacit's settings storage is full, so this was not saved (nothing was changed). Clear the log under Troubleshooting or the list under “What left this device” to make room, then try again.";
  const idle = options.getByLabel('Free GPU memory after this many minutes without use');
  await idle.fill('3');
  await idle.press('Tab');
  await expect(options.locator('section', { has: idle }).getByTestId('choice-not-saved')).toHaveText(full);
  await expect(idle).toHaveValue('10');
  const chatModel = options.locator('[data-task-model="chat"]').getByLabel('Questions about a page');
  // On this small software GPU the lighter model is preselected: the user picks the default one.
  await expect(chatModel).toHaveValue('light');
  await chatModel.selectOption('default');
  await expect(options.locator('[data-task-model="chat"]').getByTestId('choice-not-saved')).toHaveText(full);
  await expect(chatModel).toHaveValue('light');
  const summarize = options.locator('[data-task-model="summarize"]');
  await summarize.getByLabel('Engine').selectOption('cpu');
  await expect(summarize.getByTestId('choice-not-saved')).toHaveText(full);
  await expect(summarize.getByLabel('Engine')).toHaveValue('auto');
  for (const key of ['engineIdleMs', 'taskModels', 'taskEngines']) expect(await stored(key)).toBeUndefined();
  // Troubleshooting names each setting that was not kept, and nothing else about it.
  await options.reload();
  const rows = options.getByTestId('troubleshooting').locator('tbody tr').filter({ hasText: 'storage-write-failed' });
  const items = (await rows.locator('td:nth-child(4)').allInnerTexts()).map((details) => details.split(' ')[0]);
  expect(new Set(items)).toEqual(
    new Set(['item=summaryOptions', 'item=draftOptions', 'item=engineIdleMs', 'item=taskModels', 'item=taskEngines']),
  );

  // Room again: the next choice is saved and the note goes.
  await serviceWorker.evaluate(() => chrome.storage.local.remove('filler'));
  await panel.bringToFront();
  await tone.selectOption('casual');
  await expect(panelNote).toHaveCount(0);
  await expect(tone).toHaveValue('casual');
  await expect.poll(() => stored('draftOptions')).toMatchObject({ tone: 'casual' });
});
