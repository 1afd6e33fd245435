/** A mail body as plain paragraphs without its quoted history and signature, the way the model should read it. */
import { isNonTextElement } from '../extract/excluded-elements';
import { renderStructuredText } from '../extract/structured-text';
import { PageVisibility } from '../extract/visibility';
import { isAtOrAfter, quotedHistoryStart, signatureElements, trimQuotedText } from './quoted-text';

function render(root: Element, isExcluded: (el: Element) => boolean): string {
  return renderStructuredText(root, {
    isExcluded: (el) => isNonTextElement(el) || isExcluded(el),
    // A message is read from inside the page: each element is judged by its own style, as the client shows it.
    visibility: new PageVisibility(root.ownerDocument, { layout: false }),
    enterShadowRoots: false,
    enterFrames: false,
    numberOrderedLists: true,
  });
}

/** The writer's own words in a message body: marked quotes and signatures skipped, then "On … wrote:" tails cut. */
export function readMessageText(body: Element | null): string {
  if (!body) return '';
  const historyStart = quotedHistoryStart(body);
  const signatures = new Set(signatureElements(body));
  const text = render(body, (el) => signatures.has(el) || (historyStart !== null && isAtOrAfter(el, historyStart)));
  return trimQuotedText(text);
}

/** Whether a message body carries a signature block its client marks (Gmail's, Outlook's, Proton's, Thunderbird's). */
export function hasMarkedSignature(body: Element | null): boolean {
  return body !== null && signatureElements(body).length > 0;
}

/** The visible text of an element (a collapsed message's preview), leaving out the given parts such as headers. */
export function readPreviewText(element: Element | null, leaveOut: readonly Element[] = []): string {
  if (!element) return '';
  const skipped = new Set(leaveOut);
  return render(element, (el) => skipped.has(el))
    .replace(/\s+/g, ' ')
    .trim();
}
