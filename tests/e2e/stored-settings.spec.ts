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
    'Browser storage for Tacit is full, so this was not saved (nothing was changed). Delete a downloaded model under Downloads to make room, then try again.',
  );
  await expect(form.getByLabel('Model id')).toHaveValue('Long-Url');
  expect(await stored('customModels')).toBeUndefined();
  await expect(options.getByTestId('custom-models')).toHaveCount(0);
});
