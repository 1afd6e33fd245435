/**
 * Renders a growing Markdown text block by block, to the same safe HTML as `renderMarkdownSafely` of the whole text:
 * finished top-level blocks are rendered once and kept; each update parses and sanitises only the open tail. A block
 * is rendered again only when a reference definition it may use appears, changes or goes away.
 *
 * One open block can be long: a paragraph that goes on for pages (a flood of tokens with no line break). While it is
 * written it is shown in pieces: what lies well behind its end is rendered once and kept, and only the last piece is
 * rendered again, so an update costs the same however long the paragraph is. When the paragraph ends, or the text
 * does (`final`), it is rendered whole, as a one-shot render would.
 *
 * A long table, fenced code block or list at the end of the text is shown in pieces too: its finished rows, lines or
 * items are rendered once and kept, and each update reads and renders only those after them (a table's header and
 * delimiter lines then its last rows, a code block's opening line then its last lines, a list's last items: each row,
 * line or item is read on its own). What is rendered apart is the same HTML as the block rendered whole.
 */
import type { Links, Token, Tokens } from 'marked';
import type { SafeMarkdown } from './markdown';
import { definitionsIn, finishedTokenCount, referenceLabels, sameDefinition } from './markdown-blocks';
import { TextTail } from './text-tail';

export interface RenderedBlock {
  key: number;
  html: string;
}

/** What an update changed, for a view to apply (see `RenderedBlocks`). */
export interface StreamPatch {
  /** Drop everything shown first: the text was replaced rather than extended. */
  reset: boolean;
  /** Finished blocks rendered again (a reference definition they may use changed). */
  changed: RenderedBlock[];
  /** Blocks finished by this update, in order, after all the others. */
  added: RenderedBlock[];
  /** How the open tail after them changed; null when it is as before. */
  open: OpenPatch | null;
}

export type OpenPatch =
  /** The open tail's HTML, in place of what was shown of it. */
  | { html: string }
  /**
   * The open tail ends in a long paragraph shown in pieces: the blocks before it (`lead`; null when as before), then
   * the paragraph element, holding pieces that stay (`append`: inline HTML to add after those already there) and the
   * paragraph's last piece, rendered anew (`tail`). `start` says the paragraph is new: drop what the open tail showed.
   */
  | { paragraph: { start: boolean; lead: string | null; append: string[]; tail: string } }
  /**
   * The open tail ends in a long table shown in pieces: the blocks before it (`lead`; null when as before), then the
   * table. `head` is the table with the rows kept so far (when `start`: the table is new, drop what the open tail
   * showed). `append` and `tail` are tables too, of which only the body rows count: rows that stay, to add after those
   * already there, and the last rows, rendered anew.
   */
  | { table: { start: boolean; lead: string | null; head: string | null; append: string[]; tail: string } }
  /**
   * The open tail ends in a long fenced code block shown in pieces: the blocks before it (`lead`; null when as
   * before), then the code block. `head` is its HTML, whose code element's text does not count (when `start`: the
   * block is new, drop what the open tail showed). `append` holds text, not HTML: finished lines to add after those
   * already there; `tail` is the text of the last lines, anew.
   */
  | { code: { start: boolean; lead: string | null; head: string | null; append: string[]; tail: string } }
  /**
   * The open tail ends in a long list shown in pieces, as a table is: `head` is the list with the items kept so far;
   * `append` and `tail` are lists too, of which only the items count.
   */
  | { list: { start: boolean; lead: string | null; head: string | null; append: string[]; tail: string } };

/** A long table, code block or list shown in pieces: what its update says. */
type RowsUpdate = { head: string | null; append: string[]; tail: string };
type RowsKind = 'table' | 'code' | 'list';

export interface MarkdownStreamOptions {
  /** An open paragraph longer than this (in characters) is shown in pieces. */
  pieceChars?: number;
  /** An open table with more rows than this is shown in pieces. */
  tableRows?: number;
  /** An open fenced code block with more lines than this is shown in pieces. */
  codeLines?: number;
  /** An open list with more items than this is shown in pieces. */
  listItems?: number;
}

