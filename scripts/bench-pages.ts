/** The pages the extraction benchmarks read: the evaluation set, the generated wiki article, the unit-test pages. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { wikiLargePage } from '../tests/fixtures/extraction/wiki-large';
import { longArticleHtml } from '../tests/fixtures/pages/long-article';

const CORPUS_DIR = fileURLToPath(new URL('../tests/fixtures/extraction/', import.meta.url));
export const PAGES_DIR = fileURLToPath(new URL('../tests/fixtures/pages/', import.meta.url));

export interface BenchPage {
  name: string;
  html: string;
  /** Main text a reader wants; absent for pages that are only timed. */
  expected?: string;
  /** From a --pages-dir folder: timed, and summed up apart from the standard set. */
  extra?: true;
}

/** The standard set, then every .html file of `extraDir` (saved real pages, say) when given. */
export function benchPages(extraDir?: string): BenchPage[] {
  const corpus = readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith('.html'))
    .map((name) => ({
      name,
      html: readFileSync(`${CORPUS_DIR}${name}`, 'utf8'),
      expected: readFileSync(`${CORPUS_DIR}${name.replace(/\.html$/, '.txt')}`, 'utf8'),
    }));
  const wiki = wikiLargePage();
  // The unit-test pages (iframe-inner.html is read through iframe-outer.html) and the 60,000-word page are timed only.
  const timedOnly = readdirSync(PAGES_DIR)
    .filter((name) => name.endsWith('.html') && name !== 'iframe-inner.html')
    .map((name) => ({ name: `pages-${name}`, html: readFileSync(`${PAGES_DIR}${name}`, 'utf8') }));
  return [
    ...corpus,
    { name: 'wiki-large.html', html: wiki.html, expected: wiki.expected },
    ...timedOnly,
    { name: 'pages-long-article.html', html: longArticleHtml() },
    ...extraPages(extraDir),
  ];
}

function extraPages(extraDir: string | undefined): BenchPage[] {
  if (!extraDir) return [];
  const dir = extraDir.endsWith('/') ? extraDir : `${extraDir}/`;
  return readdirSync(dir)
    .filter((name) => name.endsWith('.html'))
    .map((name) => ({ name: `extra-${name}`, html: readFileSync(`${dir}${name}`, 'utf8'), extra: true }));
}

/** The pages by name, with the frame iframe-outer.html loads from the same server. */
export function servedPages(pages: readonly BenchPage[]): Map<string, string> {
  const served = new Map(pages.map((page) => [page.name, page.html]));
  served.set('iframe-inner.html', readFileSync(`${PAGES_DIR}iframe-inner.html`, 'utf8'));
  return served;
}
