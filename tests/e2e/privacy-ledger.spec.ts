import { expect, test } from './support/extension-test';
import { SHARD_BYTES, serveFakeModel } from './support/fake-model';
import { addModel, openOptions } from './support/options-page';

test("Options › Privacy lists every request Tacit made, and it agrees with the server's own log request for request", async ({
  context,
  extensionId,
  files,
  serviceWorker,
}) => {
  const model = serveFakeModel(files);
  const options = await openOptions(await context.newPage(), extensionId);
  const ledger = options.getByTestId('privacy-ledger');
  await expect(ledger.getByTestId('privacy-ledger-empty')).toHaveText('Tacit has made no network requests.');

  await addModel(options, model);
  const row = options.locator(`li[data-model="${model.modelId}"]`);
  await row.getByRole('button', { name: 'Download for offline use' }).click();
  await expect(row.getByTestId('download-status')).toHaveText(/^Downloaded/, { timeout: 30_000 });

  const served = files.log.map((line) => line.split(' ')[1]!.split('?')[0]!).sort();
  expect(served.length).toBeGreaterThan(2);
  const host = new URL(files.origin).host;
  await expect
    .poll(async () => {
      const { entries } = await serviceWorker.evaluate(async () => {
        const stored = await chrome.storage.local.get('networkLedger');
        return { entries: (stored.networkLedger ?? []) as Array<{ host: string; path: string; bytes: number }> };
      });
      return entries.map((entry) => `${entry.host}${entry.path}`).sort();
    })
    .toEqual(served.map((path) => `${host}${path}`));

  // Sizes as the browser measured them: at least the three weight shards.
  const bytes = await serviceWorker.evaluate(async () => {
    const stored = await chrome.storage.local.get('networkLedger');
    return ((stored.networkLedger ?? []) as Array<{ bytes: number }>).reduce((sum, entry) => sum + entry.bytes, 0);
  });
  expect(bytes).toBeGreaterThanOrEqual(3 * SHARD_BYTES);

  // What the user sees: the totals and one row per request, host and path only.
  await options.reload();
  await expect(options.getByTestId('privacy-ledger-totals')).toHaveText(
    new RegExp(`^${served.length} requests, .+ in all\\.$`),
  );
  await expect(ledger.locator('tbody tr')).toHaveCount(served.length);
  await expect(ledger.locator('tbody tr').first().locator('td').nth(1)).toHaveText(host);
});