/** Long enough that short replies never use pieces; short enough that rendering the last piece stays well under 1 ms. */
const PIECE_CHARS = 1024;
/** The end of a paragraph is left out of the kept pieces: Markdown written there may still change how it reads. */
const PIECE_SLACK_CHARS = 200;
/** A paragraph's last line this long, with a letter in it, cannot turn into another kind of block as it grows. */
const SETTLED_LINE_CHARS = 64;
/**
 * Unkept text this many times a piece long is cut into pieces even past a delimiter nothing closed yet: the price of
 * an update stays bounded, and only a paragraph of thousands of characters between a backtick and its pair is shown
 * differently until its end.
 */
const UNPAIRED_WINDOW_PIECES = 4;
/** Rows that a table grows by before it is shown in pieces: a short table costs little to render whole. */
const TABLE_ROWS = 24;
/** Lines that a code block grows by before it is shown in pieces. */
const CODE_LINES = 40;
/** Items that a list grows by before it is shown in pieces. */
const LIST_ITEMS = 16;

interface FinishedBlock {
  key: number;
  raw: string;
}

export class MarkdownStream {
  /** The text from the open tail on (what comes before is rendered and never read again). */
  private text = new TextTail();
  /** The whole text of the last `update`, to tell an extension from a replacement; undefined after `append`. */
  private whole: string | undefined = '';
  /** Where the open tail begins in `text`. */
  private finishedLength = 0;
  private nextKey = 0;
  /** The finished blocks that may use a reference label, by key. */
  private readonly finished = new Map<number, FinishedBlock>();
  /** Reference label → finished blocks that may use it. */
  private readonly blocksByLabel = new Map<string, number[]>();
  /** Definitions made in finished blocks: the first of each label, in text order. */
  private finishedDefinitions: Links = {};
  /** Definitions the open tail added last time (labels no finished block defines). */
  private openDefinitions: Links = {};
  private openHtml = '';
  /** The long paragraph at the end of the open tail, while it is shown in pieces. */
  private pieces: OpenParagraph | undefined;
  /** The long table, fenced code block or list at the end of the open tail, while it is shown in pieces. */
  private rows: OpenTable | OpenCode | OpenList | undefined;
  private readonly pieceChars: number;
  private readonly tableRows: number;
  private readonly codeLines: number;
  private readonly listItems: number;

  /** `markdown` holds the task's link allow-list: a new list means a new stream. */
  constructor(
    private readonly markdown: SafeMarkdown,
    options: MarkdownStreamOptions = {},
  ) {
    this.pieceChars = options.pieceChars ?? PIECE_CHARS;
    this.tableRows = Math.max(1, options.tableRows ?? TABLE_ROWS);
    this.codeLines = Math.max(2, options.codeLines ?? CODE_LINES);
    this.listItems = Math.max(2, options.listItems ?? LIST_ITEMS);
  }

  /** Whether the text ends in a long block shown in pieces: its final update renders that block whole. */
  get inPieces(): boolean {
    return this.pieces !== undefined || this.rows !== undefined;
  }

  /**
   * The text grew by `appended` (empty: the same text, now complete when `final`). What it costs depends on what is
   * appended and on the open tail, not on the length of the text. `final`: the text is complete (the task ended), so
   * nothing is left in pieces.
   */
  append(appended: string, final = false): StreamPatch {
    this.whole = undefined;
    return this.advance(appended, final, false);
  }

  /** The text was replaced by `text`, rather than extended: everything is rendered again. */
  replace(text: string, final = false): StreamPatch {
    this.clear();
    return this.advance(text, final, true);
  }

  /**
   * The whole text so far, for a caller that holds only that: an extension of the last one is appended, anything else
   * replaces it. Telling which reads the whole text, so a view that follows a stream appends instead.
   */
  update(text: string, final = false): StreamPatch {
    const before = this.whole;
    const patch =
      before !== undefined && text.startsWith(before)
        ? this.advance(text.slice(before.length), final, false)
        : this.replace(text, final);
    this.whole = text;
    return patch;
  }

