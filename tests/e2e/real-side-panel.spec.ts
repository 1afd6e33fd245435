import type { BrowserContext, CDPSession, Worker } from '@playwright/test';
import { expect, scriptedEngineLog, tabOf, test, useScriptedEngine } from './support/extension-test';

/** Runs an expression in a target Playwright does not list (the real side panel), over CDP. */
class TargetSession {
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: { result?: { value?: unknown } } };
      if (message.id !== undefined) this.pending.get(message.id)?.(message.result?.result?.value);
    });
  }

  static async attach(cdp: CDPSession, urlPart: string): Promise<TargetSession> {
    let targetId: string | undefined;
    await expect
      .poll(async () => {
        const { targetInfos } = (await cdp.send('Target.getTargets')) as {
          targetInfos: Array<{ targetId: string; url: string; type: string }>;
        };
        targetId = targetInfos.find((info) => info.url.includes(urlPart) && info.type === 'page')?.targetId;
        return targetId !== undefined;
      })
      .toBe(true);
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: targetId!, flatten: false })) as {
      sessionId: string;
    };
    return new TargetSession(cdp, sessionId);
  }

  evaluate<T>(expression: string): Promise<T> {
    const id = this.nextId++;
    const result = new Promise<T>((resolve) => this.pending.set(id, resolve as (value: unknown) => void));
    void this.cdp.send('Target.sendMessageToTarget', {
      sessionId: this.sessionId,
      message: JSON.stringify({
        id,
        method: 'Runtime.evaluate',
        params: { expression, returnByValue: true, awaitPromise: true },
      }),
    });
    return result;
  }
}

/**
 * Opens the real side panel on a tab: an extension page in a window of its own (the launcher) gets a button whose
 * click, a real user gesture, calls sidePanel.open. Returns the panel, reached over CDP.
 */
async function openRealSidePanel(
  context: BrowserContext,
  worker: Worker,
  extensionId: string,
  tabId: number,
): Promise<TargetSession> {
  const opened = context.waitForEvent('page');
  await worker.evaluate(
    (id) => chrome.windows.create({ url: `chrome-extension://${id}/options.html`, type: 'popup' }),
    extensionId,
  );
  const launcher = await opened;
  await launcher.waitForLoadState();
  await launcher.evaluate((id) => {
    const button = document.createElement('button');
    button.textContent = 'open side panel';
    button.onclick = () => void chrome.sidePanel.open({ tabId: id });
    document.body.prepend(button);
  }, tabId);
  await launcher.getByRole('button', { name: 'open side panel' }).click();
  return TargetSession.attach(await context.newCDPSession(launcher), '/sidepanel.html');
}

test('the real side panel, docked beside a tab, summarizes that tab', async ({
  context,
  webPage,
  files,
  extensionId,
  serviceWorker,
}) => {
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 3, tokenCount: 16 });
  await webPage.goto(`${files.origin}/pages/news-article.html`);
  const tab = await tabOf(serviceWorker, webPage.url());

  const panel = await openRealSidePanel(context, serviceWorker, extensionId, tab.id);
  // Docked: the panel has no tab of its own, and "this page" is the active tab of its window.
  await expect.poll(() => panel.evaluate<boolean>(`chrome.tabs.getCurrent().then((t) => t === undefined)`)).toBe(true);
  await expect
    .poll(() =>
      panel.evaluate<boolean>(
        `!![...document.querySelectorAll('button')].find((b) => b.textContent === 'Summarize this page')`,
      ),
    )
    .toBe(true);
  await panel.evaluate(
    `[...document.querySelectorAll('button')].find((b) => b.textContent === 'Summarize this page').click()`,
  );
  await expect
    .poll(() => panel.evaluate<string>(`document.querySelector('[data-testid="summary-source"]')?.textContent ?? ''`))
    .toContain('Harbour authority approves Zephyrine dredging plan');
  await expect
    .poll(() => panel.evaluate<string>(`document.querySelector('[data-testid="summary"]')?.textContent ?? ''`))
    .toContain('token7');
  const [request] = await scriptedEngineLog(serviceWorker);
  expect(request!.messages[1]!.content).toContain('Zephyrine dredging contract');
});

