import type { CDPSession, Page } from '@playwright/test';
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
        const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; url: string; type: string }> };
        targetId = targetInfos.find((info) => info.url.includes(urlPart) && info.type === 'page')?.targetId;
        return targetId !== undefined;
      })
      .toBe(true);
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: targetId!, flatten: false })) as { sessionId: string };
    return new TargetSession(cdp, sessionId);
  }

  evaluate<T>(expression: string): Promise<T> {
    const id = this.nextId++;
    const result = new Promise<T>((resolve) => this.pending.set(id, resolve as (value: unknown) => void));
    void this.cdp.send('Target.sendMessageToTarget', {
      sessionId: this.sessionId,
      message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, returnByValue: true, awaitPromise: true } }),
    });
    return result;
  }
}

/** A click in an extension page is a user gesture: it may open the real side panel on a tab. */
async function openRealSidePanel(launcher: Page, tabId: number): Promise<void> {
  await launcher.evaluate((id) => {
    const button = document.createElement('button');
    button.textContent = 'open side panel';
    button.onclick = () => void chrome.sidePanel.open({ tabId: id });
    document.body.prepend(button);
  }, tabId);
  await launcher.getByRole('button', { name: 'open side panel' }).click();
}

test('the real side panel, docked beside a tab, summarizes that tab', async ({ context, webPage, files, extensionId, serviceWorker }) => {
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 3, tokenCount: 16 });
  await webPage.goto(`${files.origin}/pages/news-article.html`);
  const tab = await tabOf(serviceWorker, webPage.url());

  // An extension page in a window of its own launches the panel on the article's tab.
  const opened = context.waitForEvent('page');
  await serviceWorker.evaluate((id) => chrome.windows.create({ url: `chrome-extension://${id}/options.html`, type: 'popup' }), extensionId);
  const launcher = await opened;
  await launcher.waitForLoadState();
  await openRealSidePanel(launcher, tab.id);

  const cdp = await context.newCDPSession(launcher);
  const panel = await TargetSession.attach(cdp, '/sidepanel.html');
  // Docked: the panel has no tab of its own, and "this page" is the active tab of its window.
  await expect.poll(() => panel.evaluate<boolean>(`chrome.tabs.getCurrent().then((t) => t === undefined)`)).toBe(true);
  await expect
    .poll(() => panel.evaluate<boolean>(`!![...document.querySelectorAll('button')].find((b) => b.textContent === 'Summarize this page')`))
    .toBe(true);
  await panel.evaluate(`[...document.querySelectorAll('button')].find((b) => b.textContent === 'Summarize this page').click()`);
  await expect
    .poll(() => panel.evaluate<string>(`document.querySelector('[data-testid="summary-source"]')?.textContent ?? ''`))
    .toContain('Harbour authority approves Zephyrine dredging plan');
  await expect.poll(() => panel.evaluate<string>(`document.querySelector('[data-testid="summary"]')?.textContent ?? ''`)).toContain('token7');
  const [request] = await scriptedEngineLog(serviceWorker);
  expect(request!.messages[1]!.content).toContain('Zephyrine dredging contract');
});

test('a toolbar click on a tab reaches the panel docked in that window', async ({ context, webPage, files, extensionId, serviceWorker }) => {
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 3, tokenCount: 16 });
  await webPage.goto(`${files.origin}/pages/blog-code.html`);
  const tab = await tabOf(serviceWorker, webPage.url());
  const opened = context.waitForEvent('page');
  await serviceWorker.evaluate((id) => chrome.windows.create({ url: `chrome-extension://${id}/options.html`, type: 'popup' }), extensionId);
  const launcher = await opened;
  await launcher.waitForLoadState();
  await openRealSidePanel(launcher, tab.id);
  const panel = await TargetSession.attach(await context.newCDPSession(launcher), '/sidepanel.html');
  await expect.poll(() => panel.evaluate<boolean>(`!!document.querySelector('[data-testid="engine-status"]')`)).toBe(true);

  // What the browser calls on a toolbar click (its sidePanel.open needs a real gesture, which is already done here).
  await serviceWorker.evaluate(
    (tabInfo) => (globalThis as unknown as { tacitTriggers: { onActionClicked(tab: unknown): void } }).tacitTriggers.onActionClicked(tabInfo),
    { id: tab.id, windowId: tab.windowId, url: tab.url },
  );
  await expect
    .poll(() => panel.evaluate<string>(`document.querySelector('[data-testid="summary-source"]')?.textContent ?? ''`))
    .toContain('Debouncing resize observers without losing the last frame');
  await expect.poll(() => panel.evaluate<string>(`document.querySelector('[data-testid="summary"]')?.textContent ?? ''`)).toContain('token7');
});
