import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { storage } from 'wxt/utils/storage';
import { ledgerTotals, type LedgerEntry } from '@/lib/core/network-ledger';
import { sendRequest } from '@/lib/protocol/requests';
import { formatBytes, formatTime } from '../format';

/** Changes to the stored ledger tell this page to ask the background (its keeper) for the list again. */
const ledgerChanges = storage.defineItem<unknown>('local:networkLedger');

/** Options › Privacy: every request Tacit made, newest first, with totals per host, so users can check the promise. */
export function PrivacyLedgerSection() {
  const entries = useSignal<LedgerEntry[]>([]);
  const refresh = () =>
    void sendRequest('ledger/list')
      .then((answer) => (entries.value = answer.entries))
      .catch(() => undefined);
  useEffect(() => {
    refresh();
    return ledgerChanges.watch(refresh);
  }, []);
  const totals = ledgerTotals(entries.value);

  return (
    <section aria-labelledby="privacy-ledger-heading" data-testid="privacy-ledger">
      <h2 id="privacy-ledger-heading">{i18n.t('options.privacyLedgerHeading')}</h2>
      <p class="help">{i18n.t('options.privacyLedgerHelp')}</p>
      {entries.value.length === 0 ? (
        <p data-testid="privacy-ledger-empty">{i18n.t('options.privacyLedgerEmpty')}</p>
      ) : (
        <>
          <p data-testid="privacy-ledger-totals">
            {i18n.t('options.privacyLedgerTotals', [String(totals.requests), formatBytes(totals.bytes)])}
          </p>
          <table>
            <thead>
              <tr>
                <th>{i18n.t('options.privacyLedgerTime')}</th>
                <th>{i18n.t('options.privacyLedgerHost')}</th>
                <th>{i18n.t('options.privacyLedgerPath')}</th>
                <th>{i18n.t('options.privacyLedgerBytes')}</th>
              </tr>
            </thead>
            <tbody>
              {[...entries.value].reverse().map((entry) => (
                <tr>
                  <td>{formatTime(entry.time)}</td>
                  <td>{entry.host}</td>
                  <td>{entry.path}</td>
                  <td>{formatBytes(entry.bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => void sendRequest('ledger/clear').then(refresh, refresh)}>
            {i18n.t('options.privacyLedgerClear')}
          </button>
        </>
      )}
    </section>
  );
}
