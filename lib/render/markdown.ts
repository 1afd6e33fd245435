/**
 * Turns model output into safe HTML: Markdown through a real parser, any HTML the model wrote shown as text,
 * no images at all (nothing remote is ever loaded), and links only to http(s)/mailto addresses on the task's
 * allow-list (any other address is shown as text), sanitised by DOMPurify.
 */
import DOMPurify from 'dompurify';
import {
  Lexer,
  Marked,
  Parser,
  type Links,
  type MarkedOptions,
  type Token,
  type Tokens,
  type TokensList,
} from 'marked';

const SAFE_LINK = /^(?:https?:|mailto:)/i;

/**
 * The exact link targets that may be clickable: the addresses in the material the task read and in the user's own
 * words. A model told by a page to write `https://attacker/?d=<secret>` cannot make that a link.
 */
export type LinkAllowList = ReadonlySet<string>;
export const NO_LINKS: LinkAllowList = new Set();

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'em',
  'strong',
  'del',
  'code',
  'pre',
  'blockquote',
  'a',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'input',
];

const SANITIZE_CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ['href', 'type', 'checked', 'disabled', 'align'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  FORBID_TAGS: [
    'img',
    'style',
    'script',
    'iframe',
    'svg',
    'math',
    'form',
    'object',
    'embed',
    'video',
    'audio',
    'source',
  ],
};

function markdownOptions(links: LinkAllowList): MarkedOptions {
  return new Marked({
    gfm: true,
    async: false,
    renderer: {
      // Raw HTML in model output is text to show, never markup to run.
      html(token: Tokens.HTML | Tokens.Tag) {
        return escapeHtml(token.text);
      },
      // Images would load remote content: show their alt text and address as plain text instead.
      image(token: Tokens.Image) {
        return escapeHtml(token.text ? `${token.text} (${token.href})` : token.href);
      },
      link(token: Tokens.Link) {
        const label = this.parser.parseInline(token.tokens);
        if (!SAFE_LINK.test(token.href)) return label;
        if (!links.has(token.href)) return linkAsText(token, label);
        return `<a href="${escapeHtml(token.href)}">${label}</a>`;
      },
    },
  }).defaults;
}

/** A link the task's material does not contain: its address is shown, once, as text that nothing turns into a link. */
function linkAsText(token: Tokens.Link, label: string): string {
  const { href, text } = token;
  if (text === href || `mailto:${text}` === href) return label;
  return `${label} (${escapeHtml(href)})`;
}

/**
 * What rendering needs of DOMPurify, already configured (tests of the block structure may pass one that keeps the HTML
 * as it is): `sanitize` is called with the HTML alone.
 */
export type Purifier = Pick<typeof DOMPurify, 'sanitize' | 'addHook'>;

let rendererPurifier: Purifier | undefined;

/**
 * The renderer's own DOMPurify, given its config once. A config passed with every call is read again every time (its
 * tag and attribute lists copied into new objects): while a reply streamed, that was more than half of what the
 * panel allocated, and so of the garbage collections that pause the thread it shares with the engine's page.
 */
function configuredPurifier(): Purifier {
  if (!rendererPurifier) {
    const purifier = DOMPurify();
    purifier.setConfig(SANITIZE_CONFIG);
    rendererPurifier = purifier;
  }
  return rendererPurifier;
}

const hardenedPurifiers = new WeakSet<Purifier>();

/** Links open in a new tab without giving the page a handle on the panel, and without a referrer. */
function hardenLinks(purifier: Purifier): void {
  if (hardenedPurifiers.has(purifier)) return;
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    node.setAttribute('rel', 'noopener noreferrer nofollow');
    node.setAttribute('target', '_blank');
  });
  hardenedPurifiers.add(purifier);
}

/** Markdown lexing and safe rendering for one allow-list, in two steps so a stream can render a text block by block. */
export interface SafeMarkdown {
  /** The tokens of `source`; `definitions` are reference-link definitions from the rest of the text (first one wins). */
  lex(source: string, definitions?: Links): TokensList;
  /** Sanitised HTML of these top-level tokens (rendering all of a text's tokens is `renderMarkdownSafely`). */
  render(tokens: readonly Token[]): string;
  /** The inline tokens of a paragraph's text, or of a piece of it. */
  lexInline(text: string, definitions?: Links): Token[];
  /** Sanitised inline HTML of inline tokens: what goes inside a `<p>`. */
  renderInline(tokens: readonly Token[]): string;
}

const renderers = new WeakMap<LinkAllowList, WeakMap<Purifier, SafeMarkdown>>();

export function safeMarkdown(links: LinkAllowList = NO_LINKS, purifier: Purifier = configuredPurifier()): SafeMarkdown {
  let byPurifier = renderers.get(links);
  if (!byPurifier) renderers.set(links, (byPurifier = new WeakMap()));
  const known = byPurifier.get(purifier);
  if (known) return known;
  hardenLinks(purifier);
  const options = markdownOptions(links);
  // Marked's own parse copies its options per call (the lexer and parser write into them): so does this.
  const lexer = (definitions: Links | undefined) => {
    const created = new Lexer({ ...options });
    if (definitions) Object.assign(created.tokens.links, definitions);
    return created;
  };
  const markdown: SafeMarkdown = {
    lex: (source, definitions) => lexer(definitions).lex(source),
    render(tokens) {
      const html = new Parser({ ...options }).parse(tokens as Token[]);
      return purifier.sanitize(html);
    },
    lexInline: (text, definitions) => lexer(definitions).inlineTokens(text),
    renderInline(tokens) {
      const html = new Parser({ ...options }).parseInline(tokens as Token[]);
      return purifier.sanitize(html);
    },
  };
  byPurifier.set(purifier, markdown);
  return markdown;
}

export interface RenderOptions {
  /** Links to these exact addresses stay clickable; by default none do. */
  links?: LinkAllowList;
  purifier?: Purifier;
}

export function renderMarkdownSafely(source: string, { links, purifier }: RenderOptions = {}): string {
  const markdown = safeMarkdown(links, purifier);
  return markdown.render(markdown.lex(source));
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
