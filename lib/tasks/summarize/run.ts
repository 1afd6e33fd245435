/** The summarize journeys: the page beside the panel (or the tab Tacit was invoked on), or a selection in a frame. */
import type { ExtractedPage, ExtractionSource } from '../../page/extract/types';
import type { SelectedText, TabInfo, TabRead } from '../../background/tab-scripts/types';
import { tacitError } from '../../core/errors';
import type { PageTarget, SummaryRequestOptions, TaskSource } from '../../protocol/messages';
import type { ConversationStore } from '../common/conversations';
import { runSummary, type SummaryInput } from './pipeline';
import type { PageKind } from './prompt';
import { linksIn } from '../common/source-links';
import { TaskFailure, valueOrFail, type TaskContext, type TaskOutcome } from '../common/task-context';

export interface PageAccess {
  resolveTab(target: PageTarget): Promise<TabRead<number>>;
  tabInfo(tabId: number): Promise<TabRead<TabInfo>>;
  readPage(tab: TabInfo): Promise<TabRead<ExtractedPage>>;
  readSelection(tab: TabInfo, frameId: number): Promise<TabRead<SelectedText>>;
  uiLanguage(): string;
}

export async function runSummarizePage(
  target: PageTarget,
  options: SummaryRequestOptions,
  ctx: TaskContext,
  access: PageAccess,
  conversations: ConversationStore,
): Promise<TaskOutcome> {
  const tab = await openWatchedTab(valueOrFail(await access.resolveTab(target)), ctx, access);
  const page = valueOrFail(await access.readPage(tab));
  const input: SummaryInput = {
    text: page.text,
    title: page.title || tab.title,
    url: tab.url || page.url,
    lang: page.lang,
    kind: pageKindOf(page.source),
  };
  return summarize(
    input,
    page.loadsMore ? { kind: 'page', loadsMore: true } : { kind: 'page' },
    options,
    ctx,
    access,
    conversations,
  );
}

export async function runSummarizeSelection(
  tabId: number,
  frameId: number,
  options: SummaryRequestOptions,
  ctx: TaskContext,
  access: PageAccess,
  conversations: ConversationStore,
): Promise<TaskOutcome> {
  const tab = await openWatchedTab(tabId, ctx, access);
  const { text, lang } = valueOrFail(await access.readSelection(tab, frameId));
  if (text.trim() === '') throw new TaskFailure(tacitError('empty-selection'));
  return summarize(
    { text, title: tab.title, url: tab.url, lang },
    { kind: 'selection' },
    options,
    ctx,
    access,
    conversations,
  );
}

/** What the summary is told the text is: an email conversation and a list of stories have rules of their own. */
function pageKindOf(source: ExtractionSource): PageKind {
  if (source === 'mail-thread') return 'mail';
  return source === 'listing' ? 'listing' : 'page';
}

/** The tab about to be read; from here on, closing or leaving it stops the summary. */
async function openWatchedTab(tabId: number, ctx: TaskContext, access: PageAccess): Promise<TabInfo> {
  ctx.phase({ phase: 'reading-page' });
  const tab = valueOrFail(await access.tabInfo(tabId));
  ctx.watchTab(tab.tabId);
  return tab;
}

async function summarize(
  input: SummaryInput,
  what: Pick<TaskSource, 'kind' | 'loadsMore'> & { kind: 'page' | 'selection' },
  options: SummaryRequestOptions,
  ctx: TaskContext,
  access: PageAccess,
  conversations: ConversationStore,
): Promise<TaskOutcome> {
  const source: TaskSource = { ...what, title: input.title ?? '', url: input.url ?? '', conversationId: '' };
  ctx.source(source);
  // The page's own address counts as read: the summary's source line links to it too.
  const links = linksIn(input.text, input.title, input.url);
  ctx.allowLinks(links);
  const result = await runSummary(input, options, access.uiLanguage(), ctx);
  const coverage = result.coverage ? { coverage: result.coverage } : {};
  if (result.conversation) {
    ctx.source({ ...source, conversationId: conversations.create(result.conversation, links), ...coverage });
  }
  return { stopped: result.stopped };
}
