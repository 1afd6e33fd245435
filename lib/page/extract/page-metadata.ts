/** Title, byline, site name, language and publish date read from the document head and common markup. */

export interface PageMetadata {
  title?: string;
  byline?: string;
  siteName?: string;
  lang?: string;
  publishedTime?: string;
  excerpt?: string;
}

/**
 * The page's metadata; what `known` already holds (Readability's article) wins and is not looked up again, so a huge
 * page is searched only for what the article lacks.
 */
export function readPageMetadata(doc: Document, known: PageMetadata = {}): PageMetadata {
  const meta = metaTags(doc);
  return {
    title: known.title || clean(meta.get('og:title') || doc.title || firstText(doc, 'h1')),
    byline:
      known.byline ||
      clean(meta.get('author') ?? firstText(doc, '[rel="author"], [itemprop="author"], .byline, .author')),
    siteName: known.siteName || clean(meta.get('og:site_name') ?? meta.get('application-name')),
    lang: clean(documentLanguage(doc, meta)) || known.lang,
    publishedTime:
      known.publishedTime ||
      clean(
        meta.get('article:published_time') ??
          meta.get('datepublished') ??
          doc.querySelector('time[datetime]')?.getAttribute('datetime'),
      ),
    excerpt: known.excerpt || clean(meta.get('og:description') ?? meta.get('description')),
  };
}

function documentLanguage(doc: Document, meta: Map<string, string>): string | undefined {
  const htmlLang = doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang');
  if (htmlLang?.trim()) return htmlLang;
  const contentLanguage = meta.get('content-language');
  if (contentLanguage?.trim()) return contentLanguage.split(',')[0];
  return meta.get('og:locale')?.replace('_', '-');
}

/** Every `<meta>` by its property, name, itemprop or http-equiv (lower case), first one winning, in one pass. */
function metaTags(doc: Document): Map<string, string> {
  const tags = new Map<string, string>();
  for (const tag of Array.from(doc.getElementsByTagName('meta'))) {
    const content = tag.getAttribute('content');
    if (content === null) continue;
    for (const attribute of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = tag.getAttribute(attribute)?.toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}

function firstText(doc: Document, selector: string): string | undefined {
  return doc.querySelector(selector)?.textContent ?? undefined;
}

function clean(value: string | null | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : undefined;
}
