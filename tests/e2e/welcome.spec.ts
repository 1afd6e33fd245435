import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { unpackedExtensionId } from '../../scripts/browser-launch';
import { expect, test } from './support/extension-test';

test('the welcome page that npm start opens is local, localized and names the bound shortcuts', async ({
  context,
  extensionId,
}) => {
  // npm start computes the page's address from the extension's folder, the way Chromium derives the id.
  const folder = realpathSync(resolve(import.meta.dirname, '../../.output/chrome-mv3-e2e'));
  expect(unpackedExtensionId(folder, 'linux')).toBe(extensionId);

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/welcome.html`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Tacit');
  await expect(page).toHaveTitle('Welcome to Tacit');
  await expect(page.getByRole('heading', { level: 3 })).toHaveText([
    'Summarize a page',
    'Rewrite your text',
    'Reply to an email',
  ]);
  await expect(page.locator('.journey').nth(0)).toContainText('or press Alt+Shift+S.');
  await expect(page.locator('.journey').nth(1)).toContainText('Alt+Shift+F rewrites the selection');
  await expect(page.getByRole('heading', { name: 'What stays private' })).toBeVisible();
});
