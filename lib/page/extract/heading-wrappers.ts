/**
 * Readability 0.6 drops a `<div>` that holds nothing but a heading ("no useful content": it counts text in paragraphs,
 * spans and the like, never in headings), so every section heading a site wraps that way is lost: Wikipedia's since
 * 2024 (`<div class="mw-heading"><h2>…</h2>` once its "[edit]" link is gone), and many site builders' section titles
 * (mozilla/readability#986). On the detached copy, such wrappers are replaced by their heading before Readability runs.
 */

const HEADINGS = 'h1, h2, h3, h4, h5, h6';
const TEXT_NODE = 3;

export function unwrapHeadingWrappers(root: ParentNode): void {
  for (const heading of Array.from(root.querySelectorAll(HEADINGS))) {
    let wrapper = heading.parentElement;
    // Nested wrappers (`div > div > h2`) go one by one, as long as each holds the heading alone.
    while (wrapper?.localName === 'div' && holdsOnly(wrapper, heading)) {
      const outer = wrapper.parentElement;
      wrapper.replaceWith(heading);
      wrapper = outer;
    }
  }
}

/** The heading is the wrapper's one element, with no text of its own beside it. */
function holdsOnly(wrapper: Element, heading: Element): boolean {
  if (wrapper.childElementCount !== 1) return false;
  for (const node of Array.from(wrapper.childNodes)) {
    if (node !== heading && node.nodeType === TEXT_NODE && node.textContent!.trim() !== '') return false;
  }
  return true;
}
