/** The background's way into a tab: reads the page or the selection through the page agent, returning plain results. */
import { browser } from 'wxt/browser';
import { tacitError } from '../../core/errors';
import { webmailClientOfUrl } from '../../core/webmail-hosts';
import type { ExtractedPage, ExtractResult } from '../../page/extract/types';
import { withMessageLanguage } from '../../tasks/common/message-language';
import { threadAsPage } from '../../tasks/summarize/thread-page';
import { useAgent } from './call-agent';
import type { ScriptTarget } from './run-in-tab';
import type { SelectedText, TabInfo, TabRead } from './types';
import { recordPageDiagnostic } from '../diagnostics-log';
import { editingFailure } from './frame-editing';

export async function tabInfo(tabId: number): Promise<TabRead<TabInfo>> {
  try {
    const tab = await browser.tabs.get(tabId);
    return { ok: true, value: { tabId, title: tab.title ?? '', url: tab.url ?? '' } };
  } catch {
    // tabs.get rejects only for a tab that no longer exists, which is what the failure says.
    return { ok: false, error: tacitError('tab-closed') };
  }
}

/** The page's main text; on a known webmail client's page, the open conversation as a page. */
export async function readPageInTab(tab: TabInfo): Promise<TabRead<ExtractedPage>> {
  const target = { tabId: tab.tabId, url: tab.url };
  // On a known client's own host the mail agent reads at once; elsewhere the reader tells a client's page apart.
  if (webmailClientOfUrl(tab.url)) return readMailClientPage(target, tab.url);
  const run = await useAgent(target, 'reader', 'readPage');
  if (!run.ok) return run;
  const read = run.value;
  if (!read) return { ok: false, error: tacitError('extraction-failed') };
  return 'mailClient' in read ? readMailClientPage(target, tab.url) : pageOf(read);
}

/** The conversation open in a client's page, read by the mail agent; the page's text when it cannot be read. */
async function readMailClientPage(target: ScriptTarget, url: string): Promise<TabRead<ExtractedPage>> {
  const conversation = await useAgent(target, 'webmail', 'readConversation');
  if (!conversation.ok) return conversation;
  if (conversation.value?.ok)
    return { ok: true, value: threadAsPage(withMessageLanguage(conversation.value.thread), url) };
  const text = await useAgent(target, 'reader', 'readText');
  if (!text.ok) return text;
  return text.value ? pageOf(text.value) : { ok: false, error: tacitError('extraction-failed') };
}

function pageOf(read: ExtractResult): TabRead<ExtractedPage> {
  recordPageDiagnostic(read.diagnostic);
  if (!read.ok)
    return { ok: false, error: tacitError(read.error.code === 'empty-page' ? 'empty-page' : 'extraction-failed') };
  return { ok: true, value: read.page };
}

/** The selected text in one frame, read where it is (Chrome's selectionText loses line breaks). */
export async function readSelectionInFrame(tab: TabInfo, frameId: number): Promise<TabRead<SelectedText>> {
  const run = await useAgent({ tabId: tab.tabId, frameId, url: tab.url }, 'reader', 'readSelection');
  if (!run.ok) return run;
  const result = run.value;
  if (!result) return { ok: false, error: tacitError('empty-selection') };
  // A refused field or a selected card number says why, like Rewrite does, rather than "nothing selected".
  if (!result.ok) return { ok: false, error: editingFailure(result) };
  return { ok: true, value: result.lang ? { text: result.text, lang: result.lang } : { text: result.text } };
}
