import type { Page, Worker } from '@playwright/test';
import { LONG_ARTICLE_BOILERPLATE, LONG_ARTICLE_CLOSING, longArticleHtml } from '../fixtures/pages/long-article';
import { expect, invokeTrigger, scriptedEngineLog, tabOf, test, useScriptedEngine } from './support/extension-test';

const ARTICLE = '/pages/news-article.html';
const ARTICLE_TITLE = 'Harbour authority approves Zephyrine dredging plan';

/** Opens `url` in the web tab and a panel beside it, and clicks "Summarize this page". */
async function summarizeInPanel(webPage: Page, url: string, openDetachedPanel: () => Promise<Page>): Promise<Page> {
  await webPage.goto(url);
  const panel = await openDetachedPanel();
  await panel.getByRole('button', { name: 'Summarize this page' }).click();
  return panel;
}

/** Chooses "Summarize selection" in the right-click menu of the tab's top frame, as the browser reports the click. */
/** Summarizes the page at `url` in the panel; the system prompt and the user message (with the page's text) the engine got. */
async function summaryPromptOf(
  url: string,
  webPage: Page,
  openDetachedPanel: () => Promise<Page>,
  serviceWorker: Worker,
): Promise<[string, string]> {
  const panel = await summarizeInPanel(webPage, url, openDetachedPanel);
  await expect(panel.getByTestId('summary')).toContainText('Scripted reply');
  const [request] = await scriptedEngineLog(serviceWorker);
  return [request!.messages[0]!.content, request!.messages[1]!.content];
}

/** The page's text as the model got it holds each of `read` and none of `leftOut`. */
function expectRead(text: string, read: string[], leftOut: string[]): void {
  for (const shown of read) expect(text).toContain(shown);
  for (const left of leftOut) expect(text).not.toContain(left);
}

async function summarizeSelectionFromMenu(
  serviceWorker: Worker,
  tab: Awaited<ReturnType<typeof tabOf>>,
  selected: string,
): Promise<void> {
  await invokeTrigger(
    serviceWorker,
    'onMenuClicked',
    { menuItemId: 'tacit-summarize-selection', editable: false, selectionText: selected, frameId: 0, pageUrl: tab.url },
    tab,
  );
}

test.beforeEach(async ({ serviceWorker }) => {
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 5, tokenCount: 12 });
});

test('"Summarize this page" streams a summary of the article beside the panel, built from its main text only', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const panel = await summarizeInPanel(webPage, files.origin + ARTICLE, openDetachedPanel);

  await expect(panel.getByTestId('summary')).toContainText('Scripted reply about:');
  await expect(panel.getByTestId('summary-source')).toContainText(`Summary of: ${ARTICLE_TITLE}`);
  await expect(panel.getByTestId('summary-source')).toContainText(files.origin + ARTICLE);
  await expect(panel.getByRole('button', { name: 'Regenerate' })).toBeEnabled();

  const [request] = await scriptedEngineLog(serviceWorker);
  const system = request!.messages[0]!.content;
  const user = request!.messages[1]!.content;
  // The article's text is in the prompt, fenced as data; the sidebar, comments and footer are not.
  expect(user).toContain('Zephyrine dredging contract');
  expect(user).toContain('sediment plume monitoring buoys');
  expect(user).not.toContain('Lighthouse keeper retires');
  expect(user).not.toContain('Subscribe for £1');
  expect(system).not.toContain('Zephyrine');
  expect(user).toMatch(/<<<BEGIN PAGE [0-9a-f]+>>>[\s\S]*Zephyrine[\s\S]*<<<END PAGE [0-9a-f]+>>>/);
  // Defaults: key points, medium length, in the page's language (en-GB → English).
  expect(system).toMatch(/bullet/i);
  expect(system).toContain('English');
});

test('options are remembered and shape the prompt; German pages are summarized in German by default', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  await webPage.goto(`${files.origin}/pages/german-article.html`);
  const panel = await openDetachedPanel();
  await panel.getByLabel('Summary').selectOption('headline');
  await panel.getByLabel('Length').selectOption('short');
  await panel.getByRole('button', { name: 'Summarize this page' }).click();
  await expect(panel.getByTestId('summary')).toContainText('Scripted reply');
  const [request] = await scriptedEngineLog(serviceWorker);
  expect(request!.messages[0]!.content).toMatch(/headline/i);
  expect(request!.messages[0]!.content).toContain('12 words');
  expect(request!.messages[0]!.content).toContain('German');

  await panel.reload();
  await expect(panel.getByLabel('Summary')).toHaveValue('headline');
  await expect(panel.getByLabel('Length')).toHaveValue('short');
});

