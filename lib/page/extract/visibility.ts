/**
 * Whether the live page shows an element, answered by the browser's layout (`checkVisibility`) instead of a computed
 * style per element, and robust to the page's state: an anti-flicker style hiding the whole body, closed `<details>`,
 * `hidden="until-found"` sections and, for page reading, collapsed accordion, FAQ and tab panels (content the reader
 * can open) count as shown.
 */
import { NameMatcher } from './element-names';
import { isNamed } from './excluded-elements';
import { textLength } from './text-length';

/** How the walk judges the elements under the current one. */
export interface VisibilityScope {
  /**
   * Judge each element by its own style only: inside a closed `<details>` or an until-found section (the layout hides
   * them, the reader can open them), or when a walk starts inside the page rather than at its root.
   */
  ownStyleOnly: boolean;
}

const LAYOUT_SCOPE: VisibilityScope = { ownStyleOnly: false };
const OWN_STYLE_SCOPE: VisibilityScope = { ownStyleOnly: true };

export interface VisibilityOptions {
  /** Ask the layout (`checkVisibility`), for walks from the document's root; false judges each element's own style. */
  layout?: boolean;
  /** Ignore `visibility: hidden` (a page that hides its content until a script runs); `display: none` still hides. */
  ignoreVisibility?: boolean;
  /**
   * Read collapsed panels the reader can open with a click (accordions, FAQ answers, tab panels, "show more"), as
   * closed `<details>` are: a page's text, not hidden content. Off for mail, whose collapsed parts are quoted history.
   */
  openCollapsedPanels?: boolean;
}

/** Screen-reader-only text ("opens in a new tab") that sighted readers never see. */
const SCREEN_READER_ONLY = new NameMatcher({
  tokens: ['sr-only', 'visually-hidden', 'visuallyhidden', 'screen-reader-text', 'a11y-hidden'],
});
const INLINE_HIDDEN_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*(hidden|collapse))\s*(!important)?\s*(;|$)/i;

/** Hidden by the page's markup alone: the `hidden` attribute, `aria-hidden`, an inline style, a screen-reader class. */
export function isHiddenByMarkup(el: Element): boolean {
  const hidden = el.getAttribute('hidden');
  if (hidden !== null && hidden !== 'until-found') return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && INLINE_HIDDEN_STYLE.test(style)) return true;
  return isScreenReaderOnly(el);
}

function isScreenReaderOnly(el: Element): boolean {
  const className = el.getAttribute('class');
  return className !== null && SCREEN_READER_ONLY.test(className);
}

/** Names of accordions and FAQs, on a panel or on the header before it. */
const DISCLOSURE_NAME = /accordion|collaps|expand|toggle|faq|disclos/i;
/** Names a panel's header has beside that (`accordion-title`, `faq-head`), which a collapsed panel itself has not. */
const HEADER_NAME = /title|head|question|toggle|trigger|button|btn|label|summary/i;
/** Elements that only style or script a page, skipped when looking for the header before a panel. */
const SILENT_SIBLINGS = new Set(['style', 'script', 'template', 'link', 'noscript', 'meta']);
/** What a panel's header holds at most: a question or a label, not a block of its own. */
const MAX_HEADER_CHARS = 300;
/** Roles whose hidden content is never text to read (menus, suggestion lists, dialogs, tips). */
const NON_PANEL_ROLES = new Set(['menu', 'menubar', 'listbox', 'dialog', 'alertdialog', 'tooltip', 'combobox', 'tree']);
/** A control a click works: a button, or an element a script made one (`tabindex="-1"` only takes focus). */
const TOGGLE = 'button, summary, [role="button"], [aria-expanded], [tabindex]:not([tabindex^="-"])';
const MENU_BUTTON = '[aria-haspopup]:not([aria-haspopup="false"])';

/** A header that is a toggle, or holds one with most of its text (`<h3><button>Question?</button></h3>`). */
function isToggleHeader(header: Element): boolean {
  if (header.matches(TOGGLE)) return true;
  const toggle = header.querySelector(TOGGLE);
  return toggle !== null && textLength(toggle) * 2 >= textLength(header);
}

/** The header right before a panel: its previous sibling, past styles and scripts. */
function headerBefore(el: Element): Element | null {
  let previous = el.previousElementSibling;
  while (previous && SILENT_SIBLINGS.has(previous.localName)) previous = previous.previousElementSibling;
  return previous;
}

/**
 * Text-level elements whose attributes cannot hide them (a link's address, a title): shown whenever their parent is
 * (a stylesheet that hides a bare `<em>`, `<a href>` or `<p>` by position alone is vanishingly rare), so the layout is
 * not asked about each one.
 */
const BARE_TEXT_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'br',
  'cite',
  'code',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'kbd',
  'mark',
  'p',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
]);
const INERT_ATTRIBUTES = new Set(['href', 'title', 'rel', 'target', 'lang', 'dir', 'datetime', 'cite', 'hreflang']);

export function isBareText(el: Element): boolean {
  if (!BARE_TEXT_TAGS.has(el.localName)) return false;
  if (!el.hasAttributes()) return true;
  // Names only: reading `attributes` makes the browser create an Attr node for each one.
  for (const name of el.getAttributeNames()) if (!INERT_ATTRIBUTES.has(name)) return false;
  return true;
}

type StyleTrust = 'all' | 'display-only' | 'none';

type Checkable = Element & { checkVisibility?: (options?: { visibilityProperty?: boolean }) => boolean };

export class PageVisibility {
  readonly rootScope: VisibilityScope;
  private readonly view: (Window & typeof globalThis) | null;
  private readonly canCheck: boolean;
  /** What the page's styles can be trusted for: an anti-flicker rule on <html>, <body> or <main> hides it for now. */
  private readonly trust: StyleTrust;
  /** The ids that expandable controls and tabs open (`aria-controls`), found on the first collapsed element. */
  private controlledIds: Set<string> | undefined;

