import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import {
  expect,
  invokeTrigger,
  residencyLog,
  scriptedEngineLog,
  tabOf,
  test,
  useScriptedEngine,
} from './support/extension-test';
import { serveFakeModel } from './support/fake-model';
import { addModel, openOptions } from './support/options-page';

/** What the scripted engine answers: a preamble and a trailing offer the clean-up must remove. */
const RAW_DRAFT =
  "Here's a draft reply:\n\nHi Maya,\n\nYes, please confirm the booking for 12–14 June. The microphones are worth the €25.\n\nBest,\nJonas\n\nLet me know if you'd like any changes!";
const DRAFT =
  'Hi Maya,\n\nYes, please confirm the booking for 12–14 June. The microphones are worth the €25.\n\nBest,\nJonas';

/** A webmail fixture's page, to serve at an address of the client's own shape (ids in the path). */
function webmailFixture(name: string): string {
  return readFileSync(resolve(import.meta.dirname, '../fixtures/webmail', name), 'utf8');
}

/** Opens the fixture in the web tab and a panel beside it on the Reply view. */
async function replyViewBeside(webPage: Page, url: string, openDetachedPanel: () => Promise<Page>): Promise<Page> {
  await webPage.goto(url);
  const panel = await openDetachedPanel();
  await panel.getByRole('tab', { name: 'Reply to email' }).click();
  return panel;
}

test.beforeEach(async ({ serviceWorker }) => {
  await useScriptedEngine(serviceWorker, { reply: DRAFT, tokenDelayMs: 1 });
});

async function draftReply(panel: Page, intent: string) {
  await panel.getByLabel('What do you want to say?').fill(intent);
  await panel.getByRole('button', { name: /^Draft (reply|again)$/ }).click();
}

test('Gmail: drafts from the open conversation and the intent, then inserts above the quoted history, undoably', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  await useScriptedEngine(serviceWorker, { reply: RAW_DRAFT, tokenDelayMs: 3 });
  const panel = await replyViewBeside(webPage, `${files.origin}/webmail/gmail-thread.html`, openDetachedPanel);
  await panel.getByLabel('Tone').selectOption('friendly');
  await draftReply(panel, 'yes, book it, and take the microphones');

  const draft = panel.getByTestId('draft-text');
  await expect(draft).toHaveValue(DRAFT);
  await expect(panel.getByTestId('draft-source')).toContainText(
    'Replying to Maya Lindqvist · Lisbon offsite: venue booking',
  );
  await expect(panel.getByTestId('draft-source')).toContainText('Gmail · 3 messages read');

  const [request] = await scriptedEngineLog(serviceWorker);
  const [system, user] = request!.messages;
  expect(request!.modelId).toMatch(/^Llama-3\.2-3B-Instruct/);
  expect(system!.content).toContain('friendly');
  expect(system!.content).not.toContain('projector');
  // The whole conversation is fenced data, newest last; quoted history and the signature are not repeated.
  expect(user!.content).toMatch(/<<<BEGIN EMAIL [a-z0-9]+>>>/);
  expect(user!.content).toContain('Shall I confirm the booking for 12–14 June?');
  expect(user!.content).toContain('Could you check whether the projector is included in the price?');
  expect(user!.content).not.toContain('Events Coordinator');
  expect(user!.content.match(/Could you check whether the projector/g)).toHaveLength(1);
  expect(user!.content.indexOf('yes, book it, and take the microphones')).toBeGreaterThan(
    user!.content.search(/<<<END EMAIL/),
  );

  // The user polishes the draft before inserting it.
  await draft.fill(`${DRAFT}\nP.S. Vegetarian lunch for four, please.`);
  await panel.getByRole('button', { name: 'Insert into reply' }).click();
  await expect(panel.getByTestId('draft-inserted')).toHaveText(/^Opened a reply and inserted the draft\./);
  const box = webPage.getByRole('textbox', { name: 'Message Body' });
  await expect(box).toContainText('P.S. Vegetarian lunch for four, please.');
  const text = await box.innerText();
  expect(text.indexOf('Yes, please confirm the booking')).toBeLessThan(text.indexOf('wrote:'));
  expect(text).toContain('Head of Operations'); // the user's signature stays

  await box.focus();
  await webPage.keyboard.press('Control+z');
  await expect(box).not.toContainText('Yes, please confirm the booking');
  await expect(box).toContainText('wrote:');
  // Drafting again fails (the user went back to the inbox): the edited draft is still there, nothing is lost.
  await webPage.goto(`${files.origin}/webmail/gmail-inbox.html`);
  await panel.getByRole('button', { name: 'Draft again' }).click();
  await expect(panel.getByTestId('draft-error')).toHaveText(/^No open email conversation/);
  await expect(draft).toHaveValue(`${DRAFT}\nP.S. Vegetarian lunch for four, please.`);
});

