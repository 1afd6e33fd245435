/** The background's way into a webmail tab: reads the open conversation, or writes the reply, through page agents. */
import { tabInfo } from './read-tab';
import type { TabInfo, TabRead } from './types';
import { useAgent } from './call-agent';
import { tacitError, type TacitErrorCode } from '../../core/errors';
import type { InsertReplyError, MailThread } from '../../page/webmail/types';
import { withMessageLanguage } from '../../tasks/common/message-language';

export async function readThreadInTab(tab: TabInfo): Promise<TabRead<MailThread>> {
  const run = await useAgent({ tabId: tab.tabId, url: tab.url }, 'reader', 'readThread');
  if (!run.ok) return run;
  const read = run.value;
  if (!read) return { ok: false, error: tacitError('extraction-failed') };
  if (!read.ok)
    return { ok: false, error: tacitError(read.code === 'empty-thread' ? 'empty-mail-thread' : 'no-mail-thread') };
  return { ok: true, value: withMessageLanguage(read.thread) };
}

const INSERT_ERRORS: Record<InsertReplyError, TacitErrorCode> = {
  'no-reply-box': 'no-reply-box',
  'insert-failed': 'reply-insert-failed',
  'conversation-changed': 'conversation-changed',
};

/** Writes the draft into the tab's reply box; the agents stay installed for the next insert. */
export async function insertReplyInTab(
  tabId: number,
  text: string,
  expectedSubject: string,
): Promise<TabRead<{ opened: boolean }>> {
  const tab = await tabInfo(tabId);
  if (!tab.ok) return tab;
  const run = await useAgent({ tabId, url: tab.value.url }, 'webmail', 'insert', text, expectedSubject);
  if (!run.ok) return run;
  const result = run.value;
  if (!result) return { ok: false, error: tacitError('reply-insert-failed') };
  if (!result.ok) return { ok: false, error: tacitError(INSERT_ERRORS[result.code]) };
  return { ok: true, value: { opened: result.opened } };
}
