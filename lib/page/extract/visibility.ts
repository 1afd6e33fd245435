/**
 * Whether the live page shows an element, answered by the browser's layout (`checkVisibility`) instead of a computed
 * style per element, and robust to the page's state: an anti-flicker style hiding the whole body, closed `<details>`
 * and `hidden="until-found"` sections (content the reader can open) count as shown.
 */

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
}

/** Screen-reader-only text ("opens in a new tab") that sighted readers never see. */
const SCREEN_READER_ONLY = /(^|\s)(sr-only|visually-hidden|visuallyhidden|screen-reader-text|a11y-hidden)(\s|$)/;
const INLINE_HIDDEN_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*(hidden|collapse))\s*(!important)?\s*(;|$)/i;

/** Hidden by the page's markup alone: the `hidden` attribute, `aria-hidden`, an inline style, a screen-reader class. */
export function isHiddenByMarkup(el: Element): boolean {
  const hidden = el.getAttribute('hidden');
  if (hidden !== null && hidden !== 'until-found') return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && INLINE_HIDDEN_STYLE.test(style)) return true;
  const className = el.getAttribute('class');
  return className !== null && SCREEN_READER_ONLY.test(className);
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
  /** What the page's styles can be trusted for: an anti-flicker rule on <html> or <body> hides everything for now. */
  private readonly trust: StyleTrust;

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
    if (isHiddenByMarkup(el)) return null;
    if (this.trust === 'none') return scope;
    if (scope.ownStyleOnly) {
      if (this.hiddenByOwnStyle(el)) return null;
    } else if (!(el as Checkable).checkVisibility!({ visibilityProperty: this.trust === 'all' })) {
      // No box of its own: hidden (display:none, visibility), a box-less wrapper (display:contents, slots) whose
      // children the layout still shows, or content the reader can open (closed details, until-found).
      const style = this.view!.getComputedStyle(el);
      if (style.display === 'contents') return scope;
      if (!isOpenableContent(el) || this.hiddenByOwnStyle(el)) return null;
      return OWN_STYLE_SCOPE;
    }
    return isClosedDetails(el) || el.getAttribute('hidden') === 'until-found' ? OWN_STYLE_SCOPE : scope;
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
  return trust;
}
