/** Tells when a tab closes or loads another page: the background stops a task then, the panel disables Replace. */
import { browser } from 'wxt/browser';

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
