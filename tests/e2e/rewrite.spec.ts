import type { Page, Worker } from '@playwright/test';
import { expect, invokeTrigger, scriptedEngineLog, tabOf, test, useScriptedEngine } from './support/extension-test';

const REWRITTEN = 'please fix this as soon as possible';

test.beforeEach(async ({ serviceWorker }) => {
  await useScriptedEngine(serviceWorker, { reply: REWRITTEN, tokenDelayMs: 3 });
});

/** Clicks "Rewrite with Tacit → style" the way the browser would: through the registered handler. */
async function rewriteFromMenu(
  worker: Worker,
  page: Page,
  style: string,
  options: { editable: boolean; frameId?: number },
) {
  const tab = await tabOf(worker, page.url());
  const selectionText = await page.evaluate(() => getSelection()?.toString() ?? '');
  await invokeTrigger(
    worker,
    'onMenuClicked',
    {
      menuItemId: `tacit-rewrite-${style}`,
      parentMenuItemId: 'tacit-rewrite',
      editable: options.editable,
      selectionText,
      frameId: options.frameId ?? 0,
      pageUrl: page.url(),
    },
    tab,
  );
}

/** Selects `text` inside an input or textarea, the way a user drags over it. */
async function selectInField(page: Page, selector: string, text: string) {
  await page.evaluate(
    ([fieldSelector, wanted]) => {
      const field = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(fieldSelector)!;
      const start = field.value.indexOf(wanted);
      field.focus();
      field.setSelectionRange(start, start + wanted.length);
    },
    [selector, text] as const,
  );
}

/** The textarea fixture with "pls fix asap" selected, and a panel beside it. */
async function panelBesideTextareaSelection(
  page: Page,
  origin: string,
  openDetachedPanel: () => Promise<Page>,
): Promise<Page> {
  await page.goto(`${origin}/editing/textarea.html`);
  const panel = await openDetachedPanel();
  await selectInField(page, '#message', 'pls fix asap');
  return panel;
}

async function expectRewriteReady(panel: Page, original: string) {
  await expect(panel.getByTestId('rewrite-original')).toHaveText(original);
  await expect(panel.getByTestId('rewrite-result')).toHaveText(REWRITTEN);
  await expect(panel.getByRole('button', { name: 'Replace' })).toBeEnabled();
}

test('the menu lists every style and the click handler is the registered one', async ({ serviceWorker }) => {
  const ids = ['tacit-rewrite', 'proofread', 'formal', 'friendly', 'shorter', 'longer', 'simpler', 'custom'].map(
    (id) => (id === 'tacit-rewrite' ? id : `tacit-rewrite-${id}`),
  );
  for (const id of [...ids, 'tacit-summarize-selection', 'tacit-draft-reply']) {
    await expect
      .poll(() =>
        serviceWorker.evaluate(
          (itemId) =>
            chrome.contextMenus.update(itemId, {}).then(
              () => true,
              () => false,
            ),
          id,
        ),
      )
      .toBe(true);
  }
  expect(
    await serviceWorker.evaluate(() =>
      chrome.contextMenus.onClicked.hasListener(
        (globalThis as unknown as { tacitTriggers: { onMenuClicked: never } }).tacitTriggers.onMenuClicked,
      ),
    ),
  ).toBe(true);
});

