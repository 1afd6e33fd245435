/** The background's way into a webmail tab: injects the thread reader or the reply writer on demand. */
import { browser } from 'wxt/browser';
import { tabInfo, type TabInfo, type TabRead } from '../extract/read-tab';
import { describeInjectionFailure } from '../extract/injection-errors';
import { tacitError, type TacitErrorCode } from '../messaging/errors';
import { restrictedPageReason } from '../tasks/restricted-pages';
import type { InsertReplyError, InsertReplyResult, MailThread, ThreadRead } from './types';

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
  insert(text: string, expectedSubject: string): Promise<InsertReplyResult>;
}

const INSERT_ERRORS: Record<InsertReplyError, TacitErrorCode> = {
  'no-reply-box': 'no-reply-box',
  'insert-failed': 'reply-insert-failed',
  'conversation-changed': 'conversation-changed',
};

/** Writes the draft into the tab's reply box; the agent script stays installed for the next insert. */
export async function insertReplyInTab(tabId: number, text: string, expectedSubject: string): Promise<TabRead<{ opened: boolean }>> {
  const tab = await tabInfo(tabId);
  if (!tab.ok) return tab;
  const url = tab.value.url || undefined;
  const restricted = restrictedPageReason(url);
  if (restricted) return { ok: false, error: tacitError('restricted-page', restricted) };
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/webmail-agent.js'] });
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      // Serialised into the page: it may use only its argument and the agent the script above installed.
      func: (draft: string, subject: string) => (globalThis as unknown as { tacitWebmail?: WebmailAgent }).tacitWebmail?.insert(draft, subject),
      args: [text, expectedSubject],
    });
    const result = injection?.result as InsertReplyResult | undefined;
    if (!result) return { ok: false, error: tacitError('reply-insert-failed') };
    if (!result.ok) return { ok: false, error: tacitError(INSERT_ERRORS[result.code]) };
    return { ok: true, value: { opened: result.opened } };
  } catch (error) {
    return { ok: false, error: describeInjectionFailure(error, url) };
  }
}