/** Records every line the running card's progress shows, in order. */
async function recordProgress(panel: Page): Promise<() => Promise<string[]>> {
  await panel.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressLines: string[] }).progressLines = seen;
    new MutationObserver(() => {
      const line = document.querySelector('[data-testid="task-progress"]')?.textContent;
      if (line && seen.at(-1) !== line) seen.push(line);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  return () => panel.evaluate(() => (window as unknown as { progressLines: string[] }).progressLines);
}

test('a 60,000-word page asks first, then is summarized in parts with progress and time left, then combined', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 1, tokenCount: 8 });
  const url = files.serve('/generated/long-article.html', longArticleHtml(60_000));
  await webPage.goto(url);
  const panel = await openDetachedPanel();
  const progress = await recordProgress(panel);
  await panel.getByRole('button', { name: 'Summarize this page' }).click();

  // More than 20 parts: the size and the time measured on the first part, and the choice.
  const question = panel.getByTestId('large-summary');
  await expect(question).toContainText(/This page is long: \d+ parts/, { timeout: 20_000 });
  await expect(question).toContainText(/About [\d,]+ words, summarized in \d+ parts one after another\./);
  await expect(question).toContainText(
    /On this device that takes about .+ for all parts, or about .+ for the first 20\./,
  );
  await question.getByRole('button', { name: 'Summarize all' }).click();
  await expect(panel.getByTestId('summary')).toContainText('Scripted reply', { timeout: 60_000 });

  const log = await scriptedEngineLog(serviceWorker);
  const lines = await progress();
  const parts = lines.map((line) => /Summarizing part (\d+) of (\d+)/.exec(line)).filter((match) => match !== null);
  const total = Number(parts[0]![2]);
  expect(total).toBeGreaterThan(20);
  expect(new Set(parts.map((match) => match[1])).size).toBe(total);
  expect(lines.some((line) => /Summarizing part \d+ of \d+ \(about .+ left\)/.test(line))).toBe(true);
  expect(lines.some((line) => line.startsWith('Combining the parts'))).toBe(true);
  // Every part of the page reached the engine: the closing sentence is in the last part, the boilerplate nowhere.
  const prompts = log.map((entry) => entry.messages.map((message) => message.content).join('\n'));
  expect(prompts.slice(0, total).some((prompt) => prompt.includes(LONG_ARTICLE_CLOSING))).toBe(true);
  expect(prompts.some((prompt) => prompt.includes(LONG_ARTICLE_BOILERPLATE))).toBe(false);
  expect(log.length).toBeGreaterThan(total);
  await expect(panel.getByTestId('summary-coverage')).toHaveCount(0);
});

test('a long page summarized only in its first parts, as the user chose, says what the summary covers', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 1, tokenCount: 8 });
  const url = files.serve('/generated/long-article.html', longArticleHtml(60_000));
  await webPage.goto(url);
  const panel = await openDetachedPanel();
  await panel.getByRole('button', { name: 'Summarize this page' }).click();
  const question = panel.getByTestId('large-summary');
  await question.getByRole('button', { name: 'Only the first 20 parts' }).click({ timeout: 20_000 });
  await expect(question).toHaveCount(0);
  await expect(panel.getByTestId('summary')).toContainText('Scripted reply', { timeout: 45_000 });
  await expect(panel.getByTestId('summary-coverage')).toHaveText(/^ ?Covers the first 20 of \d+ parts of the page\.$/);
  const prompts = (await scriptedEngineLog(serviceWorker)).map((entry) =>
    entry.messages.map((message) => message.content).join('\n'),
  );
  expect(prompts.filter((prompt) => /part \d+ of \d+ of a long page/.test(prompt))).toHaveLength(20);
  expect(prompts.some((prompt) => prompt.includes(LONG_ARTICLE_CLOSING))).toBe(false);
});

