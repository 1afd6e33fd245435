/** The background's way into a webmail tab: reads the open conversation, or writes the reply, through page agents. */
import { tabInfo } from './read-tab';
import type { TabInfo, TabRead } from './types';
import { useAgent } from './call-agent';
import type { ScriptTarget } from './run-in-tab';
import { tacitError, type TacitError } from '../../core/errors';
import { webmailClientOfUrl } from '../../core/webmail-hosts';
import type { DiagnosticCode } from '../../core/diagnostics';
import type {
  AdapterFailure,
  ConversationIdentity,
  InsertReplyError,
  MailThread,
  ThreadRead,
} from '../../page/webmail/types';
import { withMessageLanguage } from '../../tasks/common/message-language';
import { recordPageDiagnostic } from '../diagnostics-log';

/**
 * The failure the panel shows. A recognised client whose open message could not be read says so, names the client
 * and offers the one-click fallback (read the selection, or select the open message).
 */
function readError(read: Extract<ThreadRead, { ok: false }>): TacitError {
  switch (read.code) {
    case 'no-thread':
      return tacitError('no-mail-thread');
    case 'empty-thread':
      return tacitError('empty-mail-thread');
    case 'no-selection':
      return tacitError('empty-selection');
    case 'sensitive':
      return read.sensitive === 'password'
        ? tacitError('password-field')
        : tacitError('sensitive-field', { kind: read.sensitive });
    case 'unreadable':
      return { ...tacitError('mail-unreadable', { client: read.client }), suggestion: { kind: 'select-message-text' } };
  }
}

function insertError(code: InsertReplyError, conversation: ConversationIdentity): TacitError {
  switch (code) {
    case 'no-reply-box':
      return tacitError('no-reply-box');
    case 'insert-failed':
      return tacitError('reply-insert-failed');
    case 'conversation-changed':
      return tacitError('conversation-changed');
    case 'conversation-unverified':
      return tacitError('conversation-unverified', { client: conversation.client });
  }
}

/** Keeps why an adapter stopped working (adapter, step, selector tables; never text) for Options › Troubleshooting. */
function recordAdapterFailure(code: DiagnosticCode, failure: AdapterFailure | undefined, fallback?: string): void {
  if (!failure) return;
  const [selector] = failure.selectors;
  recordPageDiagnostic({
    code,
    details: { adapter: failure.adapter, step: failure.step, selector, count: failure.selectors.length, fallback },
  });
}

/**
 * Reads the open conversation, or with `fromSelection` the user's selection (selecting the open message if none); the
 * language of its messages is judged here.
 */
export async function readThreadInTab(tab: TabInfo, fromSelection = false): Promise<TabRead<MailThread>> {
  const target = { tabId: tab.tabId, url: tab.url };
  const run = fromSelection ? await useAgent(target, 'webmail', 'readSelection') : await readOpenThread(target);
  if (!run.ok) return run;
  const read = run.value;
  if (!read) return { ok: false, error: tacitError('extraction-failed') };
  if (!read.ok) {
    recordAdapterFailure('mail-read-failed', read.failure);
    return { ok: false, error: readError(read) };
  }
  return { ok: true, value: withMessageLanguage(read.thread) };
}

/**
 * The message to answer: the mail agent reads a known client's page, the reader any other. On the client's own host
 * the mail agent is asked at once; elsewhere (a saved or self-hosted client) the reader tells the client's page apart.
 */
async function readOpenThread(target: ScriptTarget): Promise<TabRead<ThreadRead | undefined>> {
  if (webmailClientOfUrl(target.url)) return useAgent(target, 'webmail', 'readThread');
  const run = await useAgent(target, 'reader', 'readThread');
  if (!run.ok) return run;
  const read = run.value;
  return read && 'mailClient' in read ? useAgent(target, 'webmail', 'readThread') : { ok: true, value: read };
}

/** Writes the draft into the tab's reply box, if that conversation is still open; the agents stay for the next insert. */
export async function insertReplyInTab(
  tabId: number,
  text: string,
  conversation: ConversationIdentity,
): Promise<TabRead<{ opened: boolean; nameLeftToSignature: boolean }>> {
  const tab = await tabInfo(tabId);
  if (!tab.ok) return tab;
  const run = await useAgent({ tabId, url: tab.value.url }, 'webmail', 'insert', text, conversation);
  if (!run.ok) return run;
  const result = run.value;
  if (!result) return { ok: false, error: tacitError('reply-insert-failed') };
  if (!result.ok) {
    recordAdapterFailure('reply-insert-failed', result.failure);
    return { ok: false, error: insertError(result.code, conversation) };
  }
  return { ok: true, value: { opened: result.opened, nameLeftToSignature: result.nameLeftToSignature === true } };
}