test('textarea: Replace puts the result exactly where the selection was, fires input, and Ctrl+Z restores it', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const panel = await panelBesideTextareaSelection(webPage, files.origin, openDetachedPanel);
  await rewriteFromMenu(serviceWorker, webPage, 'formal', { editable: true });
  await expectRewriteReady(panel, 'pls fix asap');
  await expect(panel.getByRole('heading', { name: 'More formal' })).toBeVisible();

  // Focus moves elsewhere in the page before Replace: the remembered selection still applies.
  await webPage.evaluate(() => document.querySelector<HTMLButtonElement>('#elsewhere')!.focus());
  await panel.getByRole('button', { name: 'Replace' }).click();
  await expect(panel.getByTestId('rewrite-applied')).toHaveText(/^Replaced\./);
  expect(await webPage.inputValue('#message')).toBe(`Hi team,\n${REWRITTEN}, the build is broken again.\nThanks`);
  expect(
    await webPage.evaluate(() =>
      (window as unknown as { inputLog: Array<{ type: string }> }).inputLog.map((e) => e.type),
    ),
  ).toContain('insertText');

  await webPage.focus('#message');
  await webPage.keyboard.press('Control+z');
  expect(await webPage.inputValue('#message')).toBe('Hi team,\npls fix asap, the build is broken again.\nThanks');

  const [request] = await scriptedEngineLog(serviceWorker);
  expect(request!.messages.at(-1)!.content).toContain('pls fix asap');
});

test('input[type=text]: Replace and undo', async ({ webPage, files, openDetachedPanel, serviceWorker }) => {
  await webPage.goto(`${files.origin}/editing/input.html`);
  const panel = await openDetachedPanel();
  await webPage.evaluate(() => {
    const field = document.querySelector<HTMLInputElement>('#subject')!;
    field.focus();
    field.setSelectionRange(0, 'meeting tmrw'.length);
  });
  await rewriteFromMenu(serviceWorker, webPage, 'formal', { editable: true });
  await expectRewriteReady(panel, 'meeting tmrw');
  await panel.getByRole('button', { name: 'Replace' }).click();
  await expect(panel.getByTestId('rewrite-applied')).toHaveText(/^Replaced\./);
  expect(await webPage.inputValue('#subject')).toBe(`${REWRITTEN} re budget stuff`);
  expect(
    await webPage.evaluate(() =>
      (window as unknown as { inputLog: Array<{ target: string }> }).inputLog.map((e) => e.target),
    ),
  ).toContain('subject');
  await webPage.focus('#subject');
  await webPage.keyboard.press('Control+z');
  expect(await webPage.inputValue('#subject')).toBe('meeting tmrw re budget stuff');
});

test('contenteditable: Replace keeps the surrounding text, fires input, and undo restores the original', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  await webPage.goto(`${files.origin}/editing/contenteditable.html`);
  const panel = await openDetachedPanel();
  const before = await webPage.locator('#composer').innerHTML();
  await webPage.evaluate(() => {
    const line = document.querySelector('#composer')!.children[1]!.firstChild as Text;
    const start = line.data.indexOf('pls fix asap');
    const range = document.createRange();
    range.setStart(line, start);
    range.setEnd(line, start + 'pls fix asap'.length);
    document.querySelector<HTMLElement>('#composer')!.focus();
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await rewriteFromMenu(serviceWorker, webPage, 'friendly', { editable: true });
  await expectRewriteReady(panel, 'pls fix asap');
  await panel.getByRole('button', { name: 'Replace' }).click();
  await expect(panel.getByTestId('rewrite-applied')).toHaveText(/^Replaced\./);
  await expect(webPage.locator('#composer')).toHaveText(`Hi team,${REWRITTEN}, the build is broken again.Thanks`);
  expect(
    await webPage.evaluate(() =>
      (window as unknown as { inputLog: Array<{ target: string }> }).inputLog.map((e) => e.target),
    ),
  ).toContain('composer');
  await webPage.keyboard.press('Control+z');
  expect(await webPage.locator('#composer').innerHTML()).toBe(before);
});

test('a real rich-text editor (Quill 2): Replace goes through the editor and its undo restores the original', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  await webPage.goto(`${files.origin}/editing/quill.html`);
  const panel = await openDetachedPanel();
  await webPage.evaluate(() => {
    const quill = (
      window as unknown as { quill: { getText(): string; setSelection(i: number, l: number): void; focus(): void } }
    ).quill;
    quill.focus();
    quill.setSelection(quill.getText().indexOf('pls fix asap'), 'pls fix asap'.length);
  });
  await rewriteFromMenu(serviceWorker, webPage, 'formal', { editable: true });
  await expectRewriteReady(panel, 'pls fix asap');
  await panel.getByRole('button', { name: 'Replace' }).click();
  await expect(panel.getByTestId('rewrite-applied')).toHaveText(/^Replaced\./);
  const quillText = () =>
    webPage.evaluate(() => (window as unknown as { quill: { getText(): string } }).quill.getText());
  await expect.poll(quillText).toBe(`Hi team,\n${REWRITTEN}, the build is broken again.\nThanks\n`);
  expect(
    await webPage.evaluate(() => (window as unknown as { inputLog: Array<{ source: string }> }).inputLog.length),
  ).toBeGreaterThan(0);
  await webPage.locator('.ql-editor').focus();
  await webPage.keyboard.press('Control+z');
  await expect.poll(quillText).toBe('Hi team,\npls fix asap, the build is broken again.\nThanks\n');
});