test("summarizing another page clears the old page's card at once, before any new text arrives", async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const panel = await summarizeInPanel(webPage, files.origin + ARTICLE, openDetachedPanel);
  await expect(panel.getByRole('button', { name: 'Regenerate' })).toBeEnabled();
  await expect(panel.getByTestId('summary-source')).toContainText(ARTICLE_TITLE);

  // The next summary is slow to start writing; the old title and text must be gone before its first word.
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 1500, tokenCount: 5 });
  await webPage.goto(`${files.origin}/pages/blog-code.html`);
  await panel.getByRole('button', { name: 'Summarize this page' }).click();
  await expect(panel.getByTestId('summary-card').getByRole('button', { name: 'Stop' })).toBeVisible();
  await expect(panel.getByTestId('summary')).toHaveText('');
  await expect(panel.getByTestId('summary-card')).not.toContainText(ARTICLE_TITLE);
  await expect(panel.getByTestId('summary-source')).toContainText('Summary of:');
  await expect(panel.getByTestId('summary')).toHaveText('');
  await expect(panel.getByTestId('summary')).toContainText('Scripted reply', { timeout: 15_000 });
});

test('an error card and a summary card can be dismissed', async ({ webPage, files, openDetachedPanel }) => {
  await webPage.goto(`${files.origin}/pages/empty-page.html`);
  const panel = await openDetachedPanel();
  await panel.getByRole('button', { name: 'Summarize this page' }).click();
  await expect(panel.getByTestId('summary-error')).toBeVisible();
  await panel.getByTestId('summary-card').getByRole('button', { name: 'Dismiss' }).click();
  await expect(panel.getByTestId('summary-card')).toHaveCount(0);
  await expect(panel.getByText('Replies appear here.')).toBeVisible();

  await webPage.goto(files.origin + ARTICLE);
  await panel.getByRole('button', { name: 'Summarize this page' }).click();
  await expect(panel.getByRole('button', { name: 'Regenerate' })).toBeEnabled();
  await panel.getByTestId('summary-card').getByRole('button', { name: 'Dismiss' }).click();
  await expect(panel.getByTestId('summary-card')).toHaveCount(0);
  await expect(panel.getByLabel('Ask Tacit')).toBeVisible();
});

test('an endless feed is summarized as far as it had loaded, and the panel says so', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const panel = await summarizeInPanel(
    webPage,
    `${files.origin}/extraction/state-infinite-feed.html`,
    openDetachedPanel,
  );
  await expect(panel.getByTestId('summary')).toContainText('Scripted reply');
  await expect(panel.getByTestId('summary-source')).toContainText(
    'This page loads more as you scroll; the summary covers what had loaded when Tacit read it.',
  );
  const [request] = await scriptedEngineLog(serviceWorker);
  expect(request!.messages[1]!.content).toContain('the stile at the top of Gull Field');
});

test('"Summarize selection" reads text selected inside a web component\'s shadow root', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const url = `${files.origin}/pages/shadow-article.html`;
  await webPage.goto(url);
  const panel = await openDetachedPanel();
  // Selected with the mouse, focus stays on the page: the document sees only a collapsed range at the component.
  const selected = await webPage.evaluate(() => {
    const root = document.getElementById('story')!.shadowRoot!;
    const paragraph = [...root.querySelectorAll('p')].find((p) => p.textContent?.includes('Lake Wenatchee are'))!;
    getSelection()!.selectAllChildren(paragraph);
    return getSelection()!.toString();
  });
  expect(selected).toContain('level path from the state park campground');
  const tab = await tabOf(serviceWorker, url);
  await summarizeSelectionFromMenu(serviceWorker, tab, selected);
  await expect(panel.getByTestId('summary')).toContainText('Scripted reply');
  const [request] = await scriptedEngineLog(serviceWorker);
  expect(request!.messages[1]!.content).toContain(
    'The glacial erratics near Lake Wenatchee are among the easiest to visit: a level path from the state park campground',
  );
  expect(request!.messages[1]!.content).not.toContain('Walk any trail above the treeline');
});