  private advance(appended: string, final: boolean, reset: boolean): StreamPatch {
    if (!reset && appended === '' && !(final && this.inPieces)) return { reset, changed: [], added: [], open: null };
    const text = this.text;
    text.append(appended);
    if (!final && this.pieces?.extendsLastLine(text, appended)) {
      const paragraph = { start: false, lead: null, ...this.pieces.grow(text, this.definitions(), false) };
      return { reset, changed: [], added: [], open: { paragraph } };
    }
    if (!final && this.rows) {
      const rows = this.rows.growAlone(text);
      if (rows)
        return { reset, changed: [], added: [], open: rowsPatch(this.rows.kind, false, null, { head: null, ...rows }) };
    }

    const tail = text.slice(this.finishedLength);
    // Marked reads \r\n and \r as \n; the cut is found in that text and mapped back.
    const source = tail.includes('\r') ? tail.replace(/\r\n?/g, '\n') : tail;
    const tokens = this.markdown.lex(source, this.finishedDefinitions);
    const finishedCount = finishedTokenCount(tokens, source);

    const added: RenderedBlock[] = [];
    const finishedLabels: string[] = [];
    let cut = 0;
    for (const token of tokens.slice(0, finishedCount)) {
      cut += token.raw.length;
      if (token.type === 'space') continue;
      const key = this.nextKey++;
      added.push({ key, html: this.markdown.render([token]) });
      this.keep({ key, raw: token.raw });
      for (const [label, definition] of Object.entries(definitionsIn([token]))) {
        if (Object.hasOwn(this.finishedDefinitions, label)) continue;
        this.finishedDefinitions[label] = definition;
        finishedLabels.push(label);
      }
    }
    this.finishedLength += source === tail ? cut : rawLength(tail, cut);
    text.dropBefore(this.finishedLength);

    const labels = this.changedDefinitions(tokens.links, finishedLabels);
    const changed = this.renderAgainFor(labels, new Set(added.map((block) => block.key)));
    // Pieces need the paragraph's place in the text: known when the tokens' raw text adds up to it.
    const placed = source === tail && tokens.reduce((length, token) => length + token.raw.length, 0) === tail.length;
    return { reset, changed, added, open: this.renderOpen(tokens.slice(finishedCount), placed, final) };
  }

  /** The open tail: whole, or ending in a long paragraph, table, code block or list shown in pieces. */
  private renderOpen(tokens: Token[], placed: boolean, final: boolean): OpenPatch | null {
    const rows = !final && placed ? this.longRowsAtEnd(tokens) : null;
    if (rows) return this.renderOpenRows(tokens.slice(0, rows.at), rows.token, rows.kind);
    this.rows = undefined;
    const last = tokens.at(-1);
    const long = !final && placed && last?.type === 'paragraph' && last.raw.length > this.pieceChars;
    // A paragraph opening with "[" may still turn out to be a reference definition.
    if (!long || last.raw.startsWith('[')) {
      const wasInPieces = this.inPieces;
      this.pieces = undefined;
      const html = this.markdown.render(tokens);
      const open = wasInPieces || html !== this.openHtml ? { html } : null;
      this.openHtml = html;
      return open;
    }
    const lead = tokens.slice(0, -1);
    const leadHtml = this.markdown.render(lead);
    const start = this.text.length - last.raw.length;
    const same = this.pieces?.start === start;
    if (!same) this.pieces = new OpenParagraph(this.markdown, start, this.pieceChars);
    const paragraph = this.pieces!.grow(this.text, this.definitions(), true);
    const leadChanged = !same || leadHtml !== this.openHtml;
    this.openHtml = leadHtml;
    return { paragraph: { ...paragraph, start: !same, lead: leadChanged ? leadHtml : null } };
  }

  /**
   * The long table, fenced code block or list that ends the open tail, if any, and its index: a list's raw text
   * leaves out the white space after it, which follows as a token of its own.
   */
  private longRowsAtEnd(tokens: Token[]): { token: Token; kind: RowsKind; at: number } | null {
    const at = tokens.at(-1)?.type === 'space' ? tokens.length - 2 : tokens.length - 1;
    const token = tokens[at];
    if (at === tokens.length - 2) {
      return token?.type === 'list' && (token as Tokens.List).items.length > this.listItems
        ? { token, kind: 'list', at }
        : null;
    }
    if (token?.type === 'table' && (token as Tokens.Table).rows.length > this.tableRows)
      return { token, kind: 'table', at };
    if (token?.type === 'code' && OpenCode.long(token as Tokens.Code, this.codeLines))
      return { token, kind: 'code', at };
    if (token?.type === 'list' && (token as Tokens.List).items.length > this.listItems)
      return { token, kind: 'list', at };
    return null;
  }