/** Opens the ProseMirror fixture, selects `text` by a DOM range, and waits until ProseMirror's own state holds it. */
async function selectInProseMirror(page: Page, origin: string, text: string) {
  await page.goto(`${origin}/editing/prosemirror.html`);
  await page.evaluate((wanted) => {
    const editor = document.querySelector<HTMLElement>('.ProseMirror')!;
    const line = editor.children[1]!.firstChild as Text;
    const start = line.data.indexOf(wanted);
    const range = document.createRange();
    range.setStart(line, start);
    range.setEnd(line, start + wanted.length);
    editor.focus();
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  }, text);
  await expect.poll(() => proseMirrorState(page).then((state) => state.selected)).toBe(text);
}

/** ProseMirror's own state, not its DOM: the text of each top-level block, the selected text, and its undo history depth. */
function proseMirrorState(page: Page): Promise<{ blocks: string[]; selected: string; undoDepth: number }> {
  return page.evaluate(() => {
    type Node = {
      textContent: string;
      forEach(visit: (child: Node) => void): void;
      textBetween(from: number, to: number): string;
    };
    const fixture = window as unknown as {
      pmView: { state: { doc: Node; selection: { from: number; to: number } } };
      pmUndoDepth: () => number;
    };
    const { doc, selection } = fixture.pmView.state;
    const blocks: string[] = [];
    doc.forEach((block) => blocks.push(block.textContent));
    return { blocks, selected: doc.textBetween(selection.from, selection.to), undoDepth: fixture.pmUndoDepth() };
  });
}

/** "pls fix asap" selected in the ProseMirror fixture and rewritten in `style`, ready to apply in the returned panel. */
async function rewriteInProseMirror(
  page: Page,
  origin: string,
  openDetachedPanel: () => Promise<Page>,
  worker: Worker,
  style: string,
): Promise<Page> {
  await selectInProseMirror(page, origin, 'pls fix asap');
  const panel = await openDetachedPanel();
  await rewriteFromMenu(worker, page, style, { editable: true });
  await expectRewriteReady(panel, 'pls fix asap');
  return panel;
}

async function undoInProseMirror(page: Page) {
  await page.locator('.ProseMirror').focus();
  await page.keyboard.press('Control+z');
}

const PROSEMIRROR_ORIGINAL = ['Hi team,', 'pls fix asap, the build is broken again.', 'Thanks'];

test('a real ProseMirror editor: Replace lands in its document state and its undo restores the original', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const panel = await rewriteInProseMirror(webPage, files.origin, openDetachedPanel, serviceWorker, 'formal');
  await panel.getByRole('button', { name: 'Replace' }).click();
  await expect(panel.getByTestId('rewrite-applied')).toHaveText(/^Replaced\./);
  const blocks = () => proseMirrorState(webPage).then((state) => state.blocks);
  await expect.poll(blocks).toEqual(['Hi team,', `${REWRITTEN}, the build is broken again.`, 'Thanks']);
  expect((await proseMirrorState(webPage)).undoDepth).toBeGreaterThan(0);

  await undoInProseMirror(webPage);
  await expect.poll(blocks).toEqual(PROSEMIRROR_ORIGINAL);
  // The editor's history took it back, not the browser's native undo.
  expect((await proseMirrorState(webPage)).undoDepth).toBe(0);
});

