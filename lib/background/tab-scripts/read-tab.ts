/** The background's way into a tab: injects the extraction or selection script on demand and returns plain results. */
import { browser } from 'wxt/browser';
import { tacitError } from '../../core/errors';
import { runInTab } from './run-in-tab';
import type { ExtractResult, ExtractedPage } from '../../page/extract/types';
import type { SelectedText, TabInfo, TabRead } from './types';
import { recordPageDiagnostic } from '../diagnostics-log';
import { editingFailure } from './frame-editing';
import type { EditingError } from '../../page/editing/types';

export async function tabInfo(tabId: number): Promise<TabRead<TabInfo>> {
  try {
    const tab = await browser.tabs.get(tabId);
    return { ok: true, value: { tabId, title: tab.title ?? '', url: tab.url ?? '' } };
  } catch {
    // tabs.get rejects only for a tab that no longer exists, which is what the failure says.
    return { ok: false, error: tacitError('tab-closed') };
  }
}

export async function readPageInTab(tab: TabInfo): Promise<TabRead<ExtractedPage>> {
  const run = await runInTab<ExtractResult>({ tabId: tab.tabId, url: tab.url }, { files: ['/extract-page.js'] });
  if (!run.ok) return run;
  const result = run.value;
  if (!result) return { ok: false, error: tacitError('extraction-failed') };
  recordPageDiagnostic(result.diagnostic);
  if (!result.ok)
    return { ok: false, error: tacitError(result.error.code === 'empty-page' ? 'empty-page' : 'extraction-failed') };
  return { ok: true, value: result.page };
}

/** The selected text in one frame, read where it is (Chrome's selectionText loses line breaks). */
export async function readSelectionInFrame(tab: TabInfo, frameId: number): Promise<TabRead<SelectedText>> {
  const run = await runInTab<({ ok: true } & SelectedText) | EditingError>(
    { tabId: tab.tabId, frameId, url: tab.url },
    { files: ['/read-selection.js'] },
  );
  if (!run.ok) return run;
  const result = run.value;
  if (!result) return { ok: false, error: tacitError('empty-selection') };
  // A refused field or a selected card number says why, like Rewrite does, rather than "nothing selected".
  if (!result.ok) return { ok: false, error: editingFailure(result) };
  return { ok: true, value: result.lang ? { text: result.text, lang: result.lang } : { text: result.text } };
}
