/**
 * Which elements never count as page text: scripts and styles, navigation, sidebars, cookie banners, comments, ads,
 * citation markers and reference lists, and rich editors labelled as secrets.
 */
import { sensitiveVerdictOf } from '../editing/sensitive-field';
import { keptAnswer, NameMatcher, type NamePattern } from './element-names';
import { textContentLength, textLength } from './text-length';

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

/**
 * Consent and cookie banners by their usual ids and classes (OneTrust, Cookiebot, Didomi, Quantcast, consentmanager,
 * Sirdata, TrustArc, Usercentrics, custom), found anywhere in a name. A consent manager's `cmp` is a token of its own
 * or one of its names; `cmp-` followed by any other word is Adobe Experience Manager's prefix for every component of a
 * page (`cmp-text`, `cmp-title`, `cmp-container`), the content itself on many large corporate sites.
 */
const CONSENT_WORDS = [
  'cookie',
  'consent',
  'gdpr',
  'ccpa',
  'onetrust',
  'didomi',
  'usercentrics',
  'trustarc',
  'truste-',
];
const CONSENT_MANAGER =
  /(?:^|[\s_-])cmp(?:box|wrapper|[\s_]|$|-(?:banner|dialog|popup|modal|overlay|layer))|qc-cmp|sd-cmp/;

/** Class attributes already told apart as consent banners' or not. */
const consentClasses = new Map<string, boolean>();

/** A name that says consent banner: most names hold none of its words, told apart without a regular expression. */
const CONSENT_NAME: NamePattern = {
  test: (className) => keptAnswer(consentClasses, className, saysConsent),
  testId: saysConsent,
};

function saysConsent(name: string): boolean {
  const lower = name.toLowerCase();
  // The consent managers' expression runs (and is compiled) only on a page whose names say `cmp` at all.
  return CONSENT_WORDS.some((word) => lower.includes(word)) || (lower.includes('cmp') && CONSENT_MANAGER.test(lower));
}

/** Elements that hold the content itself; a consent pattern on these is a false match (e.g. a page about GDPR). */
const CONTENT_ROOT_TAGS = new Set(['html', 'body', 'main', 'article']);
const MAX_CONSENT_BANNER_CHARS = 3000;

/** Exact class/id tokens of secondary blocks (comments, related links, share bars) that Readability would score away. */
const SECONDARY_TOKENS = [
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
  'ads',
  'ad-slot',
  'ad-container',
  'ad-wrapper',
  'ad-unit',
  'adsbygoogle',
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
  // MediaWiki (Wikipedia and most wikis): "[edit]" beside each heading, the reference list (often longer than the
  // article: it would fill a summary's parts with citations), navigation boxes, category links.
  'mw-editsection',
  'references',
  'reflist',
  'mw-references-wrap',
  'navbox',
  'catlinks',
  'printfooter',
  // Its menus: languages, tools, page actions.
  'mw-portlet',
];

/**
 * Small blocks that are never the content, known by the start of a class token, with most text they may hold: an
 * ad slot (an "Advertisement" label, an ad network's container), a paywall's subscribe prompt, a forum post's
 * author card or signature, a newsletter sign-up, an author's bio, a picture's credit, a slideshow's controls, text
 * for screen readers only. A longer block with such a class is left to the other checks (a site that wraps its paid
 * article in `paywall`).
 */
