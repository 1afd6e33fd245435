import { describe, expect, it } from 'vitest';
import { LEDGER_CAPACITY, appendLedger, checkedLedgerEntry, ledgerEntry, ledgerTotals } from '../network-ledger';

describe('privacy ledger entries', () => {
  it('keeps host and path only: no query, fragment or credentials', () => {
    expect(
      ledgerEntry('https://user:pw@huggingface.co/m/resolve/main/a.bin?token=secret#x', 10.4, 5.6, 'offscreen'),
    ).toEqual({
      time: 6,
      context: 'offscreen',
      host: 'huggingface.co',
      path: '/m/resolve/main/a.bin',
      bytes: 10,
    });
  });

  it.each(['chrome-extension://abc/options.html', 'data:text/plain,hi', 'blob:https://x/1', 'not a url'])(
    'records nothing for %s',
    (url) => {
      expect(ledgerEntry(url, 1, 1, 'panel')).toBeNull();
    },
  );

  it('checks entries that crossed a message boundary', () => {
    expect(checkedLedgerEntry({ time: 1, context: 'panel', host: 'a.org', path: '/x', bytes: -3 })).toMatchObject({
      bytes: 0,
    });
    expect(checkedLedgerEntry({ time: 1, context: 'page', host: 'a.org', path: '/x', bytes: 1 })).toBeNull();
    expect(checkedLedgerEntry({ time: 1, context: 'panel', host: 'a b', path: '/x', bytes: 1 })).toBeNull();
    expect(checkedLedgerEntry('garbage')).toBeNull();
  });

  it('totals requests and bytes per host, largest first, and keeps at most the capacity', () => {
    const entry = (host: string, bytes: number) => ({ time: 1, context: 'offscreen' as const, host, path: '/', bytes });
    expect(ledgerTotals([entry('a.org', 5), entry('b.org', 50), entry('a.org', 7)])).toEqual({
      requests: 3,
      bytes: 62,
      hosts: [
        { host: 'b.org', requests: 1, bytes: 50 },
        { host: 'a.org', requests: 2, bytes: 12 },
      ],
    });
    const many = Array.from({ length: LEDGER_CAPACITY }, () => entry('a.org', 1));
    expect(appendLedger(many, [entry('new.org', 1)])).toHaveLength(LEDGER_CAPACITY);
  });
});
