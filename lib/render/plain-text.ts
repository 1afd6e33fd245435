/** Markdown to plain text for "Copy text": structure kept with line breaks and bullets, markup removed. */
import { Lexer, type Token, type Tokens } from 'marked';

export function markdownToPlainText(markdown: string): string {
  return blocks(Lexer.lex(markdown, { gfm: true }))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function blocks(tokens: Token[]): string {
  return tokens.map(block).join('');
}

function block(token: Token): string {
  switch (token.type) {
    case 'heading':
    case 'paragraph':
      return `${inline((token as Tokens.Heading | Tokens.Paragraph).tokens)}\n\n`;
    case 'list': {
      const list = token as Tokens.List;
      const start = typeof list.start === 'number' ? list.start : 1;
      const items = list.items.map((item, index) => {
        const marker = list.ordered ? `${start + index}. ` : '• ';
        return marker + blocks(item.tokens).trim().replace(/\n/g, '\n   ');
      });
      return `${items.join('\n')}\n\n`;
    }
    case 'blockquote':
      return blocks((token as Tokens.Blockquote).tokens);
    case 'code':
      return `${(token as Tokens.Code).text}\n\n`;
    case 'space':
    case 'hr':
      return '\n';
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens ? inline(text.tokens) : text.text;
    }
    default:
      return 'raw' in token ? String(token.raw) : '';
  }
}

function inline(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((token) => {
      switch (token.type) {
        case 'strong':
        case 'em':
        case 'del':
          return inline((token as Tokens.Strong).tokens);
        case 'codespan':
          return (token as Tokens.Codespan).text;
        case 'link': {
          const link = token as Tokens.Link;
          const label = inline(link.tokens);
          return label === link.href ? label : `${label} (${link.href})`;
        }
        case 'br':
          return '\n';
        case 'text':
          return 'tokens' in token && token.tokens
            ? inline(token.tokens as Token[])
            : unescape((token as Tokens.Text).text);
        case 'escape':
          return (token as Tokens.Escape).text;
        default:
          return 'raw' in token ? String(token.raw) : '';
      }
    })
    .join('');
}

function unescape(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}