const SMALL_CHROME: Array<{ names: NameMatcher; maxChars: number }> = [
  {
    names: new NameMatcher({
      heads: [
        'ad',
        'ads',
        'adv',
        'advert',
        'advertisement',
        'advertising',
        'adslot',
        'adunit',
        'adsense',
        'adthrive',
        'dfp',
        'gpt-ad',
        'taboola',
        'outbrain',
        'mgid',
        'ezoic',
        'mv-ad',
      ],
    }),
    maxChars: 300,
  },
  { names: new NameMatcher({ heads: ['paywall', 'regwall', 'meterwall', 'meter-wall'] }), maxChars: 1500 },
  {
    names: new NameMatcher({
      tokens: ['signature', 'postprofile', 'message-signature', 'message-userdetails', 'user-signature'],
    }),
    maxChars: 600,
  },
  // Also as a part of a component's class (`article-body__tablet-newsletter`).
  { names: new NameMatcher({ parts: ['newsletter', 'email-signup', 'signup-box', 'sign-up-box'] }), maxChars: 600 },
  {
    names: new NameMatcher({
      tokens: ['author-bio', 'author-box', 'about-the-author', 'about-author', 'author-card'],
    }),
    maxChars: 800,
  },
  // A picture's credit or the site's copyright line, also as a part of a component's class (`article__credit`).
  { names: new NameMatcher({ parts: ['credit', 'credits', 'copyright'] }), maxChars: 100 },
  // A gallery's picture count on its lead picture ("6"), also as a part of a component's class.
  {
    names: new NameMatcher({
      parts: ['gallery', 'slide', 'slides', 'image', 'images', 'photo', 'photos', 'media'].flatMap((what) => [
        `${what}-count`,
        `${what}-counter`,
      ]),
    }),
    maxChars: 40,
  },
  // A slideshow's or player's controls: "Image 1 of 9", "Caption", "Close", "Next".
  {
    names: new NameMatcher({
      heads: [
        'control-bar',
        'control-panel',
        'controls',
        'slide-count',
        'slide-counter',
        'slideshow-controls',
        'gallery-controls',
        'carousel-controls',
        'slider-controls',
        'player-controls',
      ],
    }),
    maxChars: 300,
  },
  // Text for screen readers only, clipped to nothing on screen: "Skip to content", "Image caption", "Share this".
  {
    names: new NameMatcher({
      tokens: [
        'sr-only',
        'sr-text',
        'visually-hidden',
        'visuallyhidden',
        'u-visually-hidden',
        'screen-reader-text',
        'screen-reader-only',
        'screenreader-only',
        'off-screen',
        'offscreen',
        'element-invisible',
        'assistive-text',
        'a11y-hidden',
      ],
    }),
    maxChars: 200,
  },
];

/**
 * A widget of links to other stories that a news site puts inside or beside the article ("Related", "Trending",
 * "Most read", "Up next"), known by a part of a class or id between `-`, `_` or spaces. Such names are common in
 * component class names (`article-related-stories`, `rail--trending`), which the whole-token list above never matches
 * and Readability keeps when the name also says "article"; so the block must also be mostly link text.
 */
const RELATED_LINKS_NAMES = new NameMatcher({
  parts: [
    'related',
    'trending',
    'most-read',
    'most-popular',
    'most-viewed',
    'recommended',
    'recommendation',
    'recommendations',
    'read-next',
    'up-next',
    'more-stories',
    'more-from',
    'you-may-like',
    'you-may-also-like',
    'further-reading',
    'more-on-this',
  ],
});
const MAX_RELATED_LINKS_CHARS = 5000;

/** At most this much text per link in a list of teasers: a headline and a line or two under it. */
const MAX_TEASER_CHARS_PER_LINK = 200;

/**
 * Mostly link text; or a list of teasers, at least three, whose headline is not itself the link (a card covered by an
 * empty link, or a picture that is).
 */
function isRelatedLinks(el: Element): boolean {
  if (CONTENT_ROOT_TAGS.has(el.localName) || !isNamed(el, RELATED_LINKS_NAMES)) return false;
  const chars = visibleChars(el.textContent ?? '');
  if (chars === 0 || chars > MAX_RELATED_LINKS_CHARS) return false;
  let linkChars = 0;
  const targets = new Set<string>();
  for (const link of el.querySelectorAll('a[href]')) {
    linkChars += visibleChars(link.textContent ?? '');
    targets.add(link.getAttribute('href')!);
  }
  return linkChars * 2 >= chars || (targets.size >= 3 && chars <= targets.size * MAX_TEASER_CHARS_PER_LINK);
}

