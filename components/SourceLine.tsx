import { i18n } from '#i18n';
import type { TaskSource } from '@/lib/protocol/messages';

/**
 * What the summary is of: the page title, its address as text (clickable only for http(s) pages), what it covers,
 * and whether the page was an endless feed read as far as it had loaded.
 */
export function SourceLine({ source }: { source: TaskSource }) {
  const title = source.title || source.url;
  const safeLink = /^https?:\/\//i.test(source.url);
  return (
    <p class="source" data-testid="summary-source">
      <span class="source-title">
        {source.kind === 'selection' ? i18n.t('panel.sourceSelection', [title]) : i18n.t('panel.sourcePage', [title])}
      </span>{' '}
      {safeLink ? (
        <a href={source.url} target="_blank" rel="noopener noreferrer" class="source-url">
          {source.url}
        </a>
      ) : (
        <span class="source-url">{source.url}</span>
      )}
      {source.coverage ? (
        <span class="source-coverage" data-testid="summary-coverage">
          {' '}
          {i18n.t('panel.coverage', [String(source.coverage.parts), String(source.coverage.total)])}
        </span>
      ) : null}
      {source.loadsMore ? (
        <span class="source-note" data-testid="summary-loads-more">
          {' '}
          {i18n.t('panel.sourceLoadsMore')}
        </span>
      ) : null}
    </p>
  );
}
