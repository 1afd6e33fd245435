/** The background's way into a tab: reads the page or the selection through the page agent, returning plain results. */
import { browser } from 'wxt/browser';
import { tacitError } from '../../core/errors';
import type { ExtractedPage } from '../../page/extract/types';
import { withMessageLanguage } from '../../tasks/common/message-language';
import { threadAsPage } from '../../tasks/summarize/thread-page';
import { useAgent } from './call-agent';
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

/** The page's main text; on a webmail client, the open conversation as a page. */
export async function readPageInTab(tab: TabInfo): Promise<TabRead<ExtractedPage>> {
  const run = await useAgent({ tabId: tab.tabId, url: tab.url }, 'reader', 'readPage');
  if (!run.ok) return run;
  const read = run.value;
  if (!read) return { ok: false, error: tacitError('extraction-failed') };
  if ('thread' in read) return { ok: true, value: threadAsPage(withMessageLanguage(read.thread), read.url) };
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