/**
 * Links that share the page (a network's share dialog, a message with its address) rather than lead anywhere to
 * read: `whatsapp://send`, Facebook's sharer, X's tweet intent, LinkedIn's share, Pinterest's pin, Reddit's submit, …
 * Each network's address is its host (or a subdomain of it) and the start of the path, kept by the host's first label.
 */
const SHARE_ADDRESSES: ReadonlyMap<string, readonly string[]> = groupByFirstLabel([
  'facebook.com/sharer',
  'facebook.com/share.php',
  'facebook.com/dialog/share',
  'facebook.com/dialog/feed',
  'twitter.com/intent/tweet',
  'twitter.com/intent/post',
  'twitter.com/share',
  'x.com/intent/tweet',
  'x.com/intent/post',
  'x.com/share',
  'linkedin.com/sharearticle',
  'linkedin.com/sharing/share',
  'linkedin.com/cws/share',
  'reddit.com/submit',
  'tumblr.com/share',
  'tumblr.com/widgets/share',
  't.me/share',
  'telegram.me/share',
  'wa.me/?',
  'api.whatsapp.com/send',
  'web.whatsapp.com/send',
  'vk.com/share',
  'getpocket.com/save',
  'getpocket.com/edit',
  'news.ycombinator.com/submitlink',
  'flipboard.com/bookmarklet',
  'line.me/r/msg',
  'social-plugins.line.me',
  'bsky.app/intent',
  'threads.net/intent',
  'threads.com/intent',
  'xing.com/spi/shares',
  'weibo.com/share',
  'connect.ok.ru',
  'digg.com/submit',
  'buffer.com/add',
  'mix.com/add',
]);
/** Pinterest's pin dialog, on any of its country domains (`pinterest.co.uk/pin/create`). */
const PINTEREST = 'pinterest.';
const PINTEREST_PIN = '/pin/create';

function groupByFirstLabel(addresses: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const address of addresses) {
    const label = address.slice(0, address.indexOf('.'));
    const group = groups.get(label);
    if (group) group.push(address);
    else groups.set(label, [address]);
  }
  return groups;
}

/** A host label's characters: letters, digits, `_` and `-`. */
function isLabelChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 45 ||
    (code >= 65 && code <= 90)
  );
}

export function isShareAddress(href: string): boolean {
  const address = href.trimStart().toLowerCase();
  if (address.startsWith('whatsapp://send') || address.startsWith('mailto:?')) return true;
  if (address.startsWith('sms:')) return isSmsWithBody(address);
  const rest = address.startsWith('https:') ? 6 : address.startsWith('http:') ? 5 : 0;
  if (!address.startsWith('//', rest)) return false;
  // At each label of the host: the network's address from there (`www.facebook.com/sharer`, `facebook.com/sharer`).
  for (let label = rest + 2; label < address.length;) {
    let end = label;
    while (end < address.length && isLabelChar(address.charCodeAt(end))) end++;
    if (end === label) return false;
    const candidates = SHARE_ADDRESSES.get(address.slice(label, end));
    if (candidates?.some((candidate) => address.startsWith(candidate, label))) return true;
    if (address.startsWith(PINTEREST, label) && isPinterestPin(address, label + PINTEREST.length)) return true;
    if (address[end] !== '.') return false;
    label = end + 1;
  }
  return false;
}

/** `sms:` with a message body (`?body=` or `&body=`) before any `@`. */
function isSmsWithBody(address: string): boolean {
  const query = address.indexOf('?body=');
  const more = address.indexOf('&body=');
  const body = query < 0 ? more : more < 0 ? query : Math.min(query, more);
  return body >= 0 && !address.slice(0, body).includes('@');
}

/** After `pinterest.`: the rest of the domain (letters and dots), then the pin dialog's path. */
function isPinterestPin(address: string, from: number): boolean {
  let end = from;
  while (end < address.length && ((address[end]! >= 'a' && address[end]! <= 'z') || address[end] === '.')) end++;
  return end > from && address.startsWith(PINTEREST_PIN, end);
}

