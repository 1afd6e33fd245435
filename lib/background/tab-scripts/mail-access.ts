/** The background's way into a webmail tab: injects the thread reader or the reply writer on demand. */
import { tabInfo } from './read-tab';
import type { TabInfo, TabRead } from './types';
import { callAgent, installAgent } from './call-agent';
import { runInTab } from './run-in-tab';
import { tacitError, type TacitError, type TacitErrorCode } from '../../core/errors';
import type {
  ConversationIdentity,
  InsertReplyError,
  MailThread,
  ThreadRead,
  ThreadReadError,
} from '../../page/webmail/types';

const READ_ERRORS: Record<ThreadReadError, TacitErrorCode> = {
  'no-thread': 'no-mail-thread',
  'empty-thread': 'empty-mail-thread',
  unreadable: 'mail-unreadable',
  'no-selection': 'empty-selection',
};

/**
 * The failure the panel shows. A recognised client whose open message could not be read says so, names the client
 * and offers the one-click fallback (read the selection, or select the open message). The read's failure detail
 * (adapter, step, selector names; no text) is where a diagnostics record would take it from.
 */
function readError(read: Extract<ThreadRead, { ok: false }>): TacitError {
  const error = tacitError(READ_ERRORS[read.code], read.client);
  return read.code === 'unreadable' ? { ...error, suggestion: { kind: 'select-message-text' } } : error;
}

/** Reads the open conversation, or with `fromSelection` the user's selection (selecting the open message if none). */
export async function readThreadInTab(tab: TabInfo, fromSelection = false): Promise<TabRead<MailThread>> {
  const target = { tabId: tab.tabId, url: tab.url };
  let run: TabRead<ThreadRead | undefined>;
  if (fromSelection) {
    const installed = await installAgent(target, 'webmail');
    if (!installed.ok) return installed;
    run = await callAgent(target, 'webmail', 'readSelection');
  } else {
    run = await runInTab<ThreadRead>(target, { files: ['/read-thread.js'] });
  }
  if (!run.ok) return run;
  const read = run.value;
  if (!read) return { ok: false, error: tacitError('extraction-failed') };
  if (!read.ok) return { ok: false, error: readError(read) };
  return { ok: true, value: read.thread };
}

const INSERT_ERRORS: Record<InsertReplyError, TacitErrorCode> = {
  'no-reply-box': 'no-reply-box',
  'insert-failed': 'reply-insert-failed',
  'conversation-changed': 'conversation-changed',
  'conversation-unverified': 'conversation-unverified',
};

/** Writes the draft into the tab's reply box, if that conversation is still open; the agent stays for the next insert. */
export async function insertReplyInTab(
  tabId: number,
  text: string,
  conversation: ConversationIdentity,
): Promise<TabRead<{ opened: boolean; nameLeftToSignature: boolean }>> {
  const tab = await tabInfo(tabId);
  if (!tab.ok) return tab;
  const target = { tabId, url: tab.value.url };
  const installed = await installAgent(target, 'webmail');
  if (!installed.ok) return installed;
  const run = await callAgent(target, 'webmail', 'insert', text, conversation);
  if (!run.ok) return run;
  const result = run.value;
  if (!result) return { ok: false, error: tacitError('reply-insert-failed') };
  if (!result.ok) return { ok: false, error: tacitError(INSERT_ERRORS[result.code], conversation.client) };
  return { ok: true, value: { opened: result.opened, nameLeftToSignature: result.nameLeftToSignature === true } };
}
