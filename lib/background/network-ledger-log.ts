/** The privacy ledger's store, kept by the background (its only writer) in storage.local so it outlives restarts. */
import { storage } from 'wxt/utils/storage';
import { appendLedger, checkedLedgerEntry, type LedgerEntry } from '../core/network-ledger';
import type { RequestMap } from '../protocol/messages';

export interface LedgerStore {
  getValue(): Promise<unknown>;
  setValue(entries: LedgerEntry[]): Promise<void>;
}

/** Entries as stored, each checked again: a damaged ledger shows what is still valid. */
function storedEntries(value: unknown): LedgerEntry[] {
  if (!Array.isArray(value)) return [];
  return value.map(checkedLedgerEntry).filter((entry): entry is LedgerEntry => entry !== null);
}

export class NetworkLedgerLog {
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: LedgerStore) {}

  record(entries: readonly unknown[]): Promise<number> {
    const valid = entries.map(checkedLedgerEntry).filter((entry): entry is LedgerEntry => entry !== null);
    if (valid.length === 0) return Promise.resolve(0);
    const write = this.writes
      .catch(() => undefined)
      .then(async () => this.store.setValue(appendLedger(storedEntries(await this.store.getValue()), valid)))
      .then(() => valid.length);
    this.writes = write;
    return write;
  }

  async list(): Promise<LedgerEntry[]> {
    await this.writes.catch(() => undefined);
    return storedEntries(await this.store.getValue());
  }

  async clear(): Promise<void> {
    await this.writes.catch(() => undefined);
    await this.store.setValue([]);
  }
}

export const networkLedger = new NetworkLedgerLog(
  storage.defineItem<LedgerEntry[]>('local:networkLedger', { fallback: [] }),
);

type LedgerRequest = 'ledger/record' | 'ledger/list' | 'ledger/clear';
export type LedgerRequestHandlers = {
  [K in LedgerRequest]: (payload: RequestMap[K]['request']) => Promise<RequestMap[K]['response']>;
};

export function ledgerRequests(log: NetworkLedgerLog = networkLedger): LedgerRequestHandlers {
  return {
    'ledger/record': async ({ entries }) => ({
      recorded: Array.isArray(entries) ? await log.record(entries).catch(() => 0) : 0,
    }),
    'ledger/list': async () => ({ entries: await log.list() }),
    'ledger/clear': async () => {
      await log.clear();
      return { cleared: true };
    },
  };
}