/** A tag page: WordPress and most blogs mark such links `rel="tag"`; others put them under `/tag/`. */
const TAG_ADDRESS = /\/tags?\/[^/?#]+\/?(?:[?#]|$)/i;
const TAG_REL = new NameMatcher({ tokens: ['tag'] });

/** The expression runs (and is compiled) only for an address that says `/tag` at all. */
function isTagAddress(href: string): boolean {
  return href.toLowerCase().includes('/tag') && TAG_ADDRESS.test(href);
}

/** A block of share links, or of tag links, and the most text it may hold. */
interface LinkBlockKind {
  isLink(link: Element, href: string): boolean;
  maxChars: number;
  /** Fewest such links in the block. */
  minLinks: number;
}

const SHARE_BAR: LinkBlockKind = { isLink: (_, href) => isShareAddress(href), maxChars: 300, minLinks: 1 };
const TAG_LIST: LinkBlockKind = {
  isLink: (link, href) => TAG_REL.test(link.getAttribute('rel') ?? '') || isTagAddress(href),
  maxChars: 600,
  minLinks: 2,
};

/**
 * A block that is nothing but links of one kind, with a short label and separators at most ("Share:", "Tags", ", "):
 * at least half its text is such links and two thirds of it is links.
 */
function isLinkBlock(el: Element, kind: LinkBlockKind): boolean {
  const chars = visibleChars(el.textContent ?? '');
  if (chars === 0 || chars > kind.maxChars) return false;
  let linkChars = 0;
  let kindChars = 0;
  let kindLinks = 0;
  for (const link of el.querySelectorAll('a')) {
    const text = visibleChars(link.textContent ?? '');
    linkChars += text;
    const href = link.getAttribute('href');
    if (href === null || !kind.isLink(link, href)) continue;
    kindChars += text;
    kindLinks++;
  }
  return kindLinks >= kind.minLinks && kindChars * 2 >= chars && linkChars * 3 >= chars * 2;
}

/** Ancestors of a link or field looked at for the block it belongs to. */
const MAX_BLOCK_DEPTH = 5;

/** Most text a newsletter's sign-up box holds around its address field ("Get the news in your inbox …"). */
const MAX_SIGN_UP_CHARS = 400;

/**
 * A document's share bars and tag lists (for each such link, the largest block around it that is one) and sign-up
 * boxes (the largest block around an address field with little text).
 */
function blocksKnownByContents(doc: Document): Set<Element> {
  const blocks = new Set<Element>();
  const addLargest = (start: Element, fits: (block: Element) => boolean) => {
    let largest: Element | null = null;
    let el = start.parentElement;
    for (let depth = 0; el && depth < MAX_BLOCK_DEPTH && !CONTENT_ROOT_TAGS.has(el.localName); depth++) {
      if (blocks.has(el) || !fits(el)) break;
      largest = el;
      el = el.parentElement;
    }
    if (largest) blocks.add(largest);
  };
  for (const field of doc.querySelectorAll('input[type="email" i]')) {
    addLargest(field, (box) => visibleChars(box.textContent ?? '') <= MAX_SIGN_UP_CHARS);
  }
  for (const link of doc.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href')!;
    const kind = SHARE_BAR.isLink(link, href) ? SHARE_BAR : TAG_LIST.isLink(link, href) ? TAG_LIST : null;
    if (kind) addLargest(link, (block) => isLinkBlock(block, kind));
  }
  return blocks;
}

function visibleChars(text: string): number {
  return text.replace(/\s+/g, '').length;
}

/** The most text an element whose class names a kind of small chrome may hold (-1: it names none), by class. */
const smallChromeLimits = new Map<string, number>();

function smallChromeLimit(className: string): number {
  return keptAnswer(smallChromeLimits, className, findSmallChromeLimit);
}

function findSmallChromeLimit(className: string): number {
  let limit = -1;
  for (const { names, maxChars } of SMALL_CHROME) if (maxChars > limit && names.test(className)) limit = maxChars;
  return limit;
}

function isSmallChrome(el: Element): boolean {
  const className = el.getAttribute('class');
  // A caption is content, whatever its class says (`c-lead-image__credit` around a caption and its credit).
  if (!className || el.localName === 'figcaption') return false;
  const limit = smallChromeLimit(className);
  // As shown: the indentation between a template's tags is not text.
  return limit >= 0 && (el.textContent ?? '').replace(/\s+/g, ' ').length <= limit;
}

/** Scripts, styles, form controls and media: elements whose text content is never prose; a secret editor's neither. */
export function isNonTextElement(el: Element): boolean {
  return NON_TEXT_TAGS.has(el.localName) || isSensitiveEditor(el) || isChoiceLabel(el);
}

/**
 * The label of a radio button: one choice of a form (a filter, a sort order, a poll), part of the form's controls
 * like the button itself. A checkbox's label may be content (an ingredient, a checklist's item), so it stays.
 */
export function isChoiceLabel(el: Element): boolean {
  if (el.localName !== 'label') return false;
  const control = (el as HTMLLabelElement).control;
  return control?.localName === 'input' && (control as HTMLInputElement).type === 'radio';
}

/** A rich editor labelled as a card number, code or password: its text is a secret like a field's value. */
function isSensitiveEditor(el: Element): boolean {
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false' && sensitiveVerdictOf(el) !== null;
}

/** An element whose id, or one of whose class tokens, is one of `tokens` exactly (any case). */
function namedByToken(tokens: readonly string[]): (el: Element) => boolean {
  const names = new NameMatcher({ tokens });
  return (el) => isNamed(el, names);
}

const hasSecondaryName = namedByToken(SECONDARY_TOKENS);

/** Declared chrome: the tag or ARIA role says so, whatever the text inside. */
function isChromeByMarkup(el: Element): boolean {
  const tag = el.localName;
  if (CHROME_TAGS.has(tag)) return true;
  if (tag === 'header' && !el.closest('article, main, [role="main"]')) return true;
  const role = el.getAttribute('role');
  return role !== null && NON_CONTENT_ROLES.has(role);
}

/** An id read as the attribute: a form's `id` property is its control named "id" when it has one (a hidden input). */
function idOf(el: Element): string | null {
  return el.getAttribute('id');
}

/** The element's id or class matches `pattern`. */
export function isNamed(el: Element, pattern: NamePattern): boolean {
  if (!el.hasAttributes()) return false;
  const id = idOf(el);
  const className = el.getAttribute('class');
  const idMatches = id !== null && (pattern.testId ? pattern.testId(id) : pattern.test(id));
  return idMatches || (className !== null && pattern.test(className));
}

function isConsentBanner(el: Element): boolean {
  if (!isNamed(el, CONSENT_NAME) || CONTENT_ROOT_TAGS.has(el.localName)) return false;
  return (el.textContent ?? '').length <= MAX_CONSENT_BANNER_CHARS;
}

/** Matched on exact tokens, so a wrapper like `page-with-sidebar` is never mistaken for the sidebar itself. */
export function isSecondaryContent(el: Element): boolean {
  if (!el.hasAttributes() || CONTENT_ROOT_TAGS.has(el.localName)) return false;
  return hasSecondaryName(el);
}

/** The blocks that hold a page's comments, by the same exact tokens as the other secondary blocks. */
const isDiscussion = namedByToken(['comments', 'comment-list', 'comments-area']);

/** Paragraphs of prose outside a discussion that make its page an article with comments, not a forum thread. */
const ARTICLE_PARAGRAPHS = 3;
const PROSE_PARAGRAPH_CHARS = 80;

function hasArticleBeside(discussion: Element, region: Element): boolean {
  const paragraphs = region.getElementsByTagName('p');
  let found = 0;
  for (let i = 0; i < paragraphs.length && found < ARTICLE_PARAGRAPHS; i++) {
    const paragraph = paragraphs[i]!;
    if (discussion.contains(paragraph)) continue;
    if (textLength(paragraph, PROSE_PARAGRAPH_CHARS) >= PROSE_PARAGRAPH_CHARS) found++;
  }
  return found >= ARTICLE_PARAGRAPHS;
}

/** A citation or footnote marker (`[12]`, `³`, `[a]`): a superscript link to a note elsewhere on the page. */
export function isNoteMarker(el: Element): boolean {
  if (el.localName !== 'sup') return false;
  const text = el.textContent ?? '';
  return text.length <= 8 && /^\s*\[?[\w*†‡§]{1,4}\]?\s*$/.test(text) && el.querySelector('a[href^="#"]') !== null;
}

const PERMALINK_SIGNS = new Set(['¶', '§', '#', '🔗', '⚓']);

/** A heading's permalink (`¶` in Sphinx and MkDocs, `#` or `§` elsewhere): a link to the heading itself, not its text. */
export function isHeadingPermalink(el: Element): boolean {
  if (el.localName !== 'a' || !el.getAttribute('href')?.startsWith('#')) return false;
  return PERMALINK_SIGNS.has((el.textContent ?? '').trim()) && el.closest('h1, h2, h3, h4, h5, h6') !== null;
}

/**
 * Boilerplate and secondary blocks, with a guard for what is judged by id or class only: a block around the page's
 * main heading is the content, whatever its class says (a generated class name such as `ads`, a page-wide wrapper);
 * on a page without one, so is a block holding most of the page's text.
 */
export class PageChrome {
  /** Each document's (the page's and its frames') first `<h1>`, or its body's text length when it has none. */
  private readonly landmarks = new Map<Document, Element | number>();
  /** The text length of a page's main region, without its scripts and styles, once it holds a discussion block. */
  private readonly textLengths = new Map<Element, number>();
  /** Each document's share bars, tag lists and sign-up boxes, found once from what they hold. */
  private readonly blocksByContents = new Map<Document, Set<Element>>();

  isChrome(el: Element): boolean {
    if (isNoteMarker(el) || isHeadingPermalink(el) || isChromeByMarkup(el) || this.isKnownByContents(el)) return true;
    return (
      (isConsentBanner(el) || isSecondaryContent(el) || isSmallChrome(el) || isRelatedLinks(el)) &&
      !this.holdsContent(el) &&
      !this.isThreadBody(el)
    );
  }

  /**
   * A forum thread's posts sit in a block named like an article's comments (Invision Community's `#comments`, many
   * boards' `comments` list): where that block holds most of the text of the page (or of its main region), and no
   * article stands beside it, the discussion is what the page is. An article's comments, however many, stay out.
   */
  private isThreadBody(el: Element): boolean {
    if (!isDiscussion(el)) return false;
    // Measured within the page's main region when it declares one: menus and footers are not what is compared.
    const region = el.parentElement?.closest('main, [role="main"]') ?? el.ownerDocument.body;
    // The article test first: it stops at its third paragraph, where measuring the text walks all of it.
    if (!region || hasArticleBeside(el, region)) return false;
    let regionText = this.textLengths.get(region);
    if (regionText === undefined) this.textLengths.set(region, (regionText = textLength(region)));
    return textLength(el, regionText) * 2 > regionText;
  }

  /**
   * A share bar, a list of tags or a sign-up box, even where its markup is bare text (`<strong>Tags <a rel="tag">…`).
   */
  isKnownByContents(el: Element): boolean {
    const doc = el.ownerDocument;
    let blocks = this.blocksByContents.get(doc);
    if (!blocks) this.blocksByContents.set(doc, (blocks = blocksKnownByContents(doc)));
    return blocks.has(el);
  }

  private holdsContent(el: Element): boolean {
    const doc = el.ownerDocument;
    let landmark = this.landmarks.get(doc);
    if (landmark === undefined) {
      landmark = doc.querySelector('h1') ?? (doc.body ? textContentLength(doc.body) : 0);
      this.landmarks.set(doc, landmark);
    }
    if (typeof landmark !== 'number') return el.contains(landmark);
    return landmark > 0 && textContentLength(el, landmark / 2) * 2 > landmark;
  }
}
