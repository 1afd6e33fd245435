/**
 * Watches the requests one extension context makes (Resource Timing: fetches, Cache API adds, scripts) and hands them,
 * in small batches, to the privacy ledger. Only the URL's host and path, the size and the time are kept.
 */
import { ledgerEntry, type LedgerContext, type LedgerEntry } from '../core/network-ledger';

const BATCH_DELAY_MS = 500;

export function observeNetwork(context: LedgerContext, send: (entries: LedgerEntry[]) => void): () => void {
  if (typeof PerformanceObserver === 'undefined') return () => undefined;
  let pending: LedgerEntry[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const batch = pending;
    pending = [];
    if (batch.length > 0) send(batch);
  };
  const observer = new PerformanceObserver((list) => {
    for (const timing of list.getEntries() as PerformanceResourceTiming[]) {
      const bytes = timing.encodedBodySize || timing.transferSize || 0;
      const entry = ledgerEntry(timing.name, bytes, performance.timeOrigin + timing.startTime, context);
      if (entry) pending.push(entry);
    }
    timer ??= setTimeout(flush, BATCH_DELAY_MS);
  });
  observer.observe({ type: 'resource', buffered: true });
  return () => {
    observer.disconnect();
    flush();
  };
}
