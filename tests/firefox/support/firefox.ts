/**
 * Driving the Firefox edition in Debian's firefox-esr over WebDriver BiDi (puppeteer-core): extension pages, the real
 * sidebar, and the background's triggers called from a real click, which Firefox counts as the user's action.
 */
import type { Browser, Page } from 'puppeteer-core';

export const ADDON_ID = 'tacit@tacit.invalid';

/** Firefox's promise-based WebExtension API in extension pages (`chrome.*` there takes callbacks). */
export type WebExtensions = { browser: typeof chrome };

/** What the test build puts on the background page (entrypoints/background.ts): the handlers the browser calls. */
export type TriggerName = 'onActionClicked' | 'onCommand' | 'onMenuClicked';

/**
 * Opens an extension page in a new tab; moz-extension:// loads never report "load" to BiDi, so its content is awaited.
 * A check that runs while about:blank gives way to the page can fail inside Firefox's BiDi ("right-hand side of 'in'
 * should be an object"): it is asked again.
 */
export async function openExtensionPage(browser: Browser, url: string, ready: string): Promise<Page> {
  const page = await browser.newPage();
  void page.goto(url).catch(() => undefined);
  for (const started = Date.now(); Date.now() - started < 15_000;) {
    const found = await page
      .evaluate((selector) => document.querySelector(selector) !== null, ready)
      .catch(() => false);
    if (found) return page;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${url} showed no ${ready}`);
}

/** The page that opened since `before` (BiDi lists moz-extension:// pages as about:blank, so URLs cannot tell). */
export async function newPage(browser: Browser, before: Set<Page>): Promise<Page> {
  for (let waited = 0; waited < 15_000; waited += 100) {
    const opened = (await browser.pages()).find((page) => !before.has(page));
    if (opened) return opened;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('no new page opened');
}

/** An element's text, or a text field's value. */
export async function text(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (element) =>
    element instanceof HTMLTextAreaElement ? element.value : (element.textContent ?? ''),
  );
}

/** The tab showing `url`, as the browser would hand it to a trigger. */
export async function tabOf(driver: Page, url: string): Promise<{ id: number; windowId: number; url: string }> {
  return driver.evaluate(async (pageUrl) => {
    const tabs = await (globalThis as unknown as WebExtensions).browser.tabs.query({});
    const tab = tabs.find((candidate) => candidate.url === pageUrl);
    if (!tab) throw new Error(`no tab shows ${pageUrl}`);
    return { id: tab.id!, windowId: tab.windowId, url: tab.url! };
  }, url);
}

/**
 * Clicks a button in the driver page (an extension tab) that calls the background's handler at once, the way the
 * browser calls it on a context-menu, toolbar or shortcut action. The click is real input, so Firefox lets the handler
 * open the sidebar, as it does for the user's own action; anything awaited first would lose that right.
 */
export async function triggerByClick(driver: Page, name: TriggerName, ...args: unknown[]): Promise<void> {
  await driver.evaluate(
    async (handlerName, handlerArgs) => {
      const extension = (globalThis as unknown as WebExtensions).browser;
      const background = (await (
        extension.runtime as unknown as { getBackgroundPage(): Promise<Window> }
      ).getBackgroundPage()) as unknown as { tacitTriggers: Record<string, (...a: unknown[]) => void> };
      addTestButton(() => background.tacitTriggers[handlerName]!(...handlerArgs));

      function addTestButton(onClick: () => void) {
        const button = document.createElement('button');
        button.id = 'tacit-test-click';
        button.textContent = 'Test click';
        button.style.cssText = 'position:fixed;top:0;left:0;z-index:2147483647;width:120px;height:40px';
        button.addEventListener('click', () => (button.remove(), onClick()), { once: true });
        document.body.append(button);
      }
    },
    name,
    args,
  );
  await clickTestButton(driver);
}

/** Closes the sidebar of the driver's window from a real click (Firefox allows it only in a user action). */
export async function closeSidebarByClick(driver: Page): Promise<void> {
  await driver.evaluate(() => {
    const button = document.createElement('button');
    button.id = 'tacit-test-click';
    button.textContent = 'Test click';
    button.style.cssText = 'position:fixed;top:0;left:0;z-index:2147483647;width:120px;height:40px';
    button.addEventListener(
      'click',
      () => {
        button.remove();
        void (globalThis as unknown as { browser: { sidebarAction: { close(): Promise<void> } } }).browser.sidebarAction
          .close()
          .catch((error: unknown) => Object.assign(globalThis, { sidebarCloseError: String(error) }));
      },
      { once: true },
    );
    document.body.append(button);
  });
  await clickTestButton(driver);
}

async function clickTestButton(driver: Page): Promise<void> {
  await driver.bringToFront();
  await driver.click('#tacit-test-click');
}

/** Whether Tacit's sidebar is open in that window. */
export function sidebarIsOpen(driver: Page, windowId: number): Promise<boolean> {
  return driver.evaluate(
    (id) =>
      (
        globalThis as unknown as { browser: { sidebarAction: { isOpen(d: { windowId: number }): Promise<boolean> } } }
      ).browser.sidebarAction.isOpen({ windowId: id }),
    windowId,
  );
}

/** Something in the sidebar: an element by its data-testid, or a button by its text. */
export type SidebarTarget = { testId: string } | { button: string };

/** What the sidebar shows of a target: its text (a text field's value) and whether it is disabled; null if absent. */
export type SidebarElement = { text: string; disabled: boolean } | null;

/**
 * The sidebar is no tab that BiDi can reach; an extension page reaches its document through extension.getViews, as
 * Firefox runs both in one process. `click`: clicks the target too (a script's click, not the user's).
 */
function inSidebar(driver: Page, target: SidebarTarget, click: boolean): Promise<SidebarElement> {
  return driver.evaluate(
    (wanted, andClick) => {
      const [view] = (
        globalThis as unknown as { browser: { extension: { getViews(d: { type: string }): Window[] } } }
      ).browser.extension.getViews({ type: 'sidebar' });
      if (!view || view.document.readyState !== 'complete') return null;
      const element =
        'testId' in wanted
          ? view.document.querySelector(`[data-testid="${wanted.testId}"]`)
          : Array.from(view.document.querySelectorAll('button')).find((b) => b.textContent === wanted.button);
      if (!element) return null;
      if (andClick) (element as HTMLElement).click();
      return {
        text: 'value' in element && typeof element.value === 'string' ? element.value : (element.textContent ?? ''),
        disabled: (element as HTMLButtonElement).disabled === true,
      };
    },
    target,
    click,
  );
}

/** The sidebar's visible text (its start), for failure messages. */
function sidebarText(driver: Page): Promise<string | null> {
  return driver.evaluate(() => {
    const [view] = (
      globalThis as unknown as { browser: { extension: { getViews(d: { type: string }): Window[] } } }
    ).browser.extension.getViews({ type: 'sidebar' });
    return view ? view.document.body.innerText.slice(0, 1500) : null;
  });
}

export function readSidebar(driver: Page, target: SidebarTarget): Promise<SidebarElement> {
  return inSidebar(driver, target, false);
}

export async function clickInSidebar(driver: Page, target: SidebarTarget): Promise<void> {
  if (!(await inSidebar(driver, target, true))) throw new Error(`not in the sidebar: ${JSON.stringify(target)}`);
}

/** Waits until the target is in the sidebar and `until` holds for it; returns what it showed then. */
export async function waitForSidebar(
  driver: Page,
  target: SidebarTarget,
  until: (element: NonNullable<SidebarElement>) => boolean = () => true,
  timeout = 30_000,
): Promise<NonNullable<SidebarElement>> {
  let last: SidebarElement = null;
  for (const started = Date.now(); Date.now() - started < timeout;) {
    last = await readSidebar(driver, target);
    if (last && until(last)) return last;
    await new Promise((done) => setTimeout(done, 100));
  }
  // What the sidebar said instead (an error, a note) is what a failure needs to be understood.
  const shown = await sidebarText(driver).catch(() => null);
  throw new Error(
    `sidebar: ${JSON.stringify(target)} is ${JSON.stringify(last)} after ${timeout} ms; it showed: ${JSON.stringify(shown)}`,
  );
}
