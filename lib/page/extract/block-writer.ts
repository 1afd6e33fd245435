/** The blocks of rendered text as they are written, with what each is (prose, links, heading) and prose statistics. */
import { normalizeParagraph } from './whitespace';

/** How much of the rendered text is prose, as opposed to links, labels and menus. */
export interface TextStats {
  chars: number;
  /** Characters inside links. */
  linkChars: number;
  /** Characters in paragraphs that read as prose: long enough, and mostly not links. */
  proseChars: number;
  /** Paragraphs of links and separators only (menu entries, breadcrumbs). */
  linkOnlyParagraphs: number;
}

/** A paragraph shorter than this (without its links) is a label, a caption or a menu entry rather than prose. */
const MIN_PROSE_CHARS = 40;

/**
 * What a block is: menus and link lists at the edges of the text (share bars, "most read") are trimmed, and lists of
 * links to other pages of the same site wherever they are.
 */
export type BlockKind = 'prose' | 'links' | 'site-links' | 'heading' | 'other';

/*
 * A regular expression with Unicode properties (\p{L}) costs 0.3–4 ms to compile the first time it runs in a tab, and
 * a page is read in a fresh one: the tests below answer from ASCII first, and reach for one only when ASCII cannot say.
 * Such an expression is also parsed when it is created (0.1–0.5 ms each, measured in fresh tabs), so each is created
 * on its first use, not when the script loads.
 */
function onFirstUse(create: () => RegExp): () => RegExp {
  let pattern: RegExp | undefined;
  return () => (pattern ??= create());
}

const wordChar = onFirstUse(() => /[\p{L}\p{N}]/u);
const ASCII_WORD_CHAR = /[A-Za-z0-9]/;
const NON_ASCII = /[^\0-\x7f]/;
const ASCII_LOWER = /[a-z]/;

/** Whether the text has a letter or a digit, in any script. */
function hasWordChar(text: string): boolean {
  return ASCII_WORD_CHAR.test(text) || (NON_ASCII.test(text) && wordChar().test(text));
}

/**
 * A paragraph that is only an ad slot's label or the line a news site puts around an ad ("Advertisement", "Skip
 * advertisement", "Story continues below advertisement"), in the languages of the big news sites; dropped whatever
 * the markup around it says.
 */
const AD_LABELS = new Set([
  'advertisement',
  'advertisements',
  'advert',
  'sponsored',
  'skip advertisement',
  'story continues below',
  'story continues below advertisement',
  'article continues below',
  'article continues below advertisement',
  'scroll to continue with content',
  'anzeige',
  'werbung',
  'publicité',
  'publicidad',
  'pubblicità',
  'reklama',
  'reklame',
  'advertentie',
  'annonce',
  'реклама',
  '広告',
  '광고',
  '广告',
]);
const MAX_AD_LABEL_CHARS = 40;

function isAdLabel(paragraph: string): boolean {
  return paragraph.length <= MAX_AD_LABEL_CHARS && AD_LABELS.has(paragraph.toLowerCase());
}

/**
 * A cross-link a news site puts between an article's paragraphs: a "Read more:" or "Related:" lead-in followed by a
 * link to another story (its text is mostly that link).
 */
const CROSS_LINK_LEADS = new Set([
  'read more',
  'read also',
  'also read',
  'read next',
  'must read',
  'related',
  'related story',
  'related article',
  'see also',
  'also see',
  'see more',
  'more',
  'more on this',
  'more on this story',
  "don't miss",
  'don’t miss',
  'dont miss',
  'watch',
  'listen',
  'recommended',
  'lesen sie auch',
  'mehr zum thema',
  'auch interessant',
  'lire aussi',
  'à lire aussi',
  'voir aussi',
  'leer más',
  'lee también',
  'leggi anche',
  'leia também',
  'lees ook',
]);
/** What ends a cross-link's lead-in ("Read more:", "Related |", "See also –"). */
const LEAD_SEPARATORS = ':：|–—-';
/** Past the longest lead-in and the spaces after it, a separator ends none. */
const MAX_LEAD_CHARS = 32;

function isCrossLink(paragraph: string, linkChars: number): boolean {
  if (linkChars === 0) return false;
  const lead = crossLinkLeadLength(paragraph);
  return lead > 0 && linkChars * 2 >= paragraph.length - lead;
}

