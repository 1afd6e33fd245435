/**
 * A detached copy of the document holding only what the page shows as content: hidden elements, navigation, banners
 * and secondary blocks are left out. The live page is only read. The copy is built from whole subtrees where nothing
 * is left out (one native import each) and node by node only along the paths to what is.
 */
import { isChoiceLabel, isHeadingPermalink, isNonTextElement, type PageChrome } from './excluded-elements';
import { isBareText, isHiddenByMarkup, type PageVisibility, type VisibilityScope } from './visibility';
import { isSiteLink, siteOf, SITE_LINK_ATTRIBUTE, type Site } from './site-links';

const ELEMENT_NODE = 1;
/** Copied whole without a look inside: their text is taken as it is (code) or never read (scripts, media). */
const OPAQUE_TAGS = new Set(['pre', 'code', 'math']);
/**
 * Code is read as its text (lib/page/extract/structured-text.ts), so the copy holds it as text: a highlighter's
 * thousands of token elements are work for Readability and nothing for the reader.
 */
const CODE_TAGS = new Set(['pre', 'code']);

/**
 * Never read from the copy, and work to insert into it (a style sheet is parsed as it enters a document): styles, style
 * sheet links and scripts, but for the JSON-LD metadata Readability reads.
 */
function isUnreadMarkup(el: Element, tag = el.localName): boolean {
  if (tag === 'style' || tag === 'link') return true;
  return tag === 'script' && el.getAttribute('type') !== 'application/ld+json';
}

export interface ClonePlan {
  /** Elements the copy will hold. */
  keptElements: number;
  /** Left out, with everything in them. */
  removed: Set<Element>;
  /** Elements with something left out (or code held as text) below them: copied node by node. */
  partial: Set<Element>;
  /** Collapsed panels read although their markup hides them: copied without that markup, which Readability obeys. */
  opened: Set<Element>;
}

/** Walks the live page once, deciding what the copy leaves out. */
export function planVisibleClone(doc: Document, visibility: PageVisibility, chrome: PageChrome): ClonePlan {
  const plan: ClonePlan = { keptElements: 0, removed: new Set(), partial: new Set(), opened: new Set() };
  const root = doc.documentElement;
  if (root && walk(root, visibility.rootScope, plan, visibility, chrome)) plan.partial.add(root);
  return plan;
}

/** Marks what is left out under `parent`; true when something is. */
function walk(
  parent: Element,
  scope: VisibilityScope,
  plan: ClonePlan,
  visibility: PageVisibility,
  chrome: PageChrome,
): boolean {
  let partial = false;
  for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
    const tag = child.localName;
    if (isUnreadMarkup(child, tag)) {
      plan.removed.add(child);
      partial = true;
      continue;
    }
    if (tag === 'head') {
      plan.keptElements++;
      if (planHead(child, plan)) {
        plan.partial.add(child);
        partial = true;
      }
      continue;
    }
    if (CODE_TAGS.has(tag) && child.firstElementChild) {
      plan.keptElements += 1 + child.getElementsByTagName('code').length;
      plan.partial.add(child);
      partial = true;
      continue;
    }
    let inner: VisibilityScope | null = scope;
    // Most elements of a text are bare text-level ones (a link, an emphasis) with nothing in their attributes that can
    // make them chrome, form controls or hidden: they are kept without asking, but a superscript may be a note marker
    // and a link a heading's permalink.
    if (
      tag === 'sup' ||
      (tag === 'a' && isHeadingPermalink(child)) ||
      !isBareText(child) ||
      chrome.isKnownByContents(child)
    ) {
      // A radio button's label is left out of the copy, where Readability would score it as text (a filter's choices
      // read as a paragraph); the live reading leaves it out as a non-text element.
      if (isChoiceLabel(child)) {
        plan.removed.add(child);
        partial = true;
        continue;
      }
      if (isNonTextElement(child) || OPAQUE_TAGS.has(tag)) {
        plan.keptElements += 1 + child.getElementsByTagName('*').length;
        continue;
      }
      inner = chrome.isChrome(child) ? null : visibility.enter(child, scope);
      if (!inner) {
        plan.removed.add(child);
        partial = true;
        continue;
      }
    }
    plan.keptElements++;
    // Entered although its markup hides it: a collapsed panel the reading opens (always judged by its own style).
    const opened = inner.ownStyleOnly && isHiddenByMarkup(child);
    if (opened) plan.opened.add(child);
    if (walk(child, inner, plan, visibility, chrome) || opened) {
      plan.partial.add(child);
      partial = true;
    }
  }
  return partial;
}

