/** Which elements never count as page text: hidden ones, scripts and styles, navigation, cookie banners, secrets. */
import { sensitiveVerdictOf } from '../editing/sensitive-field';

/** Never rendered as readable text. */
const NON_TEXT_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'link',
  'meta',
  'title',
  'svg',
  'canvas',
  'object',
  'embed',
  'audio',
  'video',
  'map',
  'button',
  'select',
  'option',
  'input',
  'textarea',
  'datalist',
  'output',
]);

/** Chrome around the content rather than content. */
const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'dialog', 'menu']);

const NON_CONTENT_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'menu',
  'menubar',
  'toolbar',
  'dialog',
  'alertdialog',
  'tooltip',
  'status',
]);

/** Consent and cookie banners by their usual ids and classes (OneTrust, Cookiebot, Didomi, Quantcast, custom). */
const CONSENT_PATTERN = /cookie|consent|gdpr|ccpa|onetrust|cookiebot|didomi|(^|[\s_-])cmp([\s_-]|$)|qc-cmp/i;

/** Screen-reader-only text ("opens in a new tab") that sighted readers never see. */
const SCREEN_READER_ONLY = /(^|\s)(sr-only|visually-hidden|visuallyhidden|screen-reader-text|a11y-hidden)(\s|$)/;

const INLINE_HIDDEN_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*(hidden|collapse))\s*(!important)?\s*(;|$)/i;

/** Elements that hold the content itself; a consent pattern on these is a false match (e.g. a page about GDPR). */
const CONTENT_ROOT_TAGS = new Set(['html', 'body', 'main', 'article']);
const MAX_CONSENT_BANNER_CHARS = 3000;

/** Hidden by attribute, inline style, screen-reader-only class, or — when the document has a view — computed style. */
export function isHiddenElement(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && INLINE_HIDDEN_STYLE.test(style)) return true;
  const className = el.getAttribute('class');
  if (className && SCREEN_READER_ONLY.test(className)) return true;
  const view = el.ownerDocument.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return false;
  const computed = view.getComputedStyle(el);
  return computed.display === 'none' || computed.visibility === 'hidden' || computed.visibility === 'collapse';
}

/** A rich editor labelled as a card number, code or password: its text is a secret like a field's value. */
function isSensitiveEditor(el: Element): boolean {
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false' && sensitiveVerdictOf(el) !== null;
}

/** Navigation, sidebars, site header/footer, form controls, media and consent banners. */
function isBoilerplateElement(el: Element): boolean {
  const tag = el.localName;
  if (NON_TEXT_TAGS.has(tag) || CHROME_TAGS.has(tag) || isSensitiveEditor(el)) return true;
  const role = el.getAttribute('role');
  if (role && NON_CONTENT_ROLES.has(role)) return true;
  if (tag === 'header' && !el.closest('article, main, [role="main"]')) return true;
  return isConsentBanner(el);
}

/** Scripts, styles, form controls and media: elements whose text content is never prose. */
export function isNonTextElement(el: Element): boolean {
  return NON_TEXT_TAGS.has(el.localName) || isSensitiveEditor(el);
}

export function isExcludedElement(el: Element): boolean {
  return isBoilerplateElement(el) || isHiddenElement(el);
}

function isConsentBanner(el: Element): boolean {
  const label = `${el.id} ${el.getAttribute('class') ?? ''}`;
  if (label.length < 4 || !CONSENT_PATTERN.test(label)) return false;
  if (CONTENT_ROOT_TAGS.has(el.localName)) return false;
  return (el.textContent ?? '').length <= MAX_CONSENT_BANNER_CHARS;
}

/** Exact class/id tokens of secondary blocks (comments, related links, share bars) that Readability would score away. */
const SECONDARY_TOKENS = new Set([
  'sidebar',
  'comments',
  'comment-list',
  'comments-area',
  'related',
  'related-articles',
  'related-posts',
  'share',
  'sharing',
  'social',
  'social-share',
  'newsletter',
  'advert',
  'advertisement',
  'ad',
  'ads',
  'promo',
  'breadcrumb',
  'breadcrumbs',
  'site-header',
  'site-footer',
  'skip-link',
  'recommendations',
  'page-feedback',
  'edit-this-page',
  'edit-link',
]);

/** Matched on exact tokens, so a wrapper like `page-with-sidebar` is never mistaken for the sidebar itself. */
export function isSecondaryContent(el: Element): boolean {
  if (CONTENT_ROOT_TAGS.has(el.localName)) return false;
  if (el.id && SECONDARY_TOKENS.has(el.id.toLowerCase())) return true;
  const className = el.getAttribute('class');
  if (!className) return false;
  return className
    .toLowerCase()
    .split(/\s+/)
    .some((token) => SECONDARY_TOKENS.has(token));
}
