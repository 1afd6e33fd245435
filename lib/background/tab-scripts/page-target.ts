/** Finds the tab a summary is for: the one Tacit was invoked on, or the active tab beside the panel. Background only. */
import { browser } from 'wxt/browser';
import { tacitError } from '../../core/errors';
import type { PageTarget } from '../../protocol/messages';
import type { TabRead } from './types';
import { errorName } from '../../core/diagnostics';
import { recordDiagnostic } from '../diagnostics-log';

export async function resolvePageTab(target: PageTarget): Promise<TabRead<number>> {
  if ('tabId' in target) return { ok: true, value: target.tabId };
  const { windowId, docked } = target.panel;
  try {
    // A detached panel (its own window) works on the window the user was last in.
    const pageWindowId = docked ? windowId : (await browser.windows.getLastFocused({ windowTypes: ['normal'] })).id;
    const [tab] = await browser.tabs.query({ active: true, windowId: pageWindowId });
    if (tab?.id === undefined) return { ok: false, error: tacitError('no-active-tab') };
    return { ok: true, value: tab.id };
  } catch (error) {
    recordDiagnostic('tab-lookup-failed', { step: docked ? 'active-tab' : 'last-window', error: errorName(error) });
    return { ok: false, error: tacitError('no-active-tab') };
  }
}

/** Calls onGone once if the tab closes or starts loading another page; returns the unsubscribe function. */
export function watchTab(tabId: number, onGone: (reason: 'tab-closed' | 'page-navigated') => void): () => void {
  let done = false;
  const finish = (reason: 'tab-closed' | 'page-navigated') => {
    if (done) return;
    done = true;
    unsubscribe();
    onGone(reason);
  };
  const onRemoved = (removedId: number) => {
    if (removedId === tabId) finish('tab-closed');
  };
  const onUpdated = (updatedId: number, change: { status?: string; url?: string }) => {
    if (updatedId === tabId && (change.url !== undefined || change.status === 'loading')) finish('page-navigated');
  };
  const unsubscribe = () => {
    browser.tabs.onRemoved.removeListener(onRemoved);
    browser.tabs.onUpdated.removeListener(onUpdated);
  };
  browser.tabs.onRemoved.addListener(onRemoved);
  browser.tabs.onUpdated.addListener(onUpdated);
  return () => {
    done = true;
    unsubscribe();
  };
}
