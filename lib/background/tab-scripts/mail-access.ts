/** The background's way into a webmail tab: injects the thread reader or the reply writer on demand. */
import { tabInfo } from './read-tab';
import type { TabInfo, TabRead } from './types';
import { callAgent, installAgent } from './call-agent';
import { runInTab } from './run-in-tab';
import { tacitError, type TacitErrorCode } from '../../core/errors';
import type { InsertReplyError, MailThread, ThreadRead } from '../../page/webmail/types';
import { recordPageDiagnostic } from '../diagnostics-log';

export async function readThreadInTab(tab: TabInfo): Promise<TabRead<MailThread>> {
  const run = await runInTab<ThreadRead>({ tabId: tab.tabId, url: tab.url }, { files: ['/read-thread.js'] });
  if (!run.ok) return run;
  const read = run.value;
  if (!read) return { ok: false, error: tacitError('extraction-failed') };
  recordPageDiagnostic(read.diagnostic);
  if (!read.ok)
    return { ok: false, error: tacitError(read.code === 'empty-thread' ? 'empty-mail-thread' : 'no-mail-thread') };
  return { ok: true, value: read.thread };
}

const INSERT_ERRORS = {
  'no-reply-box': 'no-reply-box',
  'insert-failed': 'reply-insert-failed',
  'conversation-changed': 'conversation-changed',
} as const satisfies Record<InsertReplyError, TacitErrorCode>;

/** Writes the draft into the tab's reply box; the agent script stays installed for the next insert. */
export async function insertReplyInTab(
  tabId: number,
  text: string,
  expectedSubject: string,
): Promise<TabRead<{ opened: boolean }>> {
  const tab = await tabInfo(tabId);
  if (!tab.ok) return tab;
  const target = { tabId, url: tab.value.url };
  const installed = await installAgent(target, 'webmail');
  if (!installed.ok) return installed;
  const run = await callAgent(target, 'webmail', 'insert', text, expectedSubject);
  if (!run.ok) return run;
  const result = run.value;
  if (!result) return { ok: false, error: tacitError('reply-insert-failed') };
  if (!result.ok) {
    recordPageDiagnostic(result.diagnostic);
    return { ok: false, error: tacitError(INSERT_ERRORS[result.code]) };
  }
  return { ok: true, value: { opened: result.opened } };
}
