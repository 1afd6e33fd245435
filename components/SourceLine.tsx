import { i18n } from '#i18n';
import type { TaskSource } from '@/lib/protocol/messages';

/**
 * What the summary is of: the page title, whether the page was an endless feed read as far as it had loaded, and its
 * address as text (clickable only for http(s) pages).
 */
export function SourceLine({ source }: { source: TaskSource }) {
  const title = source.title || source.url;
  const safeLink = /^https?:\/\//i.test(source.url);
  return (
    <p class="source" data-testid="summary-source">
      <span>
        {source.kind === 'selection' ? i18n.t('panel.sourceSelection', [title]) : i18n.t('panel.sourcePage', [title])}
      </span>
      <br />
      {source.loadsMore ? (
        <>
          <span class="source-note">{i18n.t('panel.sourceLoadsMore')}</span>
          <br />
        </>
      ) : null}
      {safeLink ? (
        <a href={source.url} target="_blank" rel="noopener noreferrer" class="source-url">
          {source.url}
        </a>
      ) : (
        <span class="source-url">{source.url}</span>
      )}
    </p>
  );
}