test('a real ProseMirror editor: Insert below adds the result as its own line in the document state', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const panel = await rewriteInProseMirror(webPage, files.origin, openDetachedPanel, serviceWorker, 'shorter');
  await panel.getByRole('button', { name: 'Insert below' }).click();
  await expect(panel.getByTestId('rewrite-applied')).toHaveText(/^Inserted below/);
  const blocks = () => proseMirrorState(webPage).then((state) => state.blocks);
  await expect.poll(blocks).toEqual(['Hi team,', 'pls fix asap', REWRITTEN, ', the build is broken again.', 'Thanks']);

  await undoInProseMirror(webPage);
  await expect.poll(blocks).toEqual(PROSEMIRROR_ORIGINAL);
  expect((await proseMirrorState(webPage)).undoDepth).toBe(0);
});

test('same-origin iframe: the selection inside the frame is read and replaced there', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  await webPage.goto(`${files.origin}/editing/iframe-outer.html`);
  const panel = await openDetachedPanel();
  const frame = webPage.frameLocator('#frame');
  await frame.locator('#message').waitFor();
  const inner = webPage.frames().find((candidate) => candidate.url().endsWith('iframe-inner.html'))!;
  await inner.evaluate(() => {
    const field = document.querySelector<HTMLTextAreaElement>('#message')!;
    const start = field.value.indexOf('pls review my draft');
    field.focus();
    field.setSelectionRange(start, start + 'pls review my draft'.length);
  });
  const tab = await tabOf(serviceWorker, webPage.url());
  const frameId = await serviceWorker.evaluate(async (tabId) => {
    const results = await chrome.scripting.executeScript({
      target: { tabId, allFrames: true },
      func: () => location.pathname,
    });
    return results.find((result) => String(result.result).endsWith('iframe-inner.html'))!.frameId;
  }, tab.id);
  expect(frameId).toBeGreaterThan(0);
  await invokeTrigger(
    serviceWorker,
    'onMenuClicked',
    {
      menuItemId: 'tacit-rewrite-formal',
      editable: true,
      selectionText: 'pls review my draft',
      frameId,
      pageUrl: webPage.url(),
      frameUrl: inner.url(),
    },
    tab,
  );
  await expectRewriteReady(panel, 'pls review my draft');
  await panel.getByRole('button', { name: 'Replace' }).click();
  await expect(panel.getByTestId('rewrite-applied')).toHaveText(/^Replaced\./);
  expect(await inner.inputValue('#message')).toBe(`Inside the frame: ${REWRITTEN}.`);
  expect(
    await inner.evaluate(() =>
      (window as unknown as { inputLog: Array<{ type: string }> }).inputLog.map((e) => e.type),
    ),
  ).toContain('insertText');
  await inner.focus('#message');
  await webPage.keyboard.press('Control+z');
  expect(await inner.inputValue('#message')).toBe('Inside the frame: pls review my draft.');
});

test('read-only text: the result is shown with Copy, and nothing offers to replace it', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  await webPage.goto(`${files.origin}/editing/readonly.html`);
  const panel = await openDetachedPanel();
  await webPage.evaluate(() => getSelection()!.selectAllChildren(document.querySelector('#second')!));
  await rewriteFromMenu(serviceWorker, webPage, 'simpler', { editable: false });
  await expect(panel.getByTestId('rewrite-result')).toHaveText(REWRITTEN);
  await expect(panel.getByTestId('rewrite-original')).toHaveText('A second paragraph.');
  await expect(panel.getByRole('button', { name: 'Copy', exact: true }).first()).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Replace' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Insert below' })).toHaveCount(0);
});

