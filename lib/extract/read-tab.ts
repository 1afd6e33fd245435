/** The background's way into a tab: injects the extraction or selection script on demand and returns plain results. */
import { browser } from 'wxt/browser';
import { tacitError, type TacitError } from '../messaging/errors';
import { restrictedPageReason } from '../tasks/restricted-pages';
import { describeInjectionFailure } from './injection-errors';
import type { ExtractResult, ExtractedPage } from './types';

export type TabRead<T> = { ok: true; value: T } | { ok: false; error: TacitError };

export interface TabInfo {
  tabId: number;
  title: string;
  url: string;
}

export async function tabInfo(tabId: number): Promise<TabRead<TabInfo>> {
  try {
    const tab = await browser.tabs.get(tabId);
    return { ok: true, value: { tabId, title: tab.title ?? '', url: tab.url ?? '' } };
  } catch {
    return { ok: false, error: tacitError('tab-closed') };
  }
}

export async function readPageInTab(tab: TabInfo): Promise<TabRead<ExtractedPage>> {
  const restricted = restrictedPageReason(tab.url || undefined);
  if (restricted) return { ok: false, error: tacitError('restricted-page', restricted) };
  try {
    const [injection] = await browser.scripting.executeScript({ target: { tabId: tab.tabId }, files: ['/extract-page.js'] });
    const result = injection?.result as ExtractResult | undefined;
    if (!result) return { ok: false, error: tacitError('extraction-failed') };
    if (!result.ok) return { ok: false, error: tacitError(result.error.code === 'empty-page' ? 'empty-page' : 'extraction-failed') };
    return { ok: true, value: result.page };
  } catch (error) {
    return { ok: false, error: describeInjectionFailure(error, tab.url || undefined) };
  }
}

/** Selected text and the language of the page it is on. */
export interface SelectedText {
  text: string;
  lang?: string;
}

/** The selected text in one frame, read where it is (Chrome's selectionText loses line breaks). */
export async function readSelectionInFrame(tab: TabInfo, frameId: number): Promise<TabRead<SelectedText>> {
  const restricted = restrictedPageReason(tab.url || undefined);
  if (restricted) return { ok: false, error: tacitError('restricted-page', restricted) };
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId: tab.tabId, frameIds: [frameId] },
      files: ['/read-selection.js'],
    });
    const result = injection?.result as ({ ok: true } & SelectedText) | { ok: false; code: string } | undefined;
    if (!result || !result.ok) return { ok: false, error: tacitError('empty-selection', result?.ok === false ? result.code : undefined) };
    return { ok: true, value: result.lang ? { text: result.text, lang: result.lang } : { text: result.text } };
  } catch (error) {
    return { ok: false, error: describeInjectionFailure(error, tab.url || undefined) };
  }
}
