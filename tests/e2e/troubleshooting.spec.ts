import { expect, test, useScriptedEngine } from './support/extension-test';
import { openOptions } from './support/options-page';

/** Words of the fixture inbox and of what the user typed: none may reach the diagnostics. */
const PAGE_AND_USER_TEXT = [
  'Budget',
  'Priya',
  'Jonas',
  'board',
  'figures',
  'hello there',
  'outlook-changed',
  '127.0.0.1',
  'http',
];

test('a mail client whose open message its adapter cannot read is recorded in Options › Troubleshooting, without its text; Copy and Clear', async ({
  context,
  extensionId,
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  await useScriptedEngine(serviceWorker, { reply: 'unused', tokenDelayMs: 1 });
  // Outlook after a layout change: the page is recognised as Outlook, but its message markup is not what the adapter knows.
  await webPage.goto(`${files.origin}/webmail/outlook-changed.html`);
  const panel = await openDetachedPanel();
  await panel.getByRole('tab', { name: 'Reply to email' }).click();
  await panel.getByLabel('What do you want to say?').fill('hello there');
  await panel.getByRole('button', { name: 'Draft reply' }).click();
  await expect(panel.getByTestId('draft-error')).toHaveText(
    /^Tacit recognised Outlook but could not read the open message/,
  );

  const options = await openOptions(await context.newPage(), extensionId);
  const section = options.getByTestId('troubleshooting');
  await expect(section.getByRole('heading', { name: 'Troubleshooting' })).toBeVisible();
  const rows = section.locator('tbody tr');
  const adapterRow = rows.filter({ hasText: 'mail-read-failed' });
  await expect(adapterRow.locator('td')).toHaveText([
    /^\d{1,2}:\d{2}:\d{2}/,
    'page',
    'mail-read-failed',
    'adapter=outlook step=messages selector=DATE count=3',
  ]);
  await expect(rows.filter({ hasText: 'task-failed' }).locator('td').nth(3)).toHaveText(
    'task=draft-reply error=mail-unreadable',
  );
  const shown = await section.innerText();
  for (const text of PAGE_AND_USER_TEXT) expect(shown).not.toContain(text);

  // Copy puts a plain-text report on the clipboard: versions first, then one line per event.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await section.getByRole('button', { name: 'Copy report' }).click();
  await expect(section.getByRole('button', { name: 'Copied' })).toBeVisible();
  const report = await options.evaluate(() => navigator.clipboard.readText());
  const [name, browser, blank, ...lines] = report.split('\n');
  expect(name).toMatch(/^Tacit \d+\.\d+\.\d+$/);
  expect(browser).toMatch(/^Chrome \d+\./);
  expect(blank).toBe('');
  expect(lines).toContainEqual(
    expect.stringMatching(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z page mail-read-failed adapter=outlook step=messages selector=DATE count=3$/,
    ),
  );
  for (const text of PAGE_AND_USER_TEXT) expect(report).not.toContain(text);

  await section.getByRole('button', { name: 'Clear' }).click();
  await expect(section.getByTestId('troubleshooting-empty')).toHaveText(
    'Nothing has been recorded since the browser started.',
  );
  await expect(rows).toHaveCount(0);
});
