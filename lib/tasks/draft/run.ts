/** Drafts a reply to the mail conversation open in a tab: reads the thread there, streams the draft, cleans it up. */
import type { TabInfo, TabRead } from '../../background/tab-scripts/types';
import { tacitError } from '../../core/errors';
import type { TaskRequest } from '../../protocol/messages';
import { webmailOriginPattern } from '../../core/webmail-hosts';
import type { MailThread } from '../../page/webmail/types';
import { buildDraftPrompt } from './prompt';
import { cleanDraftOutput } from './clean-output';
import { DRAFT_TEMPERATURE } from './options';
import { TaskFailure, valueOrFail, type TaskContext, type TaskOutcome } from '../common/task-context';

export interface MailAccess {
  resolveTab(target: Extract<TaskRequest, { kind: 'draft-reply' }>['target']): Promise<TabRead<number>>;
  tabInfo(tabId: number): Promise<TabRead<TabInfo>>;
  /** The conversation open in the tab, or with `fromSelection` the user's selection as the message. */
  readThread(tab: TabInfo, fromSelection?: boolean): Promise<TabRead<MailThread>>;
  uiLanguage(): string;
}

export async function runDraftReply(
  task: Extract<TaskRequest, { kind: 'draft-reply' }>,
  ctx: TaskContext,
  access: MailAccess,
): Promise<TaskOutcome> {
  ctx.phase({ phase: 'reading-mail' });
  const tab = valueOrFail(await access.tabInfo(valueOrFail(await access.resolveTab(task.target))));
  // Leaving the conversation mid-draft would make Insert write into another one: the draft stops instead.
  ctx.watchTab(tab.tabId);
  const read = await access.readThread(tab, task.from === 'selection');
  const origin = webmailOriginPattern(tab.url);
  if (!read.ok && read.error.code === 'no-page-access' && origin) {
    throw new TaskFailure({ ...read.error, suggestion: { kind: 'grant-site-access', origin } });
  }
  const thread = valueOrFail(read);
  const prompt = buildDraftPrompt({
    thread,
    intent: task.intent,
    options: task.options,
    uiLanguage: access.uiLanguage(),
    contextWindow: await ctx.contextWindow('draft'),
  });
  if (!prompt.fits) throw new TaskFailure(tacitError('context-too-small'));
  const last = thread.messages.at(-1);
  ctx.source({
    kind: 'mail',
    title: thread.subject || tab.title,
    url: tab.url,
    conversationId: '',
    mail: {
      tabId: tab.tabId,
      conversation: thread.conversation,
      client: thread.client,
      replyingTo: last?.from || last?.fromAddress || '',
      messageCount: thread.messages.length,
      omittedMessages: prompt.omittedMessages + (thread.omittedMessages ?? 0),
      unreadMessages: thread.unreadMessages ?? 0,
      fromSelection: thread.fromSelection === true,
    },
  });
  const { text, stopped } = await ctx.generate({
    task: 'draft',
    messages: prompt.messages,
    maxTokens: prompt.maxTokens,
    temperature: DRAFT_TEMPERATURE,
    stream: true,
  });
  if (stopped) return { stopped };
  ctx.result({ text: cleanDraftOutput(text) });
  return { stopped: false };
}
