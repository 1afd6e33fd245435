import { describe, expect, it } from 'vitest';
import { declaresOneItem } from '../declared-type';
import { documentFromHtml } from './fixture-document';

const page = (head: string) => documentFromHtml(`<html><head>${head}</head><body><p>Text</p></body></html>`);
const jsonLd = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

describe('declaresOneItem', () => {
  it.each([
    ['an Open Graph article', '<meta property="og:type" content="article">'],
    ['an Open Graph product', '<meta property="og:type" content="product.item">'],
    ['a NewsArticle', jsonLd({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'A' })],
    ['a Product named by its full address', jsonLd({ '@type': 'http://schema.org/Product' })],
    ['an article in a graph', jsonLd({ '@graph': [{ '@type': 'WebSite' }, { '@type': ['BlogPosting'] }] })],
    ['a web page whose main entity is a recipe', jsonLd({ '@type': 'WebPage', mainEntity: { '@type': 'Recipe' } })],
    ['one of several blocks', jsonLd({ '@type': 'Organization' }) + jsonLd([{ '@type': 'Event' }])],
  ])('is true for %s', (_, head) => {
    expect(declaresOneItem(page(head))).toBe(true);
  });

  it.each([
    ['a page that says nothing', ''],
    ['an Open Graph website', '<meta property="og:type" content="website">'],
    [
      'a collection of articles',
      jsonLd({
        '@type': 'CollectionPage',
        mainEntity: { '@type': 'ItemList', itemListElement: [{ '@type': 'NewsArticle' }] },
      }),
    ],
    ['a site, its organisation and its breadcrumbs', jsonLd([{ '@type': 'WebSite' }, { '@type': 'BreadcrumbList' }])],
    ['broken structured data', '<script type="application/ld+json">{"@type": "NewsArticle",</script>'],
  ])('is false for %s', (_, head) => {
    expect(declaresOneItem(page(head))).toBe(false);
  });
});
