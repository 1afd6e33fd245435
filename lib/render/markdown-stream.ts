/**
 * Renders a growing Markdown text block by block, to the same safe HTML as `renderMarkdownSafely` of the whole text:
 * finished top-level blocks are rendered once and kept; each update parses and sanitises only the open tail. A block
 * is rendered again only when a reference definition it may use appears, changes or goes away.
 */
import type { Links } from 'marked';
import type { SafeMarkdown } from './markdown';
import { definitionsIn, finishedTokenCount, referenceLabels, sameDefinition } from './markdown-blocks';

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
  /** The open tail after them; null when it is as before. */
  open: string | null;
}

interface FinishedBlock {
  key: number;
  raw: string;
}

export class MarkdownStream {
  private text = '';
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

  /** `markdown` holds the task's link allow-list: a new list means a new stream. */
  constructor(private readonly markdown: SafeMarkdown) {}

  update(text: string): StreamPatch {
    const reset = !text.startsWith(this.text);
    if (reset) this.clear();
    else if (text === this.text) return { reset, changed: [], added: [], open: null };
    this.text = text;

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

    const labels = this.changedDefinitions(tokens.links, finishedLabels);
    const changed = this.renderAgainFor(labels, new Set(added.map((block) => block.key)));
    const openHtml = this.markdown.render(tokens.slice(finishedCount));
    const open = reset || openHtml !== this.openHtml ? openHtml : null;
    this.openHtml = openHtml;
    return { reset, changed, added, open };
  }

  private clear(): void {
    this.text = '';
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
