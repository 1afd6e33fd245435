/** The background's way into a webmail tab: injects the thread reader or the reply writer on demand. */
import { tabInfo, type TabInfo, type TabRead } from '../extract/read-tab';
import { runInTab } from '../extract/tab-scripts';
import { tacitError, type TacitErrorCode } from '../messaging/errors';
import type { InsertReplyError, InsertReplyResult, MailThread, ThreadRead } from './types';

export async function readThreadInTab(tab: TabInfo): Promise<TabRead<MailThread>> {
  const run = await runInTab<ThreadRead>({ tabId: tab.tabId, url: tab.url }, { files: ['/read-thread.js'] });
  if (!run.ok) return run;
  const read = run.value;
  if (!read) return { ok: false, error: tacitError('extraction-failed') };
  if (!read.ok) return { ok: false, error: tacitError(read.code === 'empty-thread' ? 'empty-mail-thread' : 'no-mail-thread') };
  return { ok: true, value: read.thread };
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
  const target = { tabId, url: tab.value.url };
  const installed = await runInTab(target, { files: ['/webmail-agent.js'] });
  if (!installed.ok) return installed;
  const run = await runInTab<InsertReplyResult>(target, {
    // Serialised into the page: it may use only its arguments and the agent the script above installed.
    func: (draft, subject) => (globalThis as unknown as { tacitWebmail?: WebmailAgent }).tacitWebmail?.insert(draft!, subject!),
    args: [text, expectedSubject],
  });
  if (!run.ok) return run;
  const result = run.value;
  if (!result) return { ok: false, error: tacitError('reply-insert-failed') };
  if (!result.ok) return { ok: false, error: tacitError(INSERT_ERRORS[result.code]) };
  return { ok: true, value: { opened: result.opened } };
}
