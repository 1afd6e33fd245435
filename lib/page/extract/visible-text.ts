/** The fallback reader: structured visible text of <main>, a lone <article>, or <body>, including open shadow roots and same-origin frames. */
import { isExcludedElement, isSecondaryContent } from './excluded-elements';
import { renderStructuredText } from './structured-text';

/** Reads the live document without changing it. Returns the longest of the candidate roots' texts once one has enough. */
export function readVisibleText(doc: Document, enoughChars: number): string {
  let best = '';
  for (const root of candidateRoots(doc)) {
    const text = renderStructuredText(root, {
      isExcluded: (el) => isExcludedElement(el) || isSecondaryContent(el),
      enterShadowRoots: true,
      enterFrames: true,
    });
    if (text.length > best.length) best = text;
    if (best.length >= enoughChars) break;
  }
  return best;
}

function candidateRoots(doc: Document): Element[] {
  const roots: Element[] = [];
  const main = doc.querySelector('main, [role="main"]');
  if (main) roots.push(main);
  const articles = doc.querySelectorAll('article');
  if (articles.length === 1 && articles[0] && !main?.contains(articles[0])) roots.push(articles[0]);
  if (doc.body) roots.push(doc.body);
  return roots;
}