test('text the user already typed in the reply box is kept, and the draft goes after it', async ({
  webPage,
  files,
  openDetachedPanel,
}) => {
  const panel = await replyViewBeside(webPage, `${files.origin}/webmail/gmail-thread.html`, openDetachedPanel);
  await webPage.getByRole('link', { name: 'Reply', exact: true }).click();
  const box = webPage.getByRole('textbox', { name: 'Message Body' });
  await box.pressSequentially('Quick note before the details.');
  await webPage.locator('.hP').click(); // the caret leaves the reply box

  await draftReply(panel, '');
  await expect(panel.getByTestId('draft-text')).toHaveValue(DRAFT);
  await panel.getByRole('button', { name: 'Insert into reply' }).click();
  await expect(panel.getByTestId('draft-inserted')).toHaveText(/^Inserted into the reply box\./);
  const text = await box.innerText();
  expect(text.indexOf('Quick note before the details.')).toBeGreaterThanOrEqual(0);
  expect(text.indexOf('Quick note before the details.')).toBeLessThan(text.indexOf('Hi Maya,'));
  expect(text.indexOf('Hi Maya,')).toBeLessThan(text.indexOf('wrote:'));
});

test('Outlook on the web and Proton Mail: the conversation is read and the draft lands in their reply boxes', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const panel = await replyViewBeside(webPage, `${files.origin}/webmail/outlook-thread.html`, openDetachedPanel);
  await draftReply(panel, 'accept');
  await expect(panel.getByTestId('draft-source')).toContainText('Outlook ·');
  await panel.getByRole('button', { name: 'Insert into reply' }).click();
  await expect(panel.getByTestId('draft-inserted')).toHaveText(/inserted the draft|Inserted into the reply box/);
  await expect(webPage.getByRole('textbox', { name: 'Message body' })).toContainText('Yes, please confirm the booking');

  await webPage.goto(`${files.origin}/webmail/proton-thread.html`);
  await draftReply(panel, 'accept');
  await expect(panel.getByTestId('draft-source')).toContainText('Proton Mail ·');
  await panel.getByRole('button', { name: 'Insert into reply' }).click();
  await expect(panel.getByTestId('draft-inserted')).toHaveText(/inserted the draft|Inserted into the reply box/);
  const composer = webPage.frameLocator('iframe[data-testid="rooster-iframe"]');
  await expect(composer.locator('#rooster-editor')).toContainText('Yes, please confirm the booking');
  // Proton's composer already holds the quoted history: the draft goes above it.
  const composed = await composer.locator('#rooster-editor').innerText();
  expect(composed.indexOf('Yes, please confirm the booking')).toBeLessThan(composed.indexOf('wrote:'));

  const requests = await scriptedEngineLog(serviceWorker);
  expect(requests).toHaveLength(2);
});