test('a page made of frames is read from its frames, and a text file as text rather than as code', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  // Old documentation sites: the top document is a <frameset>, its text is all in the frames.
  const panel = await summarizeInPanel(webPage, `${files.origin}/frames/index.html`, openDetachedPanel);
  await expect(panel.getByTestId('summary')).toContainText('Scripted reply');
  await expect(panel.getByTestId('summary-source')).toContainText('Summary of: Harbour ledger API (frames)');
  const [framed] = await scriptedEngineLog(serviceWorker);
  expect(framed!.messages[1]!.content).toContain('refuses a booking that would overlap another');
  expect(framed!.messages[1]!.content).toContain('turned away with the reason');

  // A text file: its lines and paragraphs as written, not fenced as a code block; named by its file name.
  await webPage.goto(`${files.origin}/text/basin-minutes.txt`);
  await panel.getByRole('button', { name: 'Summarize this page' }).click();
  await expect(panel.getByTestId('summary-source')).toContainText('Summary of: basin-minutes.txt');
  await expect(panel.getByTestId('summary')).toContainText('Scripted reply');
  const text = (await scriptedEngineLog(serviceWorker)).at(-1)!.messages[1]!.content;
  expect(text).toContain(
    'The group met on Tuesday in the harbour office. Eleven members attended.\n\n1. Dredging schedule\n\n',
  );
  expect(text).toContain('The ferry company will keep its timetable during the first stage and publish\nany change');
  expect(text).not.toContain('```');
});

test('what a click would open is read with the page: accordion, FAQ and tab panels', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const [, text] = await summaryPromptOf(
    `${files.origin}/collapsed/service-faq.html`,
    webPage,
    openDetachedPanel,
    serviceWorker,
  );
  expectRead(
    text,
    [
      'Our engineers service inboard and outboard engines',
      'antifouls the hull at no extra charge',
      // Collapsed until a click: an accordion panel, an FAQ answer, a tab panel.
      'We are approved dealers for Volvo Penta',
      'Most services take two working days',
      'twelve-month warranty on parts and labour',
    ],
    // A menu button's list, screen-reader text.
    ['Chandlery opening hours', 'End of answer'],
  );
});

test('a list of stories (a topic page) is read as its headlines and teasers, not as one of them', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const [system, text] = await summaryPromptOf(
    `${files.origin}/listing/topic-page.html`,
    webPage,
    openDetachedPanel,
    serviceWorker,
  );
  expectRead(
    text,
    [
      'Stay up to date with our coverage of the island ferries',
      'Island ferry runs again after ramp repairs',
      'bookings made for the cancelled crossings are honoured',
      'Lifeboat crew honoured for the January rescue',
      'the medals are presented at the harbour in May',
    ],
    // The site's menus, the list's sort links, its button and the footer.
    ['Subscribe', 'Popular', 'Load more stories', 'About us'],
  );
  // The model is told it summarizes a list of stories, not one article.
  expect(system).toContain('The page is a list of stories');
});

test('restricted and empty pages get specific messages', async ({ webPage, files, openDetachedPanel }) => {
  await webPage.goto('chrome://version');
  const panel = await openDetachedPanel();
  await panel.getByRole('button', { name: 'Summarize this page' }).click();
  await expect(panel.getByTestId('summary-error')).toHaveText(
    /^Tacit cannot read this page: browsers do not let extensions read their own pages .* select text on a regular web page and choose "Summarize selection"/,
  );

  await webPage.goto(`${files.origin}/pages/empty-page.html`);
  await panel.getByRole('button', { name: 'Summarize this page' }).click();
  await expect(panel.getByTestId('summary-error')).toHaveText(/^This page has no readable text to summarize/);
});

test('a follow-up question is answered in the same conversation', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const panel = await summarizeInPanel(webPage, files.origin + ARTICLE, openDetachedPanel);
  await expect(panel.getByTestId('summary')).toContainText('Scripted reply');
  await expect(panel.getByLabel('Ask about this page')).toBeVisible();

  await panel.getByLabel('Ask about this page').fill('Who approved the plan?');
  await panel.keyboard.press('Enter');
  await expect(panel.getByTestId('question')).toHaveText('You asked: Who approved the plan?');
  await expect(panel.getByTestId('answer')).toContainText('Scripted reply about: Who approved the plan?');

  const log = await scriptedEngineLog(serviceWorker);
  expect(log).toHaveLength(2);
  const [summaryRequest, followUp] = log;
  // The conversation continues: same system prompt and fenced page, the summary as the assistant turn, then the question.
  expect(followUp!.messages.slice(0, 2)).toEqual(summaryRequest!.messages);
  expect(followUp!.messages[2]!.role).toBe('assistant');
  expect(followUp!.messages[2]!.content).toContain('Scripted reply');
  expect(followUp!.messages.at(-1)).toEqual({ role: 'user', content: 'Who approved the plan?' });
  expect(followUp!.modelId).toBe(summaryRequest!.modelId);
});

