import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { isElementWithoutContent } from '../readability-article';
import { documentFromHtml } from './fixture-document';

const CORPUS = fileURLToPath(new URL('../../../../tests/fixtures/extraction/', import.meta.url));
/** Readability's own test, which the reader replaces with a faster one that must answer the same. */
const readabilityTest = (Readability.prototype as unknown as { _isElementWithoutContent(node: Element): boolean })
  ._isElementWithoutContent;

function answers(doc: Document): { ours: boolean[]; readability: boolean[] } {
  const elements = Array.from(doc.querySelectorAll('*'));
  return {
    ours: elements.map((el) => isElementWithoutContent(el)),
    readability: elements.map((el) => readabilityTest.call({ ELEMENT_NODE: 1 }, el)),
  };
}

describe("the reader's test for an element without content", () => {
  it('answers as Readability does on edge cases: spaces of every kind, breaks, rules, comments, scripts', () => {
    const doc = documentFromHtml(`<body>
      <div id="empty"></div>
      <div id="spaces"> \n\t&nbsp;\u2003\ufeff </div>
      <div id="breaks"><br><br/> <hr></div>
      <div id="nested-empty"><div><span> </span></div></div>
      <div id="nested-break"><p><br></p></div>
      <div id="comment"><!-- a note --></div>
      <div id="script"><script>var x = 1;</script></div>
      <div id="img"><img src="data:,"></div>
      <section id="text-deep"><div><div><span>x</span></div></div></section>
      <h2 id="heading"> </h2>
      <div id="split">&nbsp;<b></b>y</div>
    </body>`);
    const { ours, readability } = answers(doc);
    expect(ours).toEqual(readability);
    const byId = (id: string) => isElementWithoutContent(doc.getElementById(id)!);
    // A break counts wherever it is below: Readability counts descendants, not children.
    const empty = ['empty', 'spaces', 'breaks', 'nested-break', 'comment', 'heading'];
    expect(empty.map(byId)).toEqual(empty.map(() => true));
    const full = ['nested-empty', 'script', 'img', 'text-deep', 'split'];
    expect(full.map(byId)).toEqual(full.map(() => false));
  });

  it('answers as Readability does for every element of the evaluation pages', () => {
    const names = readdirSync(CORPUS).filter((name) => name.endsWith('.html'));
    expect(names.length).toBeGreaterThanOrEqual(40);
    let elements = 0;
    for (const name of names) {
      const { ours, readability } = answers(documentFromHtml(readFileSync(`${CORPUS}${name}`, 'utf8'), name));
      expect(ours, name).toEqual(readability);
      elements += ours.length;
    }
    expect(elements).toBeGreaterThan(5_000);
  });
});