  constructor(
    doc: Document,
    private readonly options: VisibilityOptions = {},
  ) {
    this.view = doc.defaultView as (Window & typeof globalThis) | null;
    const root = doc.documentElement as Checkable | null;
    this.canCheck = options.layout !== false && typeof root?.checkVisibility === 'function';
    this.rootScope = this.canCheck ? LAYOUT_SCOPE : OWN_STYLE_SCOPE;
    const trust = typeof this.view?.getComputedStyle === 'function' ? styleTrust(doc, this.view) : 'none';
    this.trust = trust === 'all' && options.ignoreVisibility ? 'display-only' : trust;
  }

  /** The same judgement for another document (a same-origin frame). */
  forDocument(doc: Document): PageVisibility {
    return new PageVisibility(doc, this.options);
  }

  /** The scope for `el`'s children, or null when `el` is hidden (with everything in it). */
  enter(el: Element, scope: VisibilityScope): VisibilityScope | null {
    if (isBareText(el)) return scope;
    if (isHiddenByMarkup(el)) return !isScreenReaderOnly(el) && this.isCollapsedPanel(el) ? OWN_STYLE_SCOPE : null;
    if (this.trust === 'none') return scope;
    if (scope.ownStyleOnly) {
      if (this.hiddenByOwnStyle(el)) return this.isCollapsedPanel(el) ? OWN_STYLE_SCOPE : null;
    } else if (!(el as Checkable).checkVisibility!({ visibilityProperty: this.trust === 'all' })) {
      // No box of its own: hidden (display:none, visibility), a box-less wrapper (display:contents, slots) whose
      // children the layout still shows, or content the reader can open (closed details, until-found, a panel).
      const style = this.view!.getComputedStyle(el);
      if (style.display === 'contents') return scope;
      if (isOpenableContent(el) && !this.hiddenByOwnStyle(el)) return OWN_STYLE_SCOPE;
      return this.isCollapsedPanel(el) ? OWN_STYLE_SCOPE : null;
    }
    return isClosedDetails(el) || el.getAttribute('hidden') === 'until-found' ? OWN_STYLE_SCOPE : scope;
  }

  /**
   * A collapsed panel that a click opens, when the reading asks for them: a tab panel, what an expandable control
   * names in `aria-controls`, a block right after its header (a toggle, or a short header named as an accordion's or
   * FAQ's), or a block itself named as an accordion's or FAQ's. It is entered judging each part by its own style, so
   * what it hides in turn stays hidden.
   */
  private isCollapsedPanel(el: Element): boolean {
    if (!this.options.openCollapsedPanels) return false;
    const role = el.getAttribute('role');
    if (role === 'tabpanel') return true;
    if (role !== null && NON_PANEL_ROLES.has(role)) return false;
    const id = el.getAttribute('id');
    if (id && this.idsOpenedByControls(el.ownerDocument).has(id)) return true;
    const header = headerBefore(el);
    if (!header || textLength(header, MAX_HEADER_CHARS) > MAX_HEADER_CHARS) return false;
    // A menu button's list of links is navigation, not a panel.
    if (header.matches(MENU_BUTTON) || header.querySelector(MENU_BUTTON) !== null) return false;
    if (isToggleHeader(header)) return true;
    return isNamed(el, DISCLOSURE_NAME) || (isNamed(header, DISCLOSURE_NAME) && isNamed(header, HEADER_NAME));
  }

  private idsOpenedByControls(doc: Document): Set<string> {
    if (this.controlledIds) return this.controlledIds;
    const ids = new Set<string>();
    for (const control of Array.from(doc.querySelectorAll('[aria-controls]'))) {
      const role = control.getAttribute('role');
      // A search box's suggestions and a menu button's menu are not text of the page.
      if (role === 'combobox' || control.localName === 'input' || control.matches(MENU_BUTTON)) continue;
      if (!control.hasAttribute('aria-expanded') && role !== 'tab') continue;
      for (const controlled of (control.getAttribute('aria-controls') ?? '').split(/\s+/))
        if (controlled) ids.add(controlled);
    }
    return (this.controlledIds = ids);
  }

  private hiddenByOwnStyle(el: Element): boolean {
    const style = this.view!.getComputedStyle(el);
    if (style.display === 'none') return true;
    return this.trust === 'all' && (style.visibility === 'hidden' || style.visibility === 'collapse');
  }
}

function isClosedDetails(el: Element): boolean {
  return el.localName === 'details' && !el.hasAttribute('open');
}

/** An element the layout skips only because an ancestor is collapsed: found-in-page content, not hidden content. */
function isOpenableContent(el: Element): boolean {
  return el.closest('details:not([open]), [hidden="until-found"]') !== null;
}

function styleTrust(doc: Document, view: Window): StyleTrust {
  let trust: StyleTrust = 'all';
  for (const el of [doc.documentElement, doc.body]) {
    if (!el) continue;
    const style = view.getComputedStyle(el);
    if (style.display === 'none') return 'none';
    if (style.visibility === 'hidden' || style.opacity === '0') trust = 'display-only';
  }
  // The page's main region and article too: some pages hide those (not the body) until their stylesheets or scripts
  // have loaded. Only visibility: a region left out of the layout (display: none) is not the one the reader sees.
  for (const el of [doc.querySelector('main, [role="main"]'), doc.querySelector('article')]) {
    if (!el) continue;
    const style = view.getComputedStyle(el);
    if (style.visibility === 'hidden' || style.opacity === '0') trust = 'display-only';
  }
  return trust;
}