test('password field: the click handler refuses and no text is read or sent to the model', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  await webPage.goto(`${files.origin}/editing/password.html`);
  const panel = await openDetachedPanel();
  await webPage.evaluate(() => {
    const field = document.querySelector<HTMLInputElement>('#password')!;
    field.focus();
    field.select();
  });
  const tab = await tabOf(serviceWorker, webPage.url());
  // Chrome gives no selection text for password fields; the frame refuses the field by its type.
  await invokeTrigger(
    serviceWorker,
    'onMenuClicked',
    { menuItemId: 'tacit-rewrite-formal', editable: true, frameId: 0, pageUrl: webPage.url(), selectionText: '' },
    tab,
  );
  await expect(panel.getByTestId('rewrite-error')).toHaveText('Tacit never reads password fields.');
  await expect(panel.getByRole('button', { name: 'Stop' })).toHaveCount(0);
  // The shortcut takes the same path.
  await webPage.focus('#password');
  await invokeTrigger(serviceWorker, 'onCommand', 'rewrite-selection', tab);
  await expect(panel.getByTestId('rewrite-error')).toHaveText('Tacit never reads password fields.');
  await expect(panel.getByTestId('rewrite-original')).toHaveCount(0);
  expect(await scriptedEngineLog(serviceWorker)).toEqual([]);
  await expect(panel.locator('body')).not.toContainText('hunter2');
});

test('proofread lists its changes; Replace refuses if the original changed meanwhile and keeps the result', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  await useScriptedEngine(serviceWorker, {
    reply: 'Please fix ASAP\n---CHANGES---\n- "pls" → "Please": spelling\n- "asap" → "ASAP": abbreviation',
    tokenDelayMs: 2,
  });
  const panel = await panelBesideTextareaSelection(webPage, files.origin, openDetachedPanel);
  await rewriteFromMenu(serviceWorker, webPage, 'proofread', { editable: true });
  await expect(panel.getByTestId('rewrite-result')).toHaveText('Please fix ASAP');
  await expect(panel.getByTestId('rewrite-changes').locator('li')).toHaveText([
    '“pls” → “Please”: spelling',
    '“asap” → “ASAP”: abbreviation',
  ]);

  await webPage.fill('#message', 'Something else entirely');
  await panel.getByRole('button', { name: 'Replace' }).click();
  await expect(panel.getByTestId('rewrite-applied')).toHaveText(/^The selected text was changed since you asked/);
  expect(await webPage.inputValue('#message')).toBe('Something else entirely');
  await expect(panel.getByTestId('rewrite-result')).toHaveText('Please fix ASAP');
});

test('proofread lists what really changed, whatever list the model wrote; an unchanged text needs no corrections', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  await useScriptedEngine(serviceWorker, {
    reply: 'Please fix asap!\n---CHANGES---\n- "asap" → "ASAP": abbreviation\n- "recieve" → "receive": spelling',
    tokenDelayMs: 2,
  });
  const panel = await panelBesideTextareaSelection(webPage, files.origin, openDetachedPanel);
  await rewriteFromMenu(serviceWorker, webPage, 'proofread', { editable: true });
  await expect(panel.getByTestId('rewrite-result')).toHaveText('Please fix asap!');
  await expect(panel.getByTestId('rewrite-changes').locator('li')).toHaveText(['“pls” → “Please”', '“asap” → “asap!”']);

  await useScriptedEngine(serviceWorker, {
    reply: 'pls fix asap\n---CHANGES---\n- "pls" → "Please": spelling',
    tokenDelayMs: 2,
  });
  await selectInField(webPage, '#message', 'pls fix asap');
  await rewriteFromMenu(serviceWorker, webPage, 'proofread', { editable: true });
  await expect(panel.getByTestId('rewrite-changes')).toContainText('No corrections needed.');
  await expect(panel.getByTestId('rewrite-changes').locator('li')).toHaveCount(0);
});