  /** The open tail ends in a long table, code block or list: the blocks before it are rendered whole, it in pieces. */
  private renderOpenRows(lead: Token[], token: Token, kind: RowsKind): OpenPatch {
    this.pieces = undefined;
    const leadHtml = this.markdown.render(lead);
    const start = this.finishedLength + lead.reduce((length, block) => length + block.raw.length, 0);
    const definitions = this.definitions();
    // Kept rows were rendered with the definitions in force then (and a list's items as loose or tight as it was):
    // when those change, the block starts again.
    const same = this.rows?.kind === kind && this.rows.start === start && this.rows.same(definitions, token);
    if (!same) this.rows = this.newRows(kind, start, token, definitions);
    const rows = this.rows!.grow(token, this.text);
    const leadChanged = !same || leadHtml !== this.openHtml;
    this.openHtml = leadHtml;
    return rowsPatch(kind, !same, leadChanged ? leadHtml : null, rows);
  }

  private newRows(kind: RowsKind, start: number, token: Token, definitions: Links): OpenTable | OpenCode | OpenList {
    if (kind === 'table') return new OpenTable(this.markdown, start, token.raw, definitions, this.tableRows);
    if (kind === 'code') return new OpenCode(this.markdown, start, token.raw, this.codeLines);
    return new OpenList(this.markdown, start, token as Tokens.List, definitions, this.listItems);
  }

  /** The reference definitions in force: finished blocks' first, then the open tail's. */
  private definitions(): Links {
    return { ...this.openDefinitions, ...this.finishedDefinitions };
  }

  private clear(): void {
    this.pieces = undefined;
    this.rows = undefined;
    this.text = new TextTail();
    this.whole = undefined;
    this.finishedLength = 0;
    this.finished.clear();
    this.blocksByLabel.clear();
    this.finishedDefinitions = {};
    this.openDefinitions = {};
    this.openHtml = '';
  }

  /** Keeps a finished block's source only if a definition arriving later could change it. */
  private keep(block: FinishedBlock): void {
    if (!block.raw.includes('[')) return;
    this.finished.set(block.key, block);
    for (const label of referenceLabels(block.raw)) {
      const keys = this.blocksByLabel.get(label);
      if (keys) keys.push(block.key);
      else this.blocksByLabel.set(label, [block.key]);
    }
  }

  /**
   * Labels whose definition in force changed since the last update because of the open tail: one it defines
   * appeared, changed or went away (a definition that became part of a finished block is the same definition).
   */
  private changedDefinitions(links: Links, finishedLabels: string[]): string[] {
    const finished = this.finishedDefinitions;
    const now: Links = {};
    for (const [label, definition] of Object.entries(links)) {
      if (!Object.hasOwn(finished, label)) now[label] = definition;
    }
    const before = this.openDefinitions;
    this.openDefinitions = now;
    const labels = new Set([...Object.keys(before), ...Object.keys(now), ...finishedLabels]);
    return [...labels].filter((label) => !sameDefinition(before[label], finished[label] ?? now[label]));
  }

  private renderAgainFor(labels: string[], justAdded: Set<number>): RenderedBlock[] {
    if (labels.length === 0) return [];
    const keys = new Set(labels.flatMap((label) => this.blocksByLabel.get(label) ?? []));
    const definitions = { ...this.finishedDefinitions, ...this.openDefinitions };
    return [...keys]
      .filter((key) => !justAdded.has(key))
      .sort((a, b) => a - b)
      .map((key) => {
        const { raw } = this.finished.get(key)!;
        return { key, html: this.markdown.render(this.markdown.lex(raw, definitions)) };
      });
  }
}

