/** A tokenizer-free token estimate, deliberately on the high side so budgets are not overrun. */

/**
 * Heuristic: ~4 characters per token for Latin script (incl. digits, punctuation, whitespace),
 * ~2 per token for other alphabets (Cyrillic, Greek, Arabic, Hebrew, Indic, Thai...), whose BPE merges are rarer,
 * and 1 token per character for CJK ideographs, kana and Hangul, which BPE tokenizers seldom merge.
 * Real tokenizers (Llama 3, Qwen 2.5, Phi 3) land at or under these rates for ordinary prose.
 */
const LATIN_CHARS_PER_TOKEN = 4;
const OTHER_SCRIPT_CHARS_PER_TOKEN = 2;

export function estimateTokens(text: string): number {
  let latin = 0;
  let other = 0;
  let dense = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x0250 || (code >= 0x2000 && code < 0x2070) || (code >= 0x1e00 && code < 0x1f00)) latin++;
    else if (isDenseScript(code)) dense++;
    else if (code >= 0xdc00 && code < 0xe000)
      continue; // low surrogate: counted with its high half
    else other++;
  }
  return Math.ceil(latin / LATIN_CHARS_PER_TOKEN + other / OTHER_SCRIPT_CHARS_PER_TOKEN + dense);
}

function isDenseScript(code: number): boolean {
  return (
    (code >= 0x3040 && code < 0x3100) || // hiragana, katakana
    (code >= 0x3400 && code < 0xa000) || // CJK ideographs (ext. A and unified)
    (code >= 0xac00 && code < 0xd7b0) || // Hangul syllables
    (code >= 0xf900 && code < 0xfb00) || // CJK compatibility ideographs
    (code >= 0xff00 && code < 0xfff0) || // full-width forms
    (code >= 0x3000 && code < 0x3040) || // CJK punctuation
    (code >= 0xd800 && code < 0xdc00) // high surrogate: emoji and rare ideographs, one token each at least
  );
}
