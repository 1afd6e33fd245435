import { describe, expect, it } from 'vitest';
import { chunkText } from '../chunk';
import { estimateTokens } from '../../../core/token-estimate';
import type { TextChunk } from '../../../page/extract/types';
import { parseTextBlocks } from '../text-blocks';
import {
  LONG_ARTICLE_CLOSING,
  LONG_ARTICLE_OPENING,
  longArticleText,
} from '../../../../tests/fixtures/pages/long-article';

/** The invariants every chunking must keep: nothing lost, nothing over budget, cuts only inside over-budget blocks. */
function expectValidChunks(text: string, chunks: TextChunk[], budget: number, estimate = estimateTokens): void {
  expect(chunks.map((chunk) => chunk.text).join('')).toBe(text);
  const blocks = parseTextBlocks(text);
  const blockStarts = new Set(blocks.map((block) => block.start));
  chunks.forEach((chunk, index) => {
    expect(chunk.index).toBe(index);
    expect(chunk.text).toBe(text.slice(chunk.start, chunk.end));
    expect(estimate(chunk.text)).toBeLessThanOrEqual(budget);
    expect(chunk.tokenEstimate).toBe(estimate(chunk.text));
    if (!blockStarts.has(chunk.start)) {
      const container = blocks.find((block) => block.start < chunk.start && chunk.start < block.end)!;
      expect(estimate(text.slice(container.start, container.end)), `chunk ${index} starts mid-block`).toBeGreaterThan(
        budget,
      );
    }
  });
}

const words = (count: number, word = 'word') => Array.from({ length: count }, (_, i) => `${word}${i}`).join(' ');
const byChars: (text: string) => number = (text) => text.length;

describe('chunkText', () => {
  it('returns the whole text as one chunk when it fits, and nothing for empty text', () => {
    expect(chunkText('# A\n\nShort.', 100)).toEqual([
      {
        index: 0,
        text: '# A\n\nShort.',
        start: 0,
        end: 11,
        tokenEstimate: estimateTokens('# A\n\nShort.'),
        headingPath: ['A'],
      },
    ]);
    expect(chunkText('', 100)).toEqual([]);
  });

  it('cuts at heading boundaries before paragraph boundaries', () => {
    const text = `## One\n\n${words(10, 'a')}\n\n${words(10, 'b')}\n\n## Two\n\n${words(10, 'c')}`;
    const sectionOne = text.indexOf('## Two');
    const chunks = chunkText(text, sectionOne, byChars);
    expect(chunks.map((chunk) => chunk.start)).toEqual([0, sectionOne]);
    expect(chunks.map((chunk) => chunk.headingPath)).toEqual([['One'], ['Two']]);
    expectValidChunks(text, chunks, sectionOne, byChars);
  });

  it('prefers the outer heading level, and tracks nested heading paths', () => {
    const text = `# Top\n\n## A\n\n${words(30)}\n\n### A.1\n\n${words(30)}\n\n## B\n\n${words(30)}`;
    const chunks = chunkText(text, 260, byChars);
    expectValidChunks(text, chunks, 260, byChars);
    expect(chunks.map((chunk) => text.slice(chunk.start).split('\n')[0])).toEqual(['# Top', '### A.1', '## B']);
    expect(chunks.map((chunk) => chunk.headingPath)).toEqual([['Top'], ['Top', 'A', 'A.1'], ['Top', 'B']]);
  });

  it('splits a section into whole paragraphs when it is over budget', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Paragraph ${i}. ${words(20)}.`);
    const text = paragraphs.join('\n\n');
    const chunks = chunkText(text, 60);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) expect(chunk.text).toMatch(/^Paragraph \d+\./);
    expectValidChunks(text, chunks, 60);
  });

  it('splits one giant paragraph at sentences, then words, then characters', () => {
    const sentences = Array.from({ length: 40 }, (_, i) => `Sentence ${i} has ${words(8)}.`).join(' ');
    const sentenceChunks = chunkText(sentences, 50);
    expectValidChunks(sentences, sentenceChunks, 50);
    for (const chunk of sentenceChunks) expect(chunk.text).toMatch(/^Sentence \d+ /);

    const run = words(400);
    const wordChunks = chunkText(run, 25);
    expectValidChunks(run, wordChunks, 25);
    for (const chunk of wordChunks) expect(chunk.text).toMatch(/^word\d+/);

    const giant = 'x'.repeat(1000);
    const charChunks = chunkText(giant, 10);
    expectValidChunks(giant, charChunks, 10);
    expect(charChunks).toHaveLength(25);
  });

  it('keeps a fenced code block whole, and does not read # comments inside it as headings', () => {
    const code = '```bash\n# install\nnpm install\n\n# run\nnpm start\n```';
    const text = `## Setup\n\n${words(15)}\n\n${code}\n\n${words(15)}`;
    const chunks = chunkText(text, 40);
    expectValidChunks(text, chunks, 40);
    const codeStart = text.indexOf(code);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.start <= codeStart || chunk.start >= codeStart + code.length).toBe(true);
    expect(chunks.every((chunk) => chunk.headingPath.join() === 'Setup')).toBe(true);
  });

  it('never splits a surrogate pair and handles CJK text', () => {
    const text = '日本語の文章です。'.repeat(40) + '😀'.repeat(30);
    const chunks = chunkText(text, 7);
    expectValidChunks(text, chunks, 7);
    for (const chunk of chunks) expect(chunk.text).toBe(chunk.text.normalize()); // a lone surrogate would not survive
    for (const chunk of chunks) expect(/[\ud800-\udbff]$/.test(chunk.text)).toBe(false);
  });

  it('rejects budgets that cannot hold a single character', () => {
    expect(() => chunkText('abc', 0)).toThrow(RangeError);
    expect(() => chunkText('abc', 0.5, () => 1)).toThrow(RangeError);
  });

  it('chunks the 60,000-word page within budget, in order, with nothing dropped', () => {
    // The page's text as extraction gives it (lib/page/extract/__tests__/extract-page.test.ts checks that it does).
    const text = longArticleText(60_000);
    expect(text.split(/\s+/).length).toBeGreaterThan(60_000);
    const chunks = chunkText(text, 1500);
    expectValidChunks(text, chunks, 1500);
    expect(chunks.length).toBeGreaterThan(estimateTokens(text) / 1500);
    expect(chunks.slice(1).every((chunk) => chunk.text.startsWith('#'))).toBe(true);
    expect(chunks[0]!.text.startsWith(LONG_ARTICLE_OPENING)).toBe(true);
    expect(chunks.at(-1)!.text).toContain(LONG_ARTICLE_CLOSING);
  });
});