test('a toolbar click on a tab reaches the panel docked in that window', async ({
  context,
  webPage,
  files,
  extensionId,
  serviceWorker,
}) => {
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 3, tokenCount: 16 });
  await webPage.goto(`${files.origin}/pages/blog-code.html`);
  const tab = await tabOf(serviceWorker, webPage.url());
  const panel = await openRealSidePanel(context, serviceWorker, extensionId, tab.id);
  await expect
    .poll(() => panel.evaluate<boolean>(`!!document.querySelector('[data-testid="engine-status"]')`))
    .toBe(true);

  // What the browser calls on a toolbar click (its sidePanel.open needs a real gesture, which is already done here).
  await serviceWorker.evaluate(
    (tabInfo) =>
      (
        globalThis as unknown as { tacitTriggers: { onActionClicked(tab: unknown): void } }
      ).tacitTriggers.onActionClicked(tabInfo),
    { id: tab.id, windowId: tab.windowId, url: tab.url },
  );
  await expect
    .poll(() => panel.evaluate<string>(`document.querySelector('[data-testid="summary-source"]')?.textContent ?? ''`))
    .toContain('Debouncing resize observers without losing the last frame');
  await expect
    .poll(() => panel.evaluate<string>(`document.querySelector('[data-testid="summary"]')?.textContent ?? ''`))
    .toContain('token7');
});

test('a toolbar click on a webmail tab turns the docked panel to Reply, and the draft goes into that tab', async ({
  context,
  webPage,
  files,
  extensionId,
  serviceWorker,
}) => {
  await useScriptedEngine(serviceWorker, {
    reply: 'Hi Maya,\n\nYes, please book it.\n\nBest,\nJonas',
    tokenDelayMs: 2,
  });
  await webPage.goto(`${files.origin}/webmail/gmail-thread.html`);
  const tab = await tabOf(serviceWorker, webPage.url());
  const panel = await openRealSidePanel(context, serviceWorker, extensionId, tab.id);
  await expect
    .poll(() => panel.evaluate<boolean>(`!!document.querySelector('[data-testid="engine-status"]')`))
    .toBe(true);

  // The browser reports the real client's address for this tab; the fixture stands in for its page.
  await serviceWorker.evaluate(
    (tabInfo) =>
      (
        globalThis as unknown as { tacitTriggers: { onActionClicked(tab: unknown): void } }
      ).tacitTriggers.onActionClicked(tabInfo),
    { id: tab.id, windowId: tab.windowId, url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQ' },
  );
  await expect
    .poll(() =>
      panel.evaluate<string>(`document.querySelector('[role="tab"][aria-selected="true"]')?.textContent ?? ''`),
    )
    .toBe('Reply to email');
  await panel.evaluate(`(() => {
    const intent = document.getElementById('draft-intent');
    intent.value = 'yes, book it';
    intent.dispatchEvent(new Event('input', { bubbles: true }));
    [...document.querySelectorAll('button')].find((b) => b.textContent === 'Draft reply').click();
  })()`);
  await expect
    .poll(() => panel.evaluate<string>(`document.querySelector('[data-testid="draft-source"]')?.textContent ?? ''`))
    .toContain('Replying to Maya Lindqvist · Lisbon offsite: venue booking');
  await expect
    .poll(() => panel.evaluate<string>(`document.querySelector('[data-testid="draft-text"]')?.value ?? ''`))
    .toContain('Yes, please book it.');
  await expect
    .poll(() =>
      panel.evaluate<boolean>(
        `[...document.querySelectorAll('button')].some((b) => b.textContent === 'Insert into reply' && !b.disabled)`,
      ),
    )
    .toBe(true);
  await panel.evaluate(
    `[...document.querySelectorAll('button')].find((b) => b.textContent === 'Insert into reply').click()`,
  );
  await expect(webPage.getByRole('textbox', { name: 'Message Body' })).toContainText('Yes, please book it.');
});