function rowsPatch(kind: RowsKind, start: boolean, lead: string | null, rows: RowsUpdate): OpenPatch {
  const patch = { start, lead, ...rows };
  if (kind === 'table') return { table: patch };
  return kind === 'code' ? { code: patch } : { list: patch };
}

/** The length in `raw` of its first `length` characters once \r\n and \r are read as \n. */
function rawLength(raw: string, length: number): number {
  let read = 0;
  let at = 0;
  while (read < length && at < raw.length) {
    at += raw[at] === '\r' && raw[at + 1] === '\n' ? 2 : 1;
    read++;
  }
  return at;
}

/**
 * A long paragraph at the end of the text, shown in pieces. Its text runs from `start` to the end of the text; the
 * first `kept` characters of it are rendered and shown already.
 */
class OpenParagraph {
  private kept = 0;
  /** Where the paragraph's last line begins in the whole text, and whether that line has a letter yet. */
  private lastLineStart = 0;
  private lastLineHasLetter = false;

  constructor(
    private readonly markdown: SafeMarkdown,
    readonly start: number,
    private readonly pieceChars: number,
  ) {}

  /**
   * True when `added` goes on the paragraph's last line and that line cannot become another kind of block (a setext
   * underline, a rule, a table's delimiter row, a list item or HTML that interrupts the paragraph): the blocks are as
   * they were, and only the paragraph's text grew.
   */
  extendsLastLine(text: TextTail, added: string): boolean {
    if (added.includes('\n') || added.includes('\r')) return false;
    this.lastLineHasLetter ||= LETTER.test(added);
    return this.lastLineHasLetter && text.length - this.lastLineStart >= SETTLED_LINE_CHARS;
  }

  /** Renders what is new: pieces to keep once the unkept text is long, and the last piece again. */
  grow(text: TextTail, definitions: Links, lexed: boolean): { append: string[]; tail: string } {
    if (lexed) {
      // The blocks were read again from the text: note the paragraph's last line afresh.
      this.lastLineStart = Math.max(this.start, text.lastIndexOf('\n') + 1);
      this.lastLineHasLetter = LETTER.test(text.slice(this.lastLineStart));
    }
    // A paragraph's text is its source without the line break that ends it; inline, a trailing break is white space.
    const unkept = text.slice(this.start + this.kept);
    const append: string[] = [];
    let tailTokens = this.markdown.lexInline(unkept, definitions);
    if (unkept.length > this.pieceChars) {
      let limit = unkept.length - PIECE_SLACK_CHARS;
      // A piece kept with a backtick, a star or a bracket nothing closed yet would show it as written even after a
      // later one pairs with it (a code span, emphasis, a link): the piece ends before it.
      if (unkept.length <= this.pieceChars * UNPAIRED_WINDOW_PIECES) limit = Math.min(limit, firstUnpaired(tailTokens));
      const cut = pieceEnd(tailTokens, limit);
      if (cut > 0) {
        append.push(this.markdown.renderInline(this.markdown.lexInline(unkept.slice(0, cut), definitions)));
        this.kept += cut;
        tailTokens = this.markdown.lexInline(unkept.slice(cut), definitions);
      }
    }
    return { append, tail: this.markdown.renderInline(tailTokens) };
  }
}

/**
 * A long table or list at the end of the text, shown in pieces: its parts (a table's rows, a list's items) are read
 * and rendered each on its own. It begins at `start` in the text; its first `kept` parts are rendered and shown
 * already, and its unkept parts begin at `keptEnd`. The parts rendered apart are the same HTML as the block whole.
 */
abstract class OpenParts<B extends Tokens.Table | Tokens.List, P> {
  private kept = 0;
  protected keptEnd: number;
  private readonly definitionsKey: string;
  /** Finished parts are kept this many at a time. */
  private readonly keepParts: number;

  constructor(
    protected readonly markdown: SafeMarkdown,
    readonly start: number,
    keptEnd: number,
    protected readonly definitions: Links,
    threshold: number,
  ) {
    this.keptEnd = keptEnd;
    this.definitionsKey = JSON.stringify(definitions);
    this.keepParts = Math.max(1, Math.floor(threshold / 3));
  }