test('the context menu "Summarize selection" summarizes just the selected text', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  await webPage.goto(files.origin + ARTICLE);
  const panel = await openDetachedPanel();
  const selected = await webPage.evaluate(() => {
    const paragraph = [...document.querySelectorAll('p')].find((p) =>
      p.textContent?.includes('sediment plume monitoring buoys'),
    )!;
    getSelection()!.selectAllChildren(paragraph);
    return getSelection()!.toString();
  });
  const tab = await tabOf(serviceWorker, files.origin + ARTICLE);

  // The handler the browser calls is the one registered, and the item exists.
  expect(
    await serviceWorker.evaluate(() =>
      chrome.contextMenus.onClicked.hasListener(
        (globalThis as unknown as { tacitTriggers: { onMenuClicked: never } }).tacitTriggers.onMenuClicked,
      ),
    ),
  ).toBe(true);
  await expect
    .poll(() =>
      serviceWorker.evaluate(() =>
        chrome.contextMenus.update('tacit-summarize-selection', {}).then(
          () => true,
          () => false,
        ),
      ),
    )
    .toBe(true);

  await summarizeSelectionFromMenu(serviceWorker, tab, selected);
  await expect(panel.getByTestId('summary')).toContainText('Scripted reply');
  await expect(panel.getByTestId('summary-source')).toContainText(`Summary of your selection on: ${ARTICLE_TITLE}`);

  const [request] = await scriptedEngineLog(serviceWorker);
  expect(request!.messages[1]!.content).toContain(selected.trim());
  expect(request!.messages[1]!.content).not.toContain('Zephyrine dredging contract');
});

test('the keyboard shortcut summarizes the tab it was pressed on', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  await webPage.goto(files.origin + ARTICLE);
  const panel = await openDetachedPanel();
  const tab = await tabOf(serviceWorker, files.origin + ARTICLE);
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.commands?.['summarize-page']?.suggested_key).toEqual({
    default: 'Alt+Shift+S',
    chromeos: 'Alt+Shift+U',
  });
  expect(
    await serviceWorker.evaluate(() =>
      chrome.commands.onCommand.hasListener(
        (globalThis as unknown as { tacitTriggers: { onCommand: never } }).tacitTriggers.onCommand,
      ),
    ),
  ).toBe(true);

  await invokeTrigger(serviceWorker, 'onCommand', 'summarize-page', tab);
  await expect(panel.getByTestId('summary-source')).toContainText(ARTICLE_TITLE);
  await expect(panel.getByTestId('summary')).toContainText('Scripted reply');
});

test('closing the tab mid-summary stops it and says so; a failed re-run keeps the summary on screen', async ({
  context,
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const panel = await summarizeInPanel(webPage, files.origin + ARTICLE, openDetachedPanel);
  await expect(panel.getByRole('button', { name: 'Regenerate' })).toBeEnabled();
  const firstSummary = await panel.getByTestId('summary').textContent();
  expect(firstSummary).toContain('token1');

  // Re-run on a page Tacit cannot read: the error shows, the earlier summary stays.
  await webPage.goto('chrome://version');
  await panel.getByRole('button', { name: 'Regenerate' }).click();
  await expect(panel.getByTestId('summary-error')).toBeVisible();
  expect(await panel.getByTestId('summary').textContent()).toBe(firstSummary);

  // A slow summary of a tab that is then closed.
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 50, tokenCount: 400 });
  const other = await context.newPage();
  await other.goto(`${files.origin}/pages/blog-code.html`);
  const tab = await tabOf(serviceWorker, `${files.origin}/pages/blog-code.html`);
  await invokeTrigger(serviceWorker, 'onActionClicked', tab);
  await expect(panel.getByTestId('summary')).toContainText('token3');
  await other.close();
  await expect(panel.getByTestId('summary-error')).toHaveText('The tab was closed, so the summary stopped.');
});

