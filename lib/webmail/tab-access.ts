/** The background's way into a webmail tab: injects the thread reader or the reply writer on demand. */
import { browser } from 'wxt/browser';
import type { TabInfo, TabRead } from '../extract/read-tab';
import { describeInjectionFailure } from '../extract/injection-errors';
import { tacitError } from '../messaging/errors';
import { restrictedPageReason } from '../tasks/restricted-pages';
import type { InsertReplyResult, MailThread, ThreadRead } from './types';

export async function readThreadInTab(tab: TabInfo): Promise<TabRead<MailThread>> {
  const restricted = restrictedPageReason(tab.url || undefined);
  if (restricted) return { ok: false, error: tacitError('restricted-page', restricted) };
  try {
    const [injection] = await browser.scripting.executeScript({ target: { tabId: tab.tabId }, files: ['/read-thread.js'] });
    const read = injection?.result as ThreadRead | undefined;
    if (!read) return { ok: false, error: tacitError('extraction-failed') };
    if (!read.ok) return { ok: false, error: tacitError(read.code === 'empty-thread' ? 'empty-mail-thread' : 'no-mail-thread') };
    return { ok: true, value: read.thread };
  } catch (error) {
    return { ok: false, error: describeInjectionFailure(error, tab.url || undefined) };
  }
}

interface WebmailAgent {
  insert(text: string): Promise<InsertReplyResult>;
}

/** Writes the draft into the tab's reply box; the agent script stays installed for the next insert. */
export async function insertReplyInTab(tabId: number, text: string): Promise<TabRead<{ opened: boolean }>> {
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(tabId)).url;
  } catch {
    return { ok: false, error: tacitError('tab-closed') };
  }
  const restricted = restrictedPageReason(url);
  if (restricted) return { ok: false, error: tacitError('restricted-page', restricted) };
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/webmail-agent.js'] });
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      // Serialised into the page: it may use only its argument and the agent the script above installed.
      func: (draft: string) => (globalThis as unknown as { tacitWebmail?: WebmailAgent }).tacitWebmail?.insert(draft),
      args: [text],
    });
    const result = injection?.result as InsertReplyResult | undefined;
    if (!result) return { ok: false, error: tacitError('reply-insert-failed') };
    if (!result.ok) return { ok: false, error: tacitError(result.code === 'no-reply-box' ? 'no-reply-box' : 'reply-insert-failed') };
    return { ok: true, value: { opened: result.opened } };
  } catch (error) {
    return { ok: false, error: describeInjectionFailure(error, url) };
  }
}
