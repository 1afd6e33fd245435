/**
 * An element's names (its id, its class attribute) matched against lists of words, with sets instead of regular
 * expressions. V8 compiles a regular expression the first time it runs, and again into machine code the second time;
 * for a long case-insensitive alternation that is 1 to 3 ms, in every tab, and every page read starts in a tab that
 * has run none of them: the name lists cost more in a first read than all of their matching. A set costs nothing to
 * set up. What a name matched is kept, since a page gives many elements the same class attribute.
 */

export interface NameWords {
  /** Names (a class attribute's tokens, an id) that are one of these, in any case. */
  tokens?: readonly string[];
  /** Tokens that are one of these or begin with one and `-` or `_` (`ad`: `ad`, `ad-slot`, `ad_unit`, not `adv`). */
  heads?: readonly string[];
  /**
   * Words of a name (split at spaces, `_` and `-`) that spell one of these, one word or several in a row, with or
   * without the hyphens between them (`most-read`: `rail--most-read`, `mostread`, `c-mostread_list`).
   */
  parts?: readonly string[];
}

/** What an element's names are tested with: a NameMatcher, or a regular expression where the list is short. */
export interface NamePattern {
  test(name: string): boolean;
  /** The same for an id, where it differs: what an element's own id matched is not worth keeping. */
  testId?(id: string): boolean;
}

/** Past this many different names, what was found is forgotten (a page that generates a class per element). */
const MAX_KEPT_NAMES = 10_000;

/** A name cut up as the lists match it: its tokens (between spaces), and each token's words (between `_` and `-`). */
interface NameWordsOf {
  tokens: readonly string[];
  /** Per token, per part between `_`: the words between `-` (`rail--most-read_x`: `rail`, ``, `most`, `read`; `x`). */
  runs: ReadonlyArray<readonly string[]>;
}

/** Names already cut up, shared by every list: each is cut once, without a regular expression. */
const cutNames = new Map<string, NameWordsOf>();

/**
 * What `find` says of `name`, kept in `kept` for the next element with the same name (many share a class attribute);
 * past MAX_KEPT_NAMES names, what was kept is forgotten.
 */
export function keptAnswer<T>(kept: Map<string, T>, name: string, find: (name: string) => T): T {
  let found = kept.get(name);
  if (found === undefined) {
    if (kept.size >= MAX_KEPT_NAMES) kept.clear();
    found = find(name);
    kept.set(name, found);
  }
  return found;
}

function cut(name: string): NameWordsOf {
  return keptAnswer(cutNames, name, cutOnce);
}

function cutOnce(name: string): NameWordsOf {
  const tokens = tokensOf(name.toLowerCase());
  const runs: string[][] = [];
  for (const token of tokens) for (const run of token.split('_')) if (run) runs.push(run.split('-'));
  return { tokens, runs };
}

/** A class attribute's tokens: what lies between spaces, tabs and line breaks. */
function tokensOf(name: string): string[] {
  const tokens: string[] = [];
  let start = 0;
  for (let i = 0; i <= name.length; i++) {
    const code = i < name.length ? name.charCodeAt(i) : 32;
    if (code === 32 || (code >= 9 && code <= 13)) {
      if (i > start) tokens.push(name.slice(start, i));
      start = i + 1;
    }
  }
  return tokens;
}

export class NameMatcher implements NamePattern {
  private readonly tokens: ReadonlySet<string>;
  private readonly heads: ReadonlySet<string>;
  private readonly parts: ReadonlySet<string>;
  /** The most words a part spans. */
  private readonly maxWords: number;
  private readonly matched = new Map<string, boolean>();
  private readonly matchesName = (name: string) => this.matches(cut(name));

  constructor({ tokens = [], heads = [], parts = [] }: NameWords) {
    this.tokens = new Set(tokens);
    this.heads = new Set(heads);
    this.parts = new Set(parts.map((part) => part.replaceAll('-', '')));
    this.maxWords = Math.max(0, ...parts.map((part) => part.split('-').length));
  }

  /** Whether `name` (a class attribute, as written; many elements share one) matches. */
  test(name: string): boolean {
    return keptAnswer(this.matched, name, this.matchesName);
  }

  /** Whether `id` matches: an id is the element's own, so what it matched is not kept. */
  testId(id: string): boolean {
    return this.matches(cutOnce(id));
  }

  private matches({ tokens, runs }: NameWordsOf): boolean {
    if (this.tokens.size + this.heads.size > 0) {
      for (const token of tokens) if (this.tokens.has(token) || this.hasHead(token)) return true;
    }
    if (this.parts.size > 0) for (const words of runs) if (this.hasPart(words)) return true;
    return false;
  }

  private hasHead(token: string): boolean {
    if (this.heads.size === 0) return false;
    for (let i = 1; i < token.length; i++) {
      const char = token[i];
      if ((char === '-' || char === '_') && this.heads.has(token.slice(0, i))) return true;
    }
    return this.heads.has(token);
  }

  private hasPart(words: readonly string[]): boolean {
    for (let start = 0; start < words.length; start++) {
      let spelled = '';
      for (let end = start; end < words.length && end - start < this.maxWords; end++) {
        spelled += words[end];
        if (this.parts.has(spelled)) return true;
      }
    }
    return false;
  }
}
