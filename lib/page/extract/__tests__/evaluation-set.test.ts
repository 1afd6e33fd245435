import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { scorePage } from '../../../../tests/fixtures/extraction/shingle-score';
import { extractPage } from '../extract-page';
import { documentFromHtml } from './fixture-document';

const CORPUS = fileURLToPath(new URL('../../../../tests/fixtures/extraction/', import.meta.url));
const PAGES = readdirSync(CORPUS).filter((name) => name.endsWith('.html'));

/** The same pages `npm run bench` scores in Chromium, here in happy-dom: never worse than Readability alone. */
describe('extractPage on the evaluation set', () => {
  it('has at least 40 pages, each with its expected text', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(40);
    for (const name of PAGES)
      expect(readFileSync(`${CORPUS}${name.replace(/\.html$/, '.txt')}`, 'utf8').trim()).not.toBe('');
  });

  for (const name of PAGES) {
    it(`${name}: reads the main text, no worse than plain Readability, leaving the live DOM as it was`, () => {
      const doc = documentFromHtml(readFileSync(`${CORPUS}${name}`, 'utf8'), name);
      const expected = readFileSync(`${CORPUS}${name.replace(/\.html$/, '.txt')}`, 'utf8');
      const before = doc.documentElement.outerHTML;
      const result = extractPage(doc);
      expect(doc.documentElement.outerHTML).toBe(before);
      if (!result.ok) throw new Error(`expected a page, got ${result.error.code}`);
      const baseline = new Readability(doc.cloneNode(true) as Document).parse()?.textContent ?? '';
      const ours = scorePage(expected, result.page.text).f1;
      expect(ours).toBeGreaterThanOrEqual(scorePage(expected, baseline).f1 - 0.05);
      expect(ours).toBeGreaterThan(0.6);
    });
  }
});