  protected abstract partsOf(block: B): P[];
  protected abstract withParts(block: B, parts: P[]): B;
  /** How many of the block's parts (read from `source`) are finished, and the length of their source. */
  protected abstract finished(block: B, source: string): { count: number; length: number };

  /** Kept parts were rendered with the definitions in force then: when those change, the block starts again. */
  same(definitions: Links, _token: Token): boolean {
    return JSON.stringify(definitions) === this.definitionsKey;
  }

  /** The first update in pieces, or one after the whole text was read again: `token` is the whole block. */
  grow(token: Token, text: TextTail): RowsUpdate {
    const block = token as B;
    const unkept = this.withParts(block, this.partsOf(block).slice(this.kept));
    if (this.kept > 0) return { head: null, ...this.partsFrom(unkept, text.slice(this.keptEnd)) };
    const { append, tail } = this.partsFrom(unkept, text.slice(this.keptEnd), 1);
    // What the first update keeps is the block the others add parts to.
    return { head: append[0] ?? this.render(block, []), append: [], tail };
  }

  /**
   * Renders the unkept parts of `block` (whose source is `source`): the finished ones once there are at least `keepAt`
   * of them, to keep, and the others anew.
   */
  protected partsFrom(block: B, source: string, keepAt = this.keepParts): { append: string[]; tail: string } {
    const parts = this.partsOf(block);
    const { count, length } = this.finished(block, source);
    if (count < keepAt) return { append: [], tail: this.render(block, parts) };
    this.kept += count;
    this.keptEnd += length;
    return { append: [this.render(block, parts.slice(0, count))], tail: this.render(block, parts.slice(count)) };
  }

  private render(block: B, parts: P[]): string {
    return this.markdown.render([this.withParts(block, parts)]);
  }
}

/** A long table: rows are read line by line, after the table's header and delimiter lines. */
class OpenTable extends OpenParts<Tokens.Table, Tokens.TableCell[]> {
  readonly kind = 'table';
  /** The table's header and delimiter lines: with the unkept rows after them, they read as the rest of the table. */
  private readonly headLines: string;

  constructor(markdown: SafeMarkdown, start: number, raw: string, definitions: Links, tableRows: number) {
    const delimiterEnd = raw.indexOf('\n', raw.indexOf('\n') + 1) + 1;
    super(markdown, start, start + delimiterEnd, definitions, tableRows);
    this.headLines = raw.slice(0, delimiterEnd);
  }

  /**
   * The update when only the table grew: its unkept rows read after its header and delimiter lines are a table and
   * nothing else. Undefined when more follows (the table ended), so that the whole text is read again. The definitions
   * in force are those of the last time it was: only the table grew since.
   */
  growAlone(text: TextTail): { append: string[]; tail: string } | undefined {
    const rows = text.slice(this.keptEnd);
    if (rows.includes('\r')) return undefined;
    const source = this.headLines + rows;
    const tokens = this.markdown.lex(source, this.definitions);
    const table = tokens[0];
    if (tokens.length !== 1 || table?.type !== 'table' || table.raw.length !== source.length) return undefined;
    return this.partsFrom(table as Tokens.Table, rows);
  }

  protected partsOf(table: Tokens.Table): Tokens.TableCell[][] {
    return table.rows;
  }

  protected withParts(table: Tokens.Table, rows: Tokens.TableCell[][]): Tokens.Table {
    return { ...table, rows };
  }

  /** A row is finished once its line is; the last row stays unkept (a finished table is rendered whole anyway). */
  protected finished(table: Tokens.Table, rows: string): { count: number; length: number } {
    let count = 0;
    let length = 0;
    for (let lineEnd = rows.indexOf('\n'); lineEnd >= 0 && count < table.rows.length - 1;) {
      count++;
      length = lineEnd + 1;
      lineEnd = rows.indexOf('\n', length);
    }
    return { count, length };
  }
}

/**
 * A long fenced code block at the end of the text, shown in pieces. It begins at `start` in the text; its first lines
 * are shown already, and its unkept lines begin at `keptEnd`. Its content is plain text: lines are read one by one
 * (less the fence's indentation), and the text shown is the content with one line break at its end.
 */
