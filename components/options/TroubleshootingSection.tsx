import { i18n } from '#i18n';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { detailsText, type DiagnosticEvent } from '@/lib/core/diagnostics';
import { sendRequest } from '@/lib/protocol/requests';
import { troubleshootingReport } from '@/lib/options/troubleshooting-report';
import { CopyButton } from '../CopyButton';
import { formatTime } from '../format';

/** What went wrong behind the scenes this browser session, as codes and names, to copy into a bug report. */
export function TroubleshootingSection() {
  const events = useSignal<DiagnosticEvent[]>([]);
  // The background keeps the list and records its own failures; one it cannot reach has no list to show or add to.
  const refresh = () =>
    void sendRequest('diagnostics/list')
      .then((answer) => (events.value = answer.events))
      .catch(() => undefined);
  const clear = () =>
    void sendRequest('diagnostics/clear')
      .catch(() => undefined)
      .then(refresh);
  const report = () =>
    troubleshootingReport(events.value, {
      extension: browser.runtime.getManifest().version,
      userAgent: navigator.userAgent,
    });

  useEffect(() => {
    refresh();
    // Coming back to Options after something failed elsewhere shows it without a reload.
    const onVisible = () => document.visibilityState === 'visible' && refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  return (
    <section aria-labelledby="troubleshooting-heading" data-testid="troubleshooting">
      <h2 id="troubleshooting-heading">{i18n.t('options.troubleshootingHeading')}</h2>
      <p class="help">{i18n.t('options.troubleshootingHelp')}</p>
      {events.value.length === 0 ? (
        <p data-testid="troubleshooting-empty">{i18n.t('options.troubleshootingEmpty')}</p>
      ) : (
        <table class="diagnostics">
          <thead>
            <tr>
              <th scope="col">{i18n.t('options.troubleshootingTime')}</th>
              <th scope="col">{i18n.t('options.troubleshootingContext')}</th>
              <th scope="col">{i18n.t('options.troubleshootingCode')}</th>
              <th scope="col">{i18n.t('options.troubleshootingDetails')}</th>
            </tr>
          </thead>
          <tbody>
            {events.value.map((event, index) => (
              <tr key={`${event.at}-${index}`}>
                <td>{formatTime(event.at)}</td>
                <td>{event.context}</td>
                <td>{event.code}</td>
                <td>{[detailsText(event.details), event.times ? `×${event.times}` : ''].filter(Boolean).join(' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="actions">
        <CopyButton label={i18n.t('options.troubleshootingCopy')} text={report} />
        <button type="button" onClick={clear} disabled={events.value.length === 0}>
          {i18n.t('options.troubleshootingClear')}
        </button>
      </div>
    </section>
  );
}
