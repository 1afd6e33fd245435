/** Title, byline, site name, language and publish date read from the document head and common markup. */

export interface PageMetadata {
  title?: string;
  byline?: string;
  siteName?: string;
  lang?: string;
  publishedTime?: string;
  excerpt?: string;
}

export function readPageMetadata(doc: Document): PageMetadata {
  return {
    title: clean(metaContent(doc, 'og:title') || doc.title || firstText(doc, 'h1')),
    byline: clean(
      metaContent(doc, 'author') ?? firstText(doc, '[rel="author"], [itemprop="author"], .byline, .author'),
    ),
    siteName: clean(metaContent(doc, 'og:site_name') ?? metaContent(doc, 'application-name')),
    lang: clean(documentLanguage(doc)),
    publishedTime: clean(
      metaContent(doc, 'article:published_time') ??
        metaContent(doc, 'datePublished') ??
        doc.querySelector('time[datetime]')?.getAttribute('datetime'),
    ),
    excerpt: clean(metaContent(doc, 'og:description') ?? metaContent(doc, 'description')),
  };
}

function documentLanguage(doc: Document): string | undefined {
  const htmlLang = doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang');
  if (htmlLang?.trim()) return htmlLang;
  const contentLanguage = doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content');
  if (contentLanguage?.trim()) return contentLanguage.split(',')[0];
  return metaContent(doc, 'og:locale')?.replace('_', '-');
}

function metaContent(doc: Document, key: string): string | undefined {
  const selector = `meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`;
  return doc.querySelector(selector)?.getAttribute('content') ?? undefined;
}

function firstText(doc: Document, selector: string): string | undefined {
  return doc.querySelector(selector)?.textContent ?? undefined;
}

function clean(value: string | null | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : undefined;
}