/** How long the paragraph's "Read more:" lead-in is, with the spaces around its separator; 0 when it has none. */
function crossLinkLeadLength(paragraph: string): number {
  let separator = 0;
  while (separator < MAX_LEAD_CHARS && separator < paragraph.length && !LEAD_SEPARATORS.includes(paragraph[separator]!))
    separator++;
  if (separator === MAX_LEAD_CHARS || separator === paragraph.length) return 0;
  if (!CROSS_LINK_LEADS.has(paragraph.slice(0, separator).trimEnd().toLowerCase())) return 0;
  let end = separator + 1;
  while (end < paragraph.length && paragraph[end]!.trim() === '') end++;
  return end;
}

/**
 * A link to another story or to an app written in capitals between an article's paragraphs ("TAYLOR SWIFT CLEARED TO
 * PERFORM AT THE AMAs", "CLICK HERE TO GET THE NEWS APP"): a line in capitals, a quarter of it or more a link to
 * another page of the site. Prose is never written so, a heading in capitals is not a link, and a link elsewhere (the
 * full results, a source) is the article's.
 */
const MAX_SHOUTED_LINK_CHARS = 200;
const MIN_SHOUTED_CAPITALS = 10;

function isShoutedLink(paragraph: string, siteLinkChars: number): boolean {
  if (paragraph.length > MAX_SHOUTED_LINK_CHARS || siteLinkChars * 4 < paragraph.length) return false;
  if (ASCII_LOWER.test(paragraph) || (NON_ASCII.test(paragraph) && /\p{Ll}/u.test(paragraph))) {
    return false;
  }
  return (
    (paragraph.match(/\p{Lu}/gu)?.length ?? 0) >= MIN_SHOUTED_CAPITALS && paragraph.trim().split(/\s+/).length >= 3
  );
}

/**
 * A line that only credits a picture or states the site's copyright ("Photo: Jane Doe, AP", "Image copyright Getty
 * Images", "(Image: © NASA)", "© Reuters", "Copyright © 2019 Example News. All rights reserved."): short, and led by
 * the words news sites use. A caption that describes the picture is longer than this and stays.
 */