test('on a webmail client, "Summarize this page" summarizes the open conversation, not the mailbox around it', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const panel = await summarizeInPanel(webPage, `${files.origin}/webmail/gmail-thread.html`, openDetachedPanel);
  await expect(panel.getByTestId('summary')).toContainText('Scripted reply about:');
  await expect(panel.getByTestId('summary-source')).toContainText('Summary of: Lisbon offsite: venue booking');
  const [system, user] = (await scriptedEngineLog(serviceWorker))[0]!.messages.map((message) => message.content);
  expect(system).toContain('The page is an email conversation');
  expect(user).toContain('## Maya Lindqvist <maya.lindqvist@example.com> — Thu, 6 Mar 2025, 16:40');
  expect(user).toContain('Shall I confirm the booking for 12–14 June?');
  expect(user).not.toContain('Back to Inbox');
});

test('the panel follows a reply as it is written while the user is at its end, stays put once they scroll up, and "Jump to the end" goes back', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  // A line a point, 5 tokens each: the summary comes fast, the answer at a pace the user's scrolling can fall in.
  const reply = Array.from({ length: 16 }, (_, index) => `Point ${index}: one short line.\n\n`).join('');
  await useScriptedEngine(serviceWorker, { reply, tokensPerSecond: 60 });
  await webPage.goto(files.origin + ARTICLE);
  const panel = await openDetachedPanel();
  await panel.setViewportSize({ width: 400, height: 480 });
  /** Where the card's text ends, from the top of the panel's window, and how far the panel is scrolled. */
  const place = (testId: string) =>
    panel.getByTestId(testId).evaluate((text) => ({
      textBottom: Math.round(text.getBoundingClientRect().bottom),
      scrollY: Math.round(scrollY),
      height: innerHeight,
      chars: text.textContent!.length,
    }));

  // The panel fits at first, so the user is at its end: the summary's last lines stay in view as it grows past it.
  await panel.getByRole('button', { name: 'Summarize this page' }).click();
  await expect(panel.getByTestId('summary')).toContainText('Point 12:');
  let seen = await place('summary');
  expect(seen.scrollY).toBeGreaterThan(0);
  expect(seen.textBottom).toBeLessThanOrEqual(seen.height);
  await expect(panel.getByRole('button', { name: 'Regenerate' })).toBeEnabled({ timeout: 60_000 });

  // Scrolled up to read the summary's start, the user asks a follow-up: the panel goes to the answer and follows it.
  await panel.mouse.move(200, 300);
  await panel.mouse.wheel(0, -5000);
  await expect.poll(() => panel.evaluate(() => scrollY)).toBe(0);
  await useScriptedEngine(serviceWorker, { reply, tokensPerSecond: 20 });
  await panel.getByLabel('Ask about this page').fill('What are the points?');
  await panel.getByLabel('Ask about this page').press('Enter');
  await expect(panel.getByTestId('answer')).toContainText('Point 4:');
  seen = await place('answer');
  expect(seen.textBottom).toBeLessThanOrEqual(seen.height);
  expect(seen.textBottom).toBeGreaterThan(0);
  const jumpToEnd = panel.getByRole('button', { name: 'Jump to the end' });
  await expect(jumpToEnd).toHaveCount(0);

  // The user scrolls up a little while it is written: the panel stays where they put it as the answer grows.
  await panel.mouse.wheel(0, -200);
  await expect.poll(async () => (await place('answer')).scrollY).toBeLessThan(seen.scrollY);
  const held = await place('answer');
  await expect(jumpToEnd).toBeVisible();
  await expect(panel.getByTestId('answer')).toContainText('Point 8:');
  const later = await place('answer');
  expect(later.chars).toBeGreaterThan(held.chars);
  expect(later.scrollY).toBe(held.scrollY);

  // "Jump to the end" (shown while the reply is written out of view) goes back: it follows again, to the last line.
  await jumpToEnd.click();
  await expect(jumpToEnd).toHaveCount(0);
  await expect(panel.getByTestId('answer')).toContainText('Point 12:');
  seen = await place('answer');
  expect(seen.textBottom).toBeLessThanOrEqual(seen.height);
  await expect(panel.getByRole('button', { name: 'Send' })).toBeEnabled({ timeout: 60_000 });
  await expect(panel.getByTestId('answer')).toContainText('Point 15:');
  seen = await place('answer');
  expect(seen.textBottom).toBeLessThanOrEqual(seen.height);
});