test('no open conversation: a specific message, and the engine is not asked', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const panel = await replyViewBeside(webPage, `${files.origin}/webmail/gmail-inbox.html`, openDetachedPanel);
  await draftReply(panel, 'hello');
  await expect(panel.getByTestId('draft-error')).toHaveText(/^No open email conversation was found in this tab\./);
  expect(await scriptedEngineLog(serviceWorker)).toEqual([]);
  // The intent is kept for another try.
  await expect(panel.getByLabel('What do you want to say?')).toHaveValue('hello');
});

test('opening the Reply view preloads the downloaded draft model before anything is asked', async ({
  context,
  extensionId,
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const model = serveFakeModel(files, 'Draft-Test-q4f32_1-MLC');
  const options = await openOptions(await context.newPage(), extensionId);
  await addModel(options, model);
  await options.getByLabel('Email replies').selectOption(model.modelId);
  const row = options.locator(`li[data-model="${model.modelId}"]`);
  await row.getByRole('button', { name: 'Download for offline use' }).click();
  await expect(row.getByTestId('download-status')).toHaveText(/^Downloaded/, { timeout: 30_000 });
  await options.close();

  await webPage.goto(`${files.origin}/webmail/gmail-thread.html`);
  const panel = await openDetachedPanel();
  // Nothing loaded yet beyond what opening a panel preloads (the summary model is not downloaded, so nothing).
  expect(await residencyLog(serviceWorker)).toEqual([]);
  await panel.getByRole('tab', { name: 'Reply to email' }).click();
  await expect.poll(() => residencyLog(serviceWorker)).toEqual([{ event: 'load', modelId: model.modelId }]);

  await draftReply(panel, 'yes');
  await expect(panel.getByTestId('draft-text')).toHaveValue(DRAFT);
  // The draft ran on the preloaded model without loading it again.
  expect(await residencyLog(serviceWorker)).toEqual([{ event: 'load', modelId: model.modelId }]);
  expect((await scriptedEngineLog(serviceWorker))[0]!.modelId).toBe(model.modelId);
});

test('Insert refuses to write into another conversation opened since the draft was written', async ({
  webPage,
  files,
  openDetachedPanel,
}) => {
  const panel = await replyViewBeside(webPage, `${files.origin}/webmail/gmail-thread.html`, openDetachedPanel);
  await draftReply(panel, 'yes');
  await expect(panel.getByTestId('draft-text')).toHaveValue(DRAFT);

  await webPage.goto(`${files.origin}/webmail/outlook-thread.html`);
  await panel.getByRole('button', { name: 'Insert into reply' }).click();
  await expect(panel.getByTestId('draft-inserted')).toHaveText(
    /^Another conversation is open now than the one this draft answers/,
  );
  await expect(webPage.getByRole('textbox', { name: 'Message body' })).toHaveCount(0);
  // The draft stays to copy.
  await expect(panel.getByTestId('draft-text')).toHaveValue(DRAFT);
});

test('the reply shortcut opens the Reply view beside the email, ready for the intent', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const url = `${files.origin}/webmail/gmail-thread.html`;
  await webPage.goto(url);
  const panel = await openDetachedPanel();
  await expect(panel.getByRole('tab', { name: 'This page' })).toHaveAttribute('aria-selected', 'true');
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.commands?.['draft-reply']?.suggested_key).toEqual({ default: 'Alt+Shift+E' });

  await invokeTrigger(serviceWorker, 'onCommand', 'draft-reply', await tabOf(serviceWorker, url));
  await expect(panel.getByRole('tab', { name: 'Reply to email' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByLabel('What do you want to say?')).toBeFocused();
  await panel.keyboard.type('thanks,');
  await panel.keyboard.press('Enter');
  await panel.keyboard.type('see you there');
  await expect(panel.getByLabel('What do you want to say?')).toHaveValue('thanks,\nsee you there');
  await panel.keyboard.press('Control+Enter');
  await expect(panel.getByTestId('draft-text')).toHaveValue(DRAFT);
});

test('on any other site, the reply is drafted from the page and written into its reply field', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const url = files.serve(
    '/forum/post.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Starter smells like acetone</title></head><body>
      <main><article><h1>Starter smells like acetone</h1>
        <p>My sourdough starter is a week old and smells like nail polish remover. I feed it once a day with rye flour.
        Should I throw it away and start again, or is there something I can change in how I feed it?</p></article>
      <form><label for="reply">Your reply</label><textarea id="reply" rows="6">Welcome to the forum!</textarea></form></main>
    </body></html>`,
  );
  const panel = await replyViewBeside(webPage, url, openDetachedPanel);
  await draftReply(panel, 'feed it twice a day');
  await expect(panel.getByTestId('draft-source')).toHaveText(
    /^Replying to: Starter smells like acetone\s*Web page · 1 message read$/,
  );
  const user = (await scriptedEngineLog(serviceWorker))[0]!.messages[1]!.content;
  expect(user).toContain('smells like nail polish remover');

  // The user clicks into the field after their greeting: the draft goes where the caret is.
  await webPage.locator('#reply').evaluate((field: HTMLTextAreaElement) => {
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  });
  await panel.getByRole('button', { name: 'Insert into reply' }).click();
  await expect(panel.getByTestId('draft-inserted')).toHaveText(/^Inserted into the reply box\./);
  await expect(webPage.locator('#reply')).toHaveValue(new RegExp(`^Welcome to the forum!\\s+${DRAFT.split('\n')[0]}`));
});

test('a chosen draft model too large for the GPU budget is refused with a one-click switch to the lighter one', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  await useScriptedEngine(serviceWorker, { reply: DRAFT, tokenDelayMs: 1 }, 2000);
  // Left to itself Tacit would take the lighter model on this budget; the user chose the default.
  await serviceWorker.evaluate(() => chrome.storage.local.set({ taskModels: { draft: 'default' } }));
  const panel = await replyViewBeside(webPage, `${files.origin}/webmail/gmail-thread.html`, openDetachedPanel);
  await draftReply(panel, 'yes');
  await expect(panel.getByTestId('draft-error')).toHaveText(
    /^This model needs about 2952 MB of GPU memory, and Tacit may use 2000 MB on this device\./,
  );
  await panel.getByRole('button', { name: 'Use the lighter model' }).click();
  await expect(panel.getByTestId('draft-text')).toHaveValue(DRAFT);
  expect((await scriptedEngineLog(serviceWorker)).map((request) => request.modelId)).toEqual([
    'Llama-3.2-1B-Instruct-q4f32_1-MLC',
  ]);
  expect(await serviceWorker.evaluate(() => chrome.storage.local.get('taskModels'))).toEqual({
    taskModels: { draft: 'light' },
  });
});

test('a finished draft can be reworked (shorter, more formal, …) and still goes into its conversation', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const panel = await replyViewBeside(webPage, `${files.origin}/webmail/gmail-thread.html`, openDetachedPanel);
  await draftReply(panel, 'yes');
  const draft = panel.getByTestId('draft-text');
  await expect(draft).toHaveValue(DRAFT);
  await draft.fill(`${DRAFT}\nP.S. Lunch for four.`);

  const shorter = 'Hi Maya,\n\nYes, please book 12–14 June with the microphones.\n\nJonas';
  await useScriptedEngine(serviceWorker, { reply: shorter, tokenDelayMs: 1 });
  await panel.getByRole('group', { name: 'Rework the draft' }).getByRole('button', { name: 'Shorter' }).click();
  await expect(draft).toHaveValue(shorter);
  const [, refine] = await scriptedEngineLog(serviceWorker);
  // The draft as the user left it (their P.S. included) is what gets reworked.
  expect(refine!.messages[1]!.content).toContain('P.S. Lunch for four.');
  expect(refine!.messages[0]!.content).toContain('noticeably shorter');

  // Not better? One click goes back to the version before the rework, and another comes forward again.
  const rework = panel.getByRole('group', { name: 'Rework the draft' });
  await rework.getByRole('button', { name: 'Previous version' }).click();
  await expect(draft).toHaveValue(`${DRAFT}\nP.S. Lunch for four.`);
  await rework.getByRole('button', { name: 'Previous version' }).click();
  await expect(draft).toHaveValue(shorter);

  // A rework stopped halfway can be undone too.
  await useScriptedEngine(serviceWorker, {
    reply: 'Dear Ms Lindqvist, ' + 'thank you kindly '.repeat(40),
    tokenDelayMs: 40,
  });
  await rework.getByRole('button', { name: 'More formal' }).click();
  await expect(draft).toHaveValue(/^Dear Ms Lindqvist/);
  await panel.getByRole('button', { name: 'Stop' }).click();
  await expect(panel.getByTestId('draft-stopped')).toBeVisible();
  await rework.getByRole('button', { name: 'Previous version' }).click();
  await expect(draft).toHaveValue(shorter);

  await panel.getByRole('button', { name: 'Insert into reply' }).click();
  await expect(webPage.getByRole('textbox', { name: 'Message Body' })).toContainText(
    'Yes, please book 12–14 June with the microphones.',
  );
});

test('the view tabs work from the keyboard: one tab stop, arrow keys switch', async ({ openPanel }) => {
  const panel = await openPanel();
  const pageTab = panel.getByRole('tab', { name: 'This page' });
  const replyTab = panel.getByRole('tab', { name: 'Reply to email' });
  await pageTab.focus();
  await panel.keyboard.press('ArrowRight');
  await expect(replyTab).toHaveAttribute('aria-selected', 'true');
  await expect(replyTab).toBeFocused();
  await expect(panel.getByRole('tabpanel', { name: 'Reply to email' })).toContainText('What do you want to say?');
  await expect(pageTab).toHaveAttribute('tabindex', '-1');
  await panel.keyboard.press('ArrowLeft');
  await expect(pageTab).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByRole('tabpanel', { name: 'This page' })).toContainText('Summarize this page');
});

test('"Reply with Tacit" in the context menu opens the Reply view for that tab', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const url = `${files.origin}/webmail/gmail-thread.html`;
  await webPage.goto(url);
  const panel = await openDetachedPanel();
  const tab = await tabOf(serviceWorker, url);
  await invokeTrigger(
    serviceWorker,
    'onMenuClicked',
    { menuItemId: 'tacit-draft-reply', editable: false, pageUrl: url, frameId: 0 },
    tab,
  );
  await expect(panel.getByRole('tab', { name: 'Reply to email' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByLabel('What do you want to say?')).toBeFocused();
});

test('Outlook’s single-message pane in German: reads the sender and the mail, inserts once signed, and undoes', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  await useScriptedEngine(serviceWorker, {
    reply: 'Hallo Anna,\n\nja, Donnerstag um 8 Uhr passt.\n\nViele Grüße\nJonas',
  });
  const url = files.serve('/mail/inbox/id/AAMkADSingleMessage', webmailFixture('outlook-single-message.html'));
  const panel = await replyViewBeside(webPage, url, openDetachedPanel);
  await draftReply(panel, '');
  await expect(panel.getByTestId('draft-source')).toContainText('Replying to Anna Schmidt · Lieferung der Ersatzteile');
  await expect(panel.getByTestId('draft-source')).toContainText('Outlook · 1 message read');
  const [request] = await scriptedEngineLog(serviceWorker);
  // The mail is German: the reply is asked for in German, and the quoted history is not read.
  expect(request!.messages[0]!.content).toContain('Write the reply in German');
  expect(request!.messages[1]!.content).toContain('Können wir den Einbau am Donnerstag um 8 Uhr einplanen?');
  expect(request!.messages[1]!.content).not.toContain('Die Anlage steht bis dahin still');
  // Nothing read so far shows the user's signature (no mail of theirs here, no reply open): the draft signs itself.
  expect(request!.messages[0]!.content).toContain("a sign-off followed by the user's name");
  await panel.getByRole('button', { name: 'Insert into reply' }).click();
  await expect(panel.getByTestId('draft-inserted')).toHaveText(
    /^Opened a reply and inserted the draft\..*Your signature already gives your name/,
  );
  const box = webPage.getByRole('textbox', { name: /^Nachrichtentext/ });
  const text = await box.innerText();
  expect(text.indexOf('ja, Donnerstag um 8 Uhr passt.')).toBeLessThan(text.indexOf('Produktion, Contoso'));
  // Signed once: the signature gives "Jonas Weber", the draft's own "Jonas" line was left out.
  expect(text).toMatch(/Viele Grüße\s+Jonas Weber/);
  await box.focus();
  await webPage.keyboard.press('Control+z');
  await expect(box).not.toContainText('ja, Donnerstag um 8 Uhr passt.');
  await expect(box).toContainText('Produktion, Contoso');
});

test('a recognised client whose open message cannot be read says so, and one click drafts from the message text', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const url = files.serve(
    '/mail/inbox/id/AAQkADChangedLayout',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mail - Jonas Weber - Outlook</title></head><body>
      <div id="O365_NavHeader"><button id="O365_MainLink_Me" aria-label="Account manager for Jonas Weber">JW</button></div>
      <div id="ReadingPaneContainerId" role="main" data-app-section="MailReadCompose">
        <div role="heading" aria-level="2"><span title="Budget 2026">Budget 2026</span></div>
        <div class="card"><div class="who">Priya Raman</div>
          <div class="text"><p>Hi Jonas, could you send me the budget figures for 2026 by Friday? The board meets next week.</p></div></div>
      </div></body></html>`,
  );
  const panel = await replyViewBeside(webPage, url, openDetachedPanel);
  await draftReply(panel, 'yes, Thursday');
  await expect(panel.getByTestId('draft-error')).toHaveText(
    /^Tacit recognised Outlook but could not read the open message\. Select the message text and try again/,
  );
  expect(await scriptedEngineLog(serviceWorker)).toEqual([]);

  await panel.getByRole('button', { name: 'Select the message text and try again' }).click();
  await expect(panel.getByTestId('draft-text')).toHaveValue(DRAFT);
  await expect(panel.getByTestId('draft-source')).toContainText('Read from the text selected in the page.');
  // What was read is visible in the page: the reading pane is selected.
  expect(await webPage.evaluate(() => String(document.getSelection()))).toContain('budget figures for 2026');
  const [request] = await scriptedEngineLog(serviceWorker);
  expect(request!.messages[1]!.content).toContain('could you send me the budget figures for 2026 by Friday?');
  expect(request!.messages[1]!.content).not.toContain('Account manager');
});

