/** Driving the Options page the way a user does: open it, add a custom model record. */
import type { Page } from '@playwright/test';
import { expect } from './extension-test';
import type { ServedModel } from './fake-model';

export async function openOptions(page: Page, extensionId: string): Promise<Page> {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { name: 'Tacit settings' })).toBeVisible();
  return page;
}

export async function addModel(options: Page, model: ServedModel, vramMB = '900') {
  const form = options.locator('form', { has: options.getByRole('button', { name: 'Add model' }) });
  await form.getByLabel('Model id').fill(model.modelId);
  await form.getByLabel('Weights URL').fill(model.weightsUrl);
  await form.getByLabel('Model library URL (.wasm)').fill(model.libraryUrl);
  await form.getByLabel('GPU memory needed (MB)').fill(vramMB);
  await form.getByRole('button', { name: 'Add model' }).click();
  await expect(options.getByTestId('custom-models')).toContainText(model.modelId);
}