class OpenCode {
  readonly kind = 'code';
  private keptEnd: number;
  private keptAny = false;
  /** The fence's opening line: with the unkept lines after it, it reads as the rest of the block. */
  private readonly fenceLine: string;
  /** Finished lines are kept this many at a time. */
  private readonly keepLines: number;

  constructor(
    private readonly markdown: SafeMarkdown,
    readonly start: number,
    raw: string,
    codeLines: number,
  ) {
    this.fenceLine = raw.slice(0, raw.indexOf('\n') + 1);
    this.keptEnd = start + this.fenceLine.length;
    this.keepLines = Math.max(1, Math.floor(codeLines / 3));
  }

  /** Code is text: no definition changes it. */
  same(): boolean {
    return true;
  }

  /** Whether `code` is a fenced block long enough for pieces. */
  static long(code: Tokens.Code, codeLines: number): boolean {
    if (code.codeBlockStyle === 'indented') return false;
    let lines = 0;
    for (let at = code.raw.indexOf('\n'); at >= 0 && lines <= codeLines; at = code.raw.indexOf('\n', at + 1)) lines++;
    return lines > codeLines;
  }

  /**
   * The update when only the code block grew: its unkept lines read after its opening line are one code block and
   * nothing else (a closing fence may end it: its lines are as shown). Undefined when more follows, so that the whole
   * text is read again.
   */
  growAlone(text: TextTail): { append: string[]; tail: string } | undefined {
    const lines = text.slice(this.keptEnd);
    if (lines.includes('\r')) return undefined;
    const source = this.fenceLine + lines;
    const tokens = this.markdown.lex(source);
    const code = tokens[0];
    if (tokens.length !== 1 || code?.type !== 'code' || code.raw.length !== source.length) return undefined;
    return this.linesFrom((code as Tokens.Code).text, lines);
  }

  /** The first update in pieces, or one after the whole text was read again: `code` is the whole block. */
  grow(token: Token, text: TextTail): RowsUpdate {
    const code = token as Tokens.Code;
    if (this.keptAny) {
      const unkept = text.slice(this.keptEnd);
      const rest = this.markdown.lex(this.fenceLine + unkept)[0];
      return { head: null, ...this.linesFrom(rest?.type === 'code' ? (rest as Tokens.Code).text : unkept, unkept) };
    }
    // The block's HTML with no text: its code element holds the lines, as text.
    const head = this.markdown.render([{ ...code, text: '' }]);
    return { head, ...this.linesFrom(code.text, text.slice(this.keptEnd), 1) };
  }

  /**
   * Splits the unkept content `content` (read from the source `lines`) into finished lines to keep, once there are at
   * least `keepAt` of them, and the rest. Every line but the last two is finished: a last line that ends in a line
   * break is shown without it until more follows, as a one-shot render shows it.
   */
  private linesFrom(content: string, lines: string, keepAt = this.keepLines): { append: string[]; tail: string } {
    const append: string[] = [];
    const parts = content.split('\n');
    const keep = parts.length - 2;
    let rest = content;
    if (keep >= keepAt) {
      let textEnd = 0;
      let sourceEnd = 0;
      for (let line = 0; line < keep; line++) {
        textEnd = content.indexOf('\n', textEnd) + 1;
        sourceEnd = lines.indexOf('\n', sourceEnd) + 1;
      }
      append.push(content.slice(0, textEnd));
      rest = content.slice(textEnd);
      this.keptEnd += sourceEnd;
      this.keptAny = true;
    }
    // The text shown is the content with one line break at its end (none when empty): kept lines end in one.
    const tail = rest === '' ? '' : `${rest.replace(/\n$/, '')}\n`;
    return { append, tail };
  }
}

/**
 * A long list: items are read one after another, each on its own, but for one thing they share: a list is loose (its
 * items' text in paragraphs) when a blank line separates two of them. The unkept items of a loose list are read after
 * a first item and a blank line that make them loose too.
 */
class OpenList extends OpenParts<Tokens.List, Tokens.ListItem> {
  readonly kind = 'list';
  private readonly loose: boolean;
  /** An item and a blank line that make the list after them loose; its item is not shown. */
  private readonly looseItem: string;