test('Insert refuses another conversation of the same client, told apart by the client’s own thread ids', async ({
  webPage,
  files,
  openDetachedPanel,
}) => {
  const panel = await replyViewBeside(webPage, `${files.origin}/webmail/gmail-thread.html`, openDetachedPanel);
  await draftReply(panel, 'yes');
  await expect(panel.getByTestId('draft-text')).toHaveValue(DRAFT);

  // Another Gmail thread that happens to carry the same subject: only its ids tell it apart.
  const other = webmailFixture('gmail-thread.html')
    .replaceAll('thread-f:1825730000000000001', 'thread-f:1825730000000000777')
    .replaceAll('1955f3b2c4d6e8a0', '1955f3b2c4d6e777');
  await webPage.goto(files.serve('/webmail/gmail-other-thread.html', other));
  await panel.getByRole('button', { name: 'Insert into reply' }).click();
  await expect(panel.getByTestId('draft-inserted')).toHaveText(
    /^Another conversation is open now than the one this draft answers/,
  );
  await expect(webPage.getByRole('textbox', { name: 'Message Body' })).toHaveCount(0);
});

test('Proton in message mode: the French mail is answered in French, into the reply’s composer only', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const url = files.serve(
    '/u/0/inbox/Jx5vQy2bW8nM3kT0pL9aZc4dE7fG1hR6sU2iV0oN8mK5jH3gF9dS1aQ7wE4rT6yU2iO8pA0sD3fG5hJ7kL9zX1c==',
    webmailFixture('proton-message-mode.html'),
  );
  const panel = await replyViewBeside(webPage, url, openDetachedPanel);
  await draftReply(panel, 'oui, quelqu’un sera là');
  await expect(panel.getByTestId('draft-source')).toContainText('Replying to Élodie Martin · Commande de cartons B4');
  const [request] = await scriptedEngineLog(serviceWorker);
  expect(request!.messages[0]!.content).toContain('Write the reply in French');
  await panel.getByRole('button', { name: 'Insert into reply' }).click();
  await expect(panel.getByTestId('draft-inserted')).toHaveText(/^Opened a reply and inserted the draft\./);
  const reply = webPage
    .locator('[data-testid="composer"][aria-label^="Re:"]')
    .frameLocator('iframe')
    .locator('#rooster-editor');
  await expect(reply).toContainText('Yes, please confirm the booking');
  // The user's other draft ("New message") is left alone.
  const other = webPage
    .locator('[data-testid="composer"][aria-label="New message"]')
    .frameLocator('iframe')
    .locator('#rooster-editor');
  await expect(other).toHaveText(/^Notes for the Lyon visit/);
  await expect(other).not.toContainText('Yes, please confirm the booking');
});

