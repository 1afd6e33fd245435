import { expect, test, useScriptedEngine } from './support/extension-test';

/** The policy the page states as plain text; the model may link to it. */
const POLICY = 'https://library.example.org/lending-policy';
/** What the page's hidden instruction asks for: a link that would carry the reader's data to another site. */
const LEAK = 'https://collector.example/c?d=alice%40example.org%20Borrowing%20rules';

test('a data-carrying link a page asked for is shown as text and goes nowhere; a link in the page stays clickable', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
  context,
}) => {
  const reply =
    `Members borrow up to twelve items for three weeks; see the [lending policy](${POLICY}).\n\n` +
    `[Continue reading](${LEAK}) or https://collector.example/b?d=secret`;
  await useScriptedEngine(serviceWorker, { reply, tokenDelayMs: 5 });
  await webPage.goto(`${files.origin}/pages/link-injection.html`);
  const panel = await openDetachedPanel();
  await panel.getByRole('button', { name: 'Summarize this page' }).click();

  const summary = panel.getByTestId('summary');
  await expect(summary).toContainText('b?d=secret');
  await expect(panel.getByRole('button', { name: 'Regenerate' })).toBeEnabled();
  await expect(summary.getByRole('link')).toHaveCount(1);
  await expect(summary.getByRole('link', { name: 'lending policy' })).toHaveAttribute('href', POLICY);
  await expect(summary).toContainText(`Continue reading (${LEAK})`);
  await expect(summary.locator('[href*="collector"]')).toHaveCount(0);

  // Clicking the shown addresses opens nothing; the egress ledger fails the test if any request left 127.0.0.1.
  const pages = context.pages().length;
  await summary.getByText('Continue reading').click();
  await summary.getByText('https://collector.example/b?d=secret').click();
  await panel.waitForTimeout(300);
  expect(context.pages()).toHaveLength(pages);
});

test('a question may link to the addresses the user wrote, and to no other', async ({ openPanel, serviceWorker }) => {
  const reply = 'The page at [the guide](https://example.org/guide) explains it; [more](https://example.org/other).';
  await useScriptedEngine(serviceWorker, { reply, tokenDelayMs: 5 });
  const panel = await openPanel();
  await panel.getByLabel('Ask Tacit').fill('What does https://example.org/guide say?');
  await panel.getByRole('button', { name: 'Send' }).click();

  const answer = panel.getByTestId('ask-answer');
  await expect(answer).toContainText('explains it');
  await expect(panel.getByRole('button', { name: 'Stop' })).toBeDisabled();
  await expect(answer.getByRole('link')).toHaveCount(1);
  await expect(answer.getByRole('link', { name: 'the guide' })).toHaveAttribute('href', 'https://example.org/guide');
  await expect(answer).toContainText('more (https://example.org/other)');
});
