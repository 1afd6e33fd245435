/**
 * Turns model output into safe HTML: Markdown through a real parser, any HTML the model wrote shown as text,
 * no images at all (nothing remote is ever loaded), and only http(s)/mailto links, sanitised by DOMPurify.
 */
import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';

const SAFE_LINK = /^(?:https?:|mailto:)/i;

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

const markdown = new Marked({
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
      return `<a href="${escapeHtml(token.href)}">${label}</a>`;
    },
  },
});

const hardenedPurifiers = new WeakSet<typeof DOMPurify>();

/** Links open in a new tab without giving the page a handle on the panel, and without a referrer. */
function hardenLinks(purifier: typeof DOMPurify): void {
  if (hardenedPurifiers.has(purifier)) return;
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    node.setAttribute('rel', 'noopener noreferrer nofollow');
    node.setAttribute('target', '_blank');
  });
  hardenedPurifiers.add(purifier);
}

export function renderMarkdownSafely(source: string, purifier: typeof DOMPurify = DOMPurify): string {
  hardenLinks(purifier);
  const html = markdown.parse(source) as string;
  return purifier.sanitize(html, {
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
  });
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
