import type { Page, Worker } from '@playwright/test';
import { expect, invokeTrigger, scriptedEngineLog, tabOf, test, useScriptedEngine } from './support/extension-test';

const PAGE = '/editing/sensitive.html';
const SECRETS = /09|482913|4111|737|551199|4242/;

test.beforeEach(async ({ serviceWorker }) => {
  await useScriptedEngine(serviceWorker, { reply: 'never sent', tokenDelayMs: 3 });
});

/** Focuses the field and selects all of it, the way a user would before right-clicking. */
async function selectField(page: Page, selector: string) {
  await page.evaluate((fieldSelector) => {
    const field = document.querySelector<HTMLInputElement>(fieldSelector)!;
    field.focus();
    field.select();
  }, selector);
}

async function clickMenu(worker: Worker, page: Page, menuItemId: string, editable: boolean, selectionText: string) {
  const tab = await tabOf(worker, page.url());
  await invokeTrigger(
    worker,
    'onMenuClicked',
    { menuItemId, editable, selectionText, frameId: 0, pageUrl: page.url() },
    tab,
  );
}

test('payment and code fields: menu, shortcut and summarize selection each name the refusal and send nothing', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  await webPage.goto(files.origin + PAGE);
  const panel = await openDetachedPanel();
  const rewriteError = panel.getByTestId('rewrite-error');

  const cases: Array<[string, string]> = [
    ['#exp', 'Tacit never reads card expiry dates.'],
    ['#otp', 'Tacit never reads one-time or verification codes.'],
    ['#card', 'Tacit never reads card numbers.'],
    ['#cvc', 'Tacit never reads card security codes (CVC/CVV).'],
    ['#sms', 'Tacit never reads one-time or verification codes.'],
  ];
  for (const [selector, message] of cases) {
    await selectField(webPage, selector);
    // Chrome hands the field's selected text to the menu; the frame refuses the field before reading it.
    await clickMenu(serviceWorker, webPage, 'tacit-rewrite-formal', true, 'selected');
    await expect(rewriteError).toHaveText(message);
  }

  // The shortcut takes the same path and gives the same reason.
  await selectField(webPage, '#card');
  await invokeTrigger(serviceWorker, 'onCommand', 'rewrite-selection', await tabOf(serviceWorker, webPage.url()));
  await expect(rewriteError).toHaveText('Tacit never reads card numbers.');

  // Summarize selection on a focused code field: the specific reason, not "Nothing is selected".
  await selectField(webPage, '#otp');
  await clickMenu(serviceWorker, webPage, 'tacit-summarize-selection', true, 'selected');
  await expect(panel.getByTestId('summary-error')).toHaveText('Tacit never reads one-time or verification codes.');

  // A card number in selected prose is refused before it leaves the page.
  await webPage.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    getSelection()!.selectAllChildren(document.querySelector('#note')!);
  });
  await clickMenu(serviceWorker, webPage, 'tacit-summarize-selection', false, 'Please charge my card');
  await expect(panel.getByTestId('summary-error')).toHaveText(
    'The selection contains a card number, so Tacit did not read it. Select text without the number.',
  );
  await clickMenu(serviceWorker, webPage, 'tacit-rewrite-shorter', false, 'Please charge my card');
  await expect(rewriteError).toHaveText(
    'The selection contains a card number, so Tacit did not read it. Select text without the number.',
  );

  expect(await scriptedEngineLog(serviceWorker)).toEqual([]);
  await expect(panel.locator('body')).not.toContainText(SECRETS);
});

test('summarizing the page while a card field is focused leaves the form values out of what the model gets', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  await webPage.goto(files.origin + PAGE);
  const panel = await openDetachedPanel();
  await selectField(webPage, '#card');
  await invokeTrigger(serviceWorker, 'onCommand', 'summarize-page', await tabOf(serviceWorker, webPage.url()));
  await expect(panel.getByTestId('summary')).toContainText('never sent');
  const [request] = await scriptedEngineLog(serviceWorker);
  const sent = request!.messages.map((message) => message.content).join('\n');
  expect(sent).not.toMatch(/482913|4111111111111111|737|551199/);
});