test('the shortcut rewrites the selection with the last-used style; Insert below adds the result after it', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  await webPage.goto(`${files.origin}/editing/textarea.html`);
  const panel = await openDetachedPanel();
  const select = () => selectInField(webPage, '#message', 'pls fix asap');
  await select();
  await rewriteFromMenu(serviceWorker, webPage, 'shorter', { editable: true });
  await expectRewriteReady(panel, 'pls fix asap');

  await select();
  const tab = await tabOf(serviceWorker, webPage.url());
  await invokeTrigger(serviceWorker, 'onCommand', 'rewrite-selection', tab);
  await expect.poll(async () => (await scriptedEngineLog(serviceWorker)).length).toBe(2);
  const [first, second] = await scriptedEngineLog(serviceWorker);
  expect(second!.messages[0]!.content).toBe(first!.messages[0]!.content);
  await expect(panel.getByRole('heading', { name: 'Shorter' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Insert below' })).toBeEnabled();
  await panel.getByRole('button', { name: 'Insert below' }).click();
  await expect(panel.getByTestId('rewrite-applied')).toHaveText(/^Inserted below/);
  expect(await webPage.inputValue('#message')).toContain(`pls fix asap\n${REWRITTEN}`);
});

test('if the page reloads before Replace, Replace is off and says why, and the result stays to copy', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const panel = await panelBesideTextareaSelection(webPage, files.origin, openDetachedPanel);
  await rewriteFromMenu(serviceWorker, webPage, 'formal', { editable: true });
  await expectRewriteReady(panel, 'pls fix asap');
  await webPage.reload();
  await expect(panel.getByRole('button', { name: 'Replace' })).toBeDisabled();
  await expect(panel.getByTestId('rewrite-gone')).toHaveText(/^Replace is off: the page with your text changed/);
  expect(await webPage.inputValue('#message')).toBe('Hi team,\npls fix asap, the build is broken again.\nThanks');
  await expect(panel.getByTestId('rewrite-result')).toHaveText(REWRITTEN);
});

test('if the field is replaced in the page before Replace, nothing is written and Replace turns off', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const panel = await panelBesideTextareaSelection(webPage, files.origin, openDetachedPanel);
  await rewriteFromMenu(serviceWorker, webPage, 'formal', { editable: true });
  await expectRewriteReady(panel, 'pls fix asap');
  // A page script swaps the field for a copy (as frameworks do on re-render): no navigation the panel could see.
  await webPage.evaluate(() => {
    const field = document.querySelector('#message')!;
    field.replaceWith(field.cloneNode(true));
  });
  await panel.getByRole('button', { name: 'Replace' }).click();
  await expect(panel.getByTestId('rewrite-applied')).toHaveText(/^The original text is no longer where it was/);
  await expect(panel.getByRole('button', { name: 'Replace' })).toBeDisabled();
  expect(await webPage.inputValue('#message')).toBe('Hi team,\npls fix asap, the build is broken again.\nThanks');
  await expect(panel.getByTestId('rewrite-result')).toHaveText(REWRITTEN);
});