/** The head keeps its title, metadata and JSON-LD; true when something is left out. */
function planHead(head: Element, plan: ClonePlan): boolean {
  let partial = false;
  for (let child = head.firstElementChild; child; child = child.nextElementSibling) {
    if (isUnreadMarkup(child)) {
      plan.removed.add(child);
      partial = true;
    } else {
      plan.keptElements += 1 + child.getElementsByTagName('*').length;
    }
  }
  return partial;
}

/** The link addresses Readability tells apart: links within the page (`#…`, weighed less) and `javascript:` links. */
const TOLD_APART_ADDRESS = /^(?:#.|javascript:)/;

/**
 * Readability resolves every link's address (a URL parse each) yet reads them only to tell the links above apart, and
 * the reader never reads an address: the copy keeps only those, and marks the links to other pages of the site.
 */
function dropLinkAddresses(clone: Document, site: Site): void {
  const links = clone.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!;
    const href = link.getAttribute('href');
    if (!href || TOLD_APART_ADDRESS.test(href)) continue;
    if (isSiteLink(href, site)) link.setAttribute(SITE_LINK_ATTRIBUTE, '');
    link.removeAttribute('href');
  }
}

/** Builds the planned copy as a document of its own (no scripts run, no custom element is created). */
export function buildClone(doc: Document, plan: ClonePlan): Document {
  const clone = doc.implementation.createHTMLDocument('');
  if (doc.documentElement) {
    clone.documentElement.remove();
    clone.appendChild(copy(doc.documentElement, clone, plan));
  }
  // The page's address, so relative links resolve (Readability resolves every one; failing is slow).
  const base = clone.createElement('base');
  base.href = doc.baseURI;
  clone.head?.prepend(base);
  // Sections a reader opens by finding text in them: content, which Readability would drop for their `hidden`.
  for (const section of Array.from(clone.querySelectorAll('[hidden="until-found"]'))) section.removeAttribute('hidden');
  dropLinkAddresses(clone, siteOf(doc));
  return clone;
}

/** The markup that hides an element (`isHiddenByMarkup`), but for a screen-reader class, which a panel never has. */
const HIDING_ATTRIBUTES = ['hidden', 'aria-hidden', 'style'];

function copy(el: Element, target: Document, plan: ClonePlan): Element {
  if (!plan.partial.has(el)) return target.importNode(el, true);
  if (CODE_TAGS.has(el.localName)) return copyCode(el, target);
  const shallow = target.importNode(el, false);
  if (plan.opened.has(el)) for (const name of HIDING_ATTRIBUTES) shallow.removeAttribute(name);
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== ELEMENT_NODE) shallow.appendChild(target.importNode(child, false));
    else if (!plan.removed.has(child as Element)) shallow.appendChild(copy(child as Element, target, plan));
  }
  return shallow;
}

/** Code as its text, keeping `code` elements (their class names the language) and nothing else below them. */
function copyCode(el: Element, target: Document): Element {
  const shallow = target.importNode(el, false);
  let text = '';
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE && (child as Element).localName === 'code') {
      if (text) shallow.appendChild(target.createTextNode(text));
      text = '';
      shallow.appendChild(copyCode(child as Element, target));
    } else {
      text += child.textContent ?? '';
    }
  }
  if (text) shallow.appendChild(target.createTextNode(text));
  return shallow;
}
