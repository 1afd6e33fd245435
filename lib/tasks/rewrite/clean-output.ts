/** Cleans a rewrite: drops the chatty preamble, closing remarks, code fences, quotes and fence markers the model added. */

import { bare, INTERJECTION, INTERJECTION_ONLY, unwrapCodeFence, unwrapQuotes } from '../common/model-output';
import { stripEchoedFenceMarkers } from '../common/untrusted';

/** An optional opening sentence ("Sure, I can help with that.") followed by the words that introduce the result. */
const INTRO = new RegExp(
  String.raw`^(?:${INTERJECTION}\b[^.!:\n]{0,60}[.!,]\s*)?` +
    String.raw`(?:here(?:'s|’s| is| are)|below is|below you(?:'ll|’ll) find|this is|the following is|as requested|` +
    String.raw`i(?:'ve|’ve| have) (?:rewritten|revised|corrected|proofread|edited|made|shortened|simplified)|hier (?:ist|sind)|voici|aquí (?:está|tienes))\b`,
  'i',
);

/** Words that show an intro is about the rewrite, not the user's own "Here is my plan:". */
const ABOUT_REWRITE =
  /(rewrit|revis|correct|proofread|edit|improv|polish|version|formal|friendl|casual|shorter|longer|simpl|concise|condens|expand|\btext\b|draft|paraphras|überarbeit|korrigiert|fassung|\btexte\b|versión)/i;

/** A bare label line: "Rewritten text:", "**Formal version:**". */
const LABEL_LINE =
  /^(?:the\s+)?(?:rewritten|revised|corrected|proofread|edited|improved|polished|formal|more formal|friendly|friendlier|shorter|longer|simpler|simplified|new|updated)\s+(?:text|version|draft)\s*:$/i;

/** First lines of remarks after the text: offers, hopes, notes about what was changed. */
const CLOSING =
  /^(?:let me know|i hope|hope this|feel free|if you(?:'d|’d| would)? (?:like|want|need|prefer)|is there anything|would you like|do you want|shall i|please note|note:|i(?:'ve|’ve| have) (?:made|kept|changed|corrected|adjusted|tried|maintained)|this version|the (?:rewritten|revised|corrected) (?:text|version)|changes made|explanation|lass mich wissen|ich hoffe)/i;

function normalized(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function isPreambleLine(line: string): boolean {
  const text = bare(line);
  if (!text || text.length > 160) return false;
  if (INTERJECTION_ONLY.test(text)) return true;
  if (!text.endsWith(':')) return false;
  return LABEL_LINE.test(text) || (INTRO.test(text) && ABOUT_REWRITE.test(text));
}

/** Drops up to two preamble lines, or an intro on the text's own first line ("Here is the text: Dear …"). */
function stripPreamble(text: string, original: string): string {
  const originalFirstLine = normalized(original.trimStart().split('\n')[0] ?? '');
  const originalHasIntro = isPreambleLine(originalFirstLine);
  let result = text;
  for (let pass = 0; pass < 2; pass++) {
    const [first = '', ...rest] = result.split('\n');
    if (originalHasIntro || normalized(first) === originalFirstLine) return result;
    if (isPreambleLine(first) && rest.some((line) => line.trim())) {
      result = rest.join('\n').trimStart();
      continue;
    }
    const inline = first.match(/^([^:\n]{0,160}?:)\s+(?=\S)/);
    if (
      inline?.[1] &&
      INTRO.test(bare(inline[1])) &&
      ABOUT_REWRITE.test(inline[1]) &&
      !normalized(original).startsWith(normalized(inline[1]))
    ) {
      result = result.slice(inline[0].length);
    }
    return result;
  }
  return result;
}

/** Drops trailing remarks (a paragraph or a last line starting like "Let me know…") that the original did not have. */
function stripClosingRemarks(text: string, original: string): string {
  // An original with its own "let me know…" line gets one back in the rewrite, reworded.
  if (original.split('\n').some((line) => CLOSING.test(bare(line)))) return text;
  const lines = text.split('\n');
  const originalNormalized = normalized(original);
  for (;;) {
    while (lines.length > 0 && !lines[lines.length - 1]?.trim()) lines.pop();
    let start = lines.length - 1;
    while (start > 0 && lines[start - 1]?.trim()) start--;
    const paragraph = lines.slice(start);
    const first = bare(paragraph[0] ?? '');
    if (start === 0 || !CLOSING.test(first) || originalNormalized.includes(normalized(paragraph.join(' ')))) {
      const last = bare(lines[lines.length - 1] ?? '');
      if (lines.length > 1 && CLOSING.test(last) && !originalNormalized.includes(normalized(last))) {
        lines.pop();
        continue;
      }
      break;
    }
    lines.splice(start);
  }
  // A separator left between the text and the removed remarks.
  while (lines.length > 1 && /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(lines[lines.length - 1] ?? '')) lines.pop();
  return lines.join('\n').trimEnd();
}

/**
 * The rewritten text without what the model wrapped around it. Line breaks inside are kept, and the
 * original's leading and trailing whitespace is put back so a replaced selection keeps its spacing.
 */
export function cleanRewriteOutput(raw: string, original: string): string {
  const originalText = original.replace(/\r\n?/g, '\n');
  let text = raw.replace(/\r\n?/g, '\n').trim();
  for (let pass = 0; pass < 3; pass++) {
    const before = text;
    text = stripPreamble(text, originalText).trim();
    text = stripClosingRemarks(text, originalText).trim();
    text = unwrapCodeFence(text, originalText).trim();
    text = unwrapQuotes(text, { original: originalText, singleQuotes: true });
    text = stripEchoedFenceMarkers(text).trim();
    if (text === before) break;
  }
  const leading = originalText.match(/^\s*/)?.[0] ?? '';
  const trailing = originalText.trim() ? (originalText.match(/\s*$/)?.[0] ?? '') : '';
  const result = `${leading}${text}${trailing}`;
  return original.includes('\r\n') ? result.replace(/\n/g, '\r\n') : result;
}