test('a selection too long for one pass says how long, and can be rewritten part by part', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const paragraph = (index: number) =>
    `Paragraph ${index}: ${'the committee discussed the budget and the timeline at length '.repeat(9).trim()}.`;
  const long = Array.from({ length: 24 }, (_, index) => paragraph(index + 1)).join('\n\n');
  const url = files.serve(
    '/generated/long-textarea.html',
    `<!doctype html><html lang="en"><body><textarea id="message" rows="20" cols="80"></textarea></body></html>`,
  );
  await webPage.goto(url);
  await webPage.evaluate((text) => {
    const field = document.querySelector<HTMLTextAreaElement>('#message')!;
    field.value = text;
    field.focus();
    field.select();
  }, long);
  const panel = await openDetachedPanel();
  await rewriteFromMenu(serviceWorker, webPage, 'shorter', { editable: true });
  await expect(panel.getByTestId('rewrite-error')).toHaveText(
    /^The selection is too long to rewrite at once: \d+ words, and this model can take about \d+\./,
  );
  expect(await scriptedEngineLog(serviceWorker)).toEqual([]);

  await panel.getByRole('button', { name: 'Rewrite it part by part' }).click();
  await expect(panel.getByRole('button', { name: 'Replace' })).toBeEnabled({ timeout: 15_000 });
  const log = await scriptedEngineLog(serviceWorker);
  expect(log.length).toBeGreaterThan(1);
  // Every paragraph went to the model in exactly one part, in order.
  const sent = log.map((entry) => entry.messages.at(-1)!.content).join('\n');
  for (let index = 1; index <= 24; index++) expect(sent.split(`Paragraph ${index}:`).length - 1).toBe(1);
  const result = (await panel.getByTestId('rewrite-result').textContent()) ?? '';
  expect(result.split(REWRITTEN).length - 1).toBe(log.length);

  await panel.getByRole('button', { name: 'Replace' }).click();
  await expect(panel.getByTestId('rewrite-applied')).toHaveText(/^Replaced\./);
  expect(await webPage.inputValue('#message')).toBe(result);
});

test('a stopped rewrite keeps its text: Copy works, and Replace says the text is partial and puts in what was written', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  await useScriptedEngine(serviceWorker, { reply: 'Could you please fix this as soon as possible', tokenDelayMs: 400 });
  const panel = await panelBesideTextareaSelection(webPage, files.origin, openDetachedPanel);
  await panel.evaluate(() => {
    const copied: string[] = [];
    (window as unknown as { copied: string[] }).copied = copied;
    navigator.clipboard.writeText = async (text: string) => void copied.push(text);
  });
  await rewriteFromMenu(serviceWorker, webPage, 'formal', { editable: true });
  const card = panel.getByTestId('rewrite-card');
  await expect(panel.getByTestId('rewrite-result')).toContainText('Could you');
  await card.getByRole('button', { name: 'Stop' }).click();
  await expect(card.getByTestId('rewrite-stopped')).toBeVisible();
  const partial = (await panel.getByTestId('rewrite-result').textContent()) ?? '';
  expect(partial).not.toContain('possible');

  await card.getByRole('button', { name: 'Copy' }).click();
  expect(await panel.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([partial]);
  await expect(card.getByTestId('rewrite-partial')).toHaveText(/^Stopped early, so this text is partial\./);
  await card.getByRole('button', { name: 'Replace' }).click();
  await expect(panel.getByTestId('rewrite-applied')).toHaveText(/^Replaced\./);
  expect(await webPage.inputValue('#message')).toBe(`Hi team,\n${partial}, the build is broken again.\nThanks`);
});

test('Replace turns off and says why once the page of the selection is left, and the card can be dismissed', async ({
  webPage,
  files,
  openDetachedPanel,
  serviceWorker,
}) => {
  const panel = await panelBesideTextareaSelection(webPage, files.origin, openDetachedPanel);
  await rewriteFromMenu(serviceWorker, webPage, 'formal', { editable: true });
  await expectRewriteReady(panel, 'pls fix asap');

  await webPage.goto(`${files.origin}/pages/news-article.html`);
  const card = panel.getByTestId('rewrite-card');
  await expect(card.getByRole('button', { name: 'Replace' })).toBeDisabled();
  await expect(card.getByRole('button', { name: 'Insert below' })).toBeDisabled();
  await expect(card.getByTestId('rewrite-gone')).toHaveText(/^Replace is off: the page with your text changed/);
  await expect(card.getByRole('button', { name: 'Copy' })).toBeEnabled();

  await card.getByRole('button', { name: 'Dismiss' }).click();
  await expect(panel.getByTestId('rewrite-card')).toHaveCount(0);
  await expect(panel.getByTestId('rewrite-result')).toHaveCount(0);
});