test('Gmail’s split pane: reads the previewed conversation and says how many hidden messages were not read', async ({
  webPage,
  files,
  openDetachedPanel,
}) => {
  const panel = await replyViewBeside(webPage, `${files.origin}/webmail/gmail-split-pane.html`, openDetachedPanel);
  await draftReply(panel, 'sí');
  await expect(panel.getByTestId('draft-source')).toContainText(
    'Replying to Carmen Ruiz · Presupuesto del congreso de Valencia',
  );
  await expect(panel.getByTestId('draft-source')).toContainText('Gmail · 2 messages read');
  await expect(panel.getByTestId('draft-source')).toContainText('2 collapsed messages were not read.');
  await panel.getByRole('button', { name: 'Insert into reply' }).click();
  await expect(panel.getByTestId('draft-inserted')).toHaveText(/^Opened a reply and inserted the draft\./);
  await expect(webPage.getByRole('textbox', { name: 'Message Body' })).toContainText('Yes, please confirm the booking');
});

test('a long draft is shown whole as it streams: the box grows with it and the panel follows its end', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const lines = Array.from({ length: 30 }, (_, index) => `Line ${index} of a long reply.`);
  await useScriptedEngine(serviceWorker, {
    reply: `Hi Maya,\n\n${lines.join('\n')}\n\nBest,\nJonas`,
    tokensPerSecond: 60,
  });
  const panel = await replyViewBeside(webPage, `${files.origin}/webmail/gmail-thread.html`, openDetachedPanel);
  await panel.setViewportSize({ width: 400, height: 600 });
  await draftReply(panel, 'a long answer');
  const draft = panel.getByTestId('draft-text');
  /** The box's text that is out of its own view, and where the box ends in the panel's window. */
  const seen = () =>
    draft.evaluate((box: HTMLTextAreaElement) => ({
      hidden: box.scrollHeight - box.clientHeight,
      bottom: Math.round(box.getBoundingClientRect().bottom),
      window: innerHeight,
      lines: box.value.split('\n').length,
    }));
  await expect.poll(async () => (await seen()).lines, { timeout: 30_000 }).toBeGreaterThan(24);
  const midway = await seen();
  expect(midway.hidden).toBeLessThanOrEqual(0);
  expect(midway.bottom).toBeLessThanOrEqual(midway.window);
  await expect(panel.getByRole('button', { name: 'Insert into reply' })).toBeEnabled({ timeout: 30_000 });
  const done = await seen();
  expect(done.lines).toBe(35);
  expect(done.hidden).toBeLessThanOrEqual(0);
});
