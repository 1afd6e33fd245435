import { describe, expect, it } from 'vitest';
import { textContentLength } from '../text-length';
import { documentFromHtml } from './fixture-document';

describe('the length of an element’s whole text', () => {
  const doc = documentFromHtml(`<body><h2>Title</h2>
    <script>${'var x = 1;\n'.repeat(500)}</script>
    <p>One <b>two</b> <!-- not text --> three</p><pre>  kept   as is  </pre>
    <style>p { color: red }</style></body>`);

  it('counts what textContent holds, scripts and styles included', () => {
    expect(textContentLength(doc.body)).toBe(doc.body.textContent?.length);
    const p = doc.querySelector('p') as Element;
    expect(textContentLength(p)).toBe('One two  three'.length);
  });

  it('stops once it is past the limit, still reporting more than the limit', () => {
    const whole = doc.body.textContent?.length ?? 0;
    const counted = textContentLength(doc.body, 100);
    expect(counted).toBeGreaterThan(100);
    expect(counted).toBeLessThan(whole);
  });
});
