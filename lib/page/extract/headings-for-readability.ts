/**
 * Readability 0.6 loses section headings in two common markups, so the copy it reads is adjusted first:
 * - It drops a `<div>` that holds nothing but a heading ("no useful content": it counts text in paragraphs, spans and
 *   the like, never in headings). Wikipedia wraps every section heading so since 2024 (`<div class="mw-heading">`,
 *   once its "[edit]" link is gone), as do many site builders (mozilla/readability#986). Such a wrapper is replaced by
 *   its heading.
 * - It removes any element whose class says "header" as page chrome, headings included: a recipe card's
 *   `<h3 class="wprm-recipe-header">Ingredients</h3>`, a `section-header`. A heading is never the page's header, so
 *   such a class is taken off the heading.
 */

const HEADINGS = 'h1, h2, h3, h4, h5, h6';
const TEXT_NODE = 3;

export function prepareHeadings(root: ParentNode): void {
  for (const heading of Array.from(root.querySelectorAll(HEADINGS))) {
    if (/header/i.test(heading.getAttribute('class') ?? '')) heading.removeAttribute('class');
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