  constructor(markdown: SafeMarkdown, start: number, list: Tokens.List, definitions: Links, listItems: number) {
    super(markdown, start, start, definitions, listItems);
    this.loose = list.loose;
    const marker = /^ {0,3}(\d{1,9}([.)])|[*+-])/.exec(list.raw);
    this.looseItem = `${marker?.[2] ? `1${marker[2]}` : (marker?.[1] ?? '-')} x\n\n`;
  }

  /** A list that turned loose starts again too: its kept items were rendered tight. */
  override same(definitions: Links, token: Token): boolean {
    return (token as Tokens.List).loose === this.loose && super.same(definitions, token);
  }

  /**
   * The update when only the list grew: its unkept items read on their own are one list, as loose or tight as it was,
   * and nothing else. Undefined otherwise (the list ended, or became loose), so that the whole text is read again.
   */
  growAlone(text: TextTail): { append: string[]; tail: string } | undefined {
    const items = text.slice(this.keptEnd);
    if (items.includes('\r')) return undefined;
    const lead = this.loose ? this.looseItem : '';
    const tokens = this.markdown.lex(lead + items, this.definitions);
    const list = tokens[0] as Tokens.List | undefined;
    if (list?.type !== 'list' || list.loose !== this.loose) return undefined;
    if (tokens.length > 2 || (tokens.length === 2 && tokens[1]!.type !== 'space')) return undefined;
    if (this.loose && list.items[0]?.raw !== lead) return undefined;
    return this.partsFrom({ ...list, items: this.loose ? list.items.slice(1) : list.items }, items);
  }

  protected partsOf(list: Tokens.List): Tokens.ListItem[] {
    return list.items;
  }

  protected withParts(list: Tokens.List, items: Tokens.ListItem[]): Tokens.List {
    return { ...list, items };
  }

  /**
   * Every item but the last two is finished: the last may go on, and a line after it may still change the one before
   * (a setext underline under its text). Items are kept by their place in the text: their raw text must be the text,
   * one after another; when it is not, none is finished.
   */
  protected finished(list: Tokens.List, items: string): { count: number; length: number } {
    const count = Math.max(0, list.items.length - 2);
    let length = 0;
    for (const item of list.items.slice(0, count)) {
      if (!items.startsWith(item.raw, length)) return { count: 0, length: 0 };
      length += item.raw.length;
    }
    return { count, length };
  }
}

const LETTER = /\p{L}/u;
/**
 * A character in plain text that a later one could pair with: a code span's backtick, emphasis or strikethrough, a
 * link's bracket, an autolink's or HTML's angle bracket. An underscore inside a word never opens emphasis.
 */
const UNPAIRED = /[`*~[<]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/u;

/**
 * Where the first unpaired delimiter is in the text the tokens hold: in plain text, the delimiter itself; inside a
 * token with content (emphasis, a link), where that token begins. Infinity when there is none.
 */
function firstUnpaired(tokens: readonly Token[]): number {
  let offset = 0;
  for (const token of tokens) {
    if (token.type === 'text' && !hasContent(token)) {
      const at = token.raw.search(UNPAIRED);
      if (at >= 0) return offset + at;
    } else if (holdsUnpaired(token)) {
      return offset;
    }
    offset += token.raw.length;
  }
  return Infinity;
}

function holdsUnpaired(token: Token): boolean {
  if (hasContent(token)) return token.tokens.some(holdsUnpaired);
  return token.type === 'text' && UNPAIRED.test(token.raw);
}

function hasContent(token: Token): token is Token & { tokens: Token[] } {
  return 'tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0;
}

/**
 * Where a kept piece of a paragraph may end, at or before `limit`: after a whole inline token (a link, emphasis, a
 * code span), or at a space inside plain text; 0 when there is no such place.
 */
function pieceEnd(tokens: readonly Token[], limit: number): number {
  let offset = 0;
  let best = 0;
  for (const token of tokens) {
    const end = offset + token.raw.length;
    if (end <= limit) {
      best = end;
    } else {
      if (token.type === 'text') {
        const space = token.raw.lastIndexOf(' ', limit - offset - 1);
        if (space > 0) best = offset + space + 1;
      }
      break;
    }
    offset = end;
  }
  return best;
}