const CREDIT_LINE =
  /^(?:\(?(?:image|images|photo|photos|photograph|picture|pic|foto|fotos|bild|credit|crédit|crédito)\s*(?:copyright|credits?|by|source)?\s*(?::|\.\.\.|…)|image copyright|photo(?:graph)? by|photos? ©|foto:|©|(?:\(c\)|copyright)\s*(?:©|ⓒ|\(c\)|@|\d{4}|by\b))|all rights reserved\.?$/i;
const MAX_CREDIT_LINE_CHARS = 60;

/** How every credit line starts or ends: where none does, the expression above need not run (nor be compiled). */
const CREDIT_LINE_STARTS = ['(', 'image', 'photo', 'pic', 'foto', 'bild', 'credit', 'crédit', '©', 'copyright'];
const CREDIT_LINE_END = 'all rights reserved';

function isCreditLine(paragraph: string): boolean {
  if (paragraph.length > MAX_CREDIT_LINE_CHARS) return false;
  const lower = paragraph.toLowerCase();
  return (
    (CREDIT_LINE_STARTS.some((start) => lower.startsWith(start)) || lower.includes(CREDIT_LINE_END)) &&
    CREDIT_LINE.test(paragraph)
  );
}

/**
 * A credit at the end of a caption: "(Image: GETTY)", "(Credit: NASA/Jude Guidry)", or "… equivalent. Credit: ESA"
 * (capitalised, after the caption's last word, so that prose such as "see the photo: a bridge" is not one).
 */
const CREDIT_IN_BRACKETS =
  /\s*\((?:image|images|photo|photos|picture|pic|foto|credit)(?:\s+credit)?\s*:[^()]{1,60}\)$/i;
const creditAfterCaption = onFirstUse(
  () => /(?<=[\p{Ll}\p{N}.!?)"”’])\s*(?:Credit|Photo|Image|Picture|Foto)s?\s*:\s*[^.!?:]{1,60}$/u,
);

/** The words of a credit after a caption: where none is, the Unicode expression above need not run. */
const CREDIT_WORD = /(?:Credit|Photo|Image|Picture|Foto)s?\s*:/;

function withoutCredit(paragraph: string): string {
  const bracketsOff = paragraph.endsWith(')') ? paragraph.replace(CREDIT_IN_BRACKETS, '') : paragraph;
  return CREDIT_WORD.test(bracketsOff) ? bracketsOff.replace(creditAfterCaption(), '') : bracketsOff;
}

/** Text that leaves a line break before it at the end: nothing, or spaces and tabs. */
const BLANK_IN_LINE = /^[ \t]*$/;
const BREAK_AT_END = /\n[ \t]*$/;

/** Collects finished blocks, and the inline text of the paragraph being built. */
export class BlockWriter {
  readonly blocks: string[] = [];
  readonly kinds: BlockKind[] = [];
  /** Whether each block's text is mostly inside links (a headline that links to its story, a card wrapped in a link). */
  readonly linked: boolean[] = [];
  private inline = '';
  /**
   * The last piece of `inline` that is more than spaces and tabs: whether the paragraph ends in a line break is read
   * from it, not from `inline`. Reading the end of a string built by appending copies it whole, and a page of lines
   * broken by `<br>` grows one paragraph of thousands of lines (5 MB of them took over a minute to read).
   */
  private lastPiece = '';
  private inlineLinkChars = 0;
  /** Of which in links to another page of the site. */
  private inlineSiteLinkChars = 0;
  /** Whether the paragraph has words outside links (a menu has only links and separators). */
  private inlineHasPlainWords = false;

  constructor(
    private readonly stats: TextStats,
    /** Web pages: an ad's label, "Read more:" cross-links and picture credits are left out (mail keeps every line). */
    private readonly leaveOutFurniture = false,
  ) {}

  text(text: string, inLink: boolean, inSiteLink = false): void {
    this.inline += text;
    if (!BLANK_IN_LINE.test(text)) this.lastPiece = text;
    if (inSiteLink) this.inlineSiteLinkChars += text.length;
    if (inLink) this.inlineLinkChars += text.length;
    else if (!this.inlineHasPlainWords && hasWordChar(text)) this.inlineHasPlainWords = true;
  }

  /** A `<br>`; two in a row end the paragraph, as old pages write paragraphs. */
  lineBreak(): void {
    if (BREAK_AT_END.test(this.lastPiece)) return this.flush();
    this.inline += '\n';
    this.lastPiece = '\n';
  }

  flush(): void {
    const inline = normalizeParagraph(this.inline);
    const paragraph = this.leaveOutFurniture ? withoutCredit(inline) : inline;
    const linkChars = Math.min(this.inlineLinkChars, paragraph.length);
    const furniture =
      this.leaveOutFurniture &&
      (isAdLabel(paragraph) ||
        isCrossLink(paragraph, linkChars) ||
        isShoutedLink(paragraph, this.inlineSiteLinkChars) ||
        isCreditLine(paragraph));
    if (paragraph && !furniture) {
      const prose = countParagraph(this.stats, paragraph.length, linkChars);
      if (linkChars > 0 && !this.inlineHasPlainWords) this.stats.linkOnlyParagraphs++;
      const kind = prose ? 'prose' : linkChars > 0 && !this.inlineHasPlainWords ? 'links' : 'other';
      this.push(paragraph, kind, linkChars > 0 && linkChars * 2 >= paragraph.length);
    }
    this.inline = '';
    this.lastPiece = '';
    this.inlineLinkChars = 0;
    this.inlineSiteLinkChars = 0;
    this.inlineHasPlainWords = false;
  }

  block(text: string, kind: BlockKind = 'other', linked = kind === 'links' || kind === 'site-links'): void {
    this.flush();
    if (text) this.push(text, kind, linked);
  }

  private push(text: string, kind: BlockKind, linked: boolean): void {
    this.blocks.push(text);
    this.kinds.push(kind);
    this.linked.push(linked);
  }
}

/** Counts a paragraph; true when it reads as prose. */
export function countParagraph(stats: TextStats, chars: number, linkChars: number): boolean {
  stats.chars += chars;
  stats.linkChars += linkChars;
  if (chars - linkChars < MIN_PROSE_CHARS || linkChars * 2 >= chars) return false;
  stats.proseChars += chars - linkChars;
  return true;
}

/** A link line longer than this is a paragraph someone wrapped in a link, not a headline pointing elsewhere. */
const MAX_LINK_LINE_CHARS = 160;
/** Headlines average this many words or more; names and terms fewer. */
const MIN_HEADLINE_WORDS = 5;
const headlineWord = onFirstUse(() => /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu);
/** A heading or line this short just before links to other stories is their label ("More from UK", "Most read"). */
const MAX_LINKS_LABEL_CHARS = 60;

/**
 * Leaves out link blocks before the first content block, link blocks and headings after the last one, and, between
 * them, lists whose every item is a link to another page of the same site (the "Most read" or "More:" lists a news
 * site puts inside an article) with the short heading or label just before them: a summary that read them would
 * report other stories' headlines. Lists of links elsewhere (sources, shops) stay.
 */
export function trimLinkBlocks(writer: BlockWriter): string[] {
  const { blocks, kinds } = writer;
  const isContent = (kind: BlockKind) => kind === 'prose' || kind === 'other';
  const first = kinds.findIndex(isContent);
  if (first < 0) return blocks;
  let last = kinds.length - 1;
  while (!isContent(kinds[last]!)) last--;
  const isLinks = (kind: BlockKind) => kind === 'links' || kind === 'site-links';
  const kept = blocks.map((_, index) => index <= last && (index >= first || !isLinks(kinds[index]!)));
  for (let start = first + 1; start < last; start++) {
    if (kinds[start] !== 'site-links') continue;
    // A run of such lists (some sites put each link in a list of its own), as one.
    let end = start;
    while (end + 1 < last && kinds[end + 1] === 'site-links') end++;
    const run = blocks.slice(start, end + 1).join('\n');
    if (isHeadlineList(run)) {
      for (let index = start; index <= end; index++) kept[index] = false;
      const label = start - 1;
      if (label > first && kinds[label] !== 'prose' && blocks[label]!.length <= MAX_LINKS_LABEL_CHARS) {
        kept[label] = false;
      }
    }
    start = end;
  }
  return blocks.filter((_, index) => kept[index]);
}

/**
 * Two or more lines that read as headlines: none longer than a headline, and sentences on average rather than names
 * (a wiki's lists of linked terms, "Mozilla Corporation", are its content). A single link line inside an article is
 * a source or a call to act.
 */
function isHeadlineList(block: string): boolean {
  const lines = block.split('\n');
  if (lines.length < 2 || lines.some((line) => line.length > MAX_LINK_LINE_CHARS)) return false;
  const words = lines.reduce((sum, line) => sum + spacedWords(line), 0);
  return words >= MIN_HEADLINE_WORDS * lines.length;
}

/** Words a linked heading needs to be a story's headline rather than a section's name ("News", "Top stories"). */
const MIN_LINKED_HEADING_WORDS = 3;

/** Teasers in text read by `keepTeasers`, and the text. */
export interface TeaserBlocks {
  blocks: string[];
  /** Headlines and teaser lines that link to their story. */
  teasers: number;
}

/**
 * The text of a listing (a section's front page, a topic page, search results): every block of content, and of the
 * links, those that read as teasers (a headline of a few words or more, a teaser paragraph wrapped in its link), with
 * menu entries and tags left out. Counts the teasers, by which a caller tells a listing from a page with a few links.
 */
export function keepTeasers(writer: BlockWriter): TeaserBlocks {
  const blocks: string[] = [];
  let teasers = 0;
  writer.blocks.forEach((block, index) => {
    const kind = writer.kinds[index]!;
    if (!writer.linked[index]) {
      blocks.push(block);
      return;
    }
    if (kind === 'heading') {
      blocks.push(block);
      if (wordCount(block) >= MIN_LINKED_HEADING_WORDS) teasers++;
      return;
    }
    const lines = block.split('\n').filter((line) => wordCount(line) >= MIN_HEADLINE_WORDS);
    if (lines.length === 0) return;
    blocks.push(lines.join('\n'));
    teasers += lines.length;
  });
  return { blocks, teasers };
}

/** Chinese and Japanese write no spaces: two of their characters count as a word. */
const unspacedChar = onFirstUse(() => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu);

function wordCount(text: string): number {
  if (!NON_ASCII.test(text)) return asciiWords(text);
  const unspaced = text.match(unspacedChar())?.length ?? 0;
  return spacedWords(text) + Math.floor(unspaced / 2);
}

/** Words as scripts that write spaces between them have them. */
function spacedWords(text: string): number {
  return NON_ASCII.test(text) ? (text.match(headlineWord()) ?? []).length : asciiWords(text);
}

/** headlineWord's count in ASCII text: runs that start at a letter or digit and go on through them, `'`, `.`, `-`. */
function asciiWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const letterOrDigit = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    if (inWord && (letterOrDigit || code === 39 || code === 46 || code === 45)) continue;
    inWord = letterOrDigit;
    if (letterOrDigit) words++;
  }
  return words;
}
