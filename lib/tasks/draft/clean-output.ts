/** Cleans a drafted reply: drops the preamble, subject line, offers after the sign-off, code fences, quotes and fence markers. */

import {
  INTERJECTION,
  INTERJECTION_ONLY,
  unwrapCodeFence,
  unwrapQuotes,
  withoutMarkdownMarks,
} from '../common/model-output';
import { stripEchoedFenceMarkers } from '../common/untrusted';

/** An optional opening exclamation, then the words that introduce the result; "here is my …" is the user's own text. */
const INTRO = new RegExp(
  String.raw`^(?:${INTERJECTION}\b[^.!:\n]{0,60}[.!,]\s*)?` +
    String.raw`(?:here(?:'s|’s| is| are)(?!\s+(?:my|our)\b)|below is|this is|the following is|as requested|` +
    String.raw`i(?:'ve|’ve| have) (?:drafted|written|prepared|composed|put together)|hier (?:ist|sind|kommt)|voici|aquí (?:está|tienes)|ecco)\b`,
  'i',
);

/** Words that show an intro is about the drafted email. */
const ABOUT_DRAFT =
  /(?:\b(?:draft|reply|response|email|e-mail|mail|message|answer)\b|entwurf|antwort|nachricht|réponse|brouillon|respuesta|borrador|risposta|bozza)/i;

/** A bare label line: "Draft:", "Suggested reply:", "**Email body:**", "Antwortentwurf:". */
const LABEL_LINE =
  /^(?:(?:your|the|a|my)\s+)?(?:(?:suggested|possible|proposed|drafted|draft|email|e-mail|reply|formal|friendly|casual|short|polite)\s+)*(?:draft|reply|response|email|e-mail|answer|body|message|entwurf|antwort|antwortentwurf|réponse|brouillon|respuesta|borrador)(?:\s+(?:draft|email|e-mail|body|text))?\s*:$/i;

/** Labels that may precede the text on the same line ("Draft: Hi Anna, …"). */
const INLINE_LABEL =
  /^(?:(?:suggested|drafted|email|e-mail)\s+)?(?:draft|reply draft|draft reply|entwurf|antwortentwurf|brouillon|borrador)\s*:$/i;

const SUBJECT_LINE = /^(?:subject|subj|betreff|objet|asunto|oggetto|onderwerp|assunto)\s*:/i;
/** A reply-prefixed subject line ("Re: Lunch on Friday"); a full sentence after "Re:" is left alone. */
const REPLY_PREFIX_LINE = /^(?:re|aw|antw|sv|rif|fw|fwd|wg)\s*:\s*\S[^\n]{0,118}$/i;

/** A whole line that closes an email: "Best,", "Kind regards", "Thanks, Tom", "Viele Grüße" (not "Thanks for the update"). */
const SIGN_OFF_LINE = new RegExp(
  String.raw`^(?:(?:best|kind|warm|warmest|many|with)\s+(?:regards|wishes|thanks)|regards|best|cheers|thanks|thank you|many thanks|sincerely|` +
    String.raw`yours(?: truly| sincerely| faithfully)?|talk soon|speak soon|take care|all the best|(?:viele|beste|liebe|herzliche|freundliche) grüße|` +
    String.raw`mit (?:freundlichen|besten|herzlichen) grüßen|lg|vg|gruß|grüße|cordialement|bien à vous|amitiés|bisous|saludos(?: cordiales)?|` +
    String.raw`un saludo|atentamente|cordiali saluti|saluti|distinti saluti|met vriendelijke groet(?:en)?|groeten)` +
    String.raw`(?:[,.!]*|,\s*\p{Lu}[\p{L} .'-]{0,30})$`,
  'iu',
);

/** How remarks after the sign-off start; only trusted there, since an email body may say "Let me know…" too. */
const CLOSING =
  /^(?:let me know|i hope|hope this|feel free|if you(?:'d|’d| would)?\s+(?:like|want|need|prefer)|is there anything|would you like|do you want|shall i|please note|note\b|i(?:'ve|’ve| have) (?:made|kept|written|drafted|included|tried|used|assumed|left|added)|this (?:draft|reply|response|email|e-mail|version)|you (?:can|may|might|could|should) |remember to|make sure to|don't forget|replace |lass mich wissen|ich hoffe|du kannst|sie können|hinweis)/i;

/** How an offer about the draft starts, wherever it stands. */
const OFFER_START =
  /^(?:let me know|feel free|you (?:can|may|might|could|should)|i hope|hope|if you|would you like|do you want|shall i|should i|please|just|remember|don't forget|lass mich|sag mir|du kannst|sie können|ich hoffe|falls|wenn du|bei bedarf|n'hésitez|no dudes)/i;

/** What makes an offer about the draft itself rather than about the email's subject matter. */
const DRAFT_OBJECT = new RegExp(
  [
    String.raw`\b(?:this|the above|above) (?:draft|template|reply|response|email|e-mail|version)\b(?! finds)`,
    String.raw`\b(?:any|further|other|more|additional) (?:changes|adjustments|edits|modifications|tweaks|revisions)(?:\s*[.!?]|\s*$|\s+(?:to|in) (?:it|this|the (?:draft|reply|response|email|wording|tone)))`,
    String.raw`\b(?:adjust|modify|tweak|tailor|customi[sz]e|edit|personali[sz]e|change|revise|rewrite)\s+(?:it|this|the (?:draft|tone|wording|length|details))\b`,
    String.raw`\bme to (?:adjust|change|modify|tweak|make it|rewrite|revise|shorten|expand|lengthen)\b`,
    String.raw`\b(?:tone|placeholders?)\b`,
    String.raw`(?:entwurf|anpass|änderungen|platzhalter|brouillon|borrador)`,
  ].join('|'),
  'i',
);

const SEPARATOR_LINE = /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/;

/** The words of a line without markdown emphasis, heading marks or an opening parenthesis. */
function bare(line: string): string {
  return withoutMarkdownMarks(line)
    .replace(/^\(\s*/, '')
    .trim();
}

function isIntroLine(line: string): boolean {
  const text = bare(line);
  if (!text || text.length > 160 || !text.endsWith(':')) return false;
  return LABEL_LINE.test(text) || (INTRO.test(text) && ABOUT_DRAFT.test(text));
}

function isSubjectLine(line: string): boolean {
  const text = bare(line);
  return SUBJECT_LINE.test(text) || (REPLY_PREFIX_LINE.test(text) && !/[.,;:]$/.test(text));
}

function firstContentIndex(lines: readonly string[], from: number): number {
  let index = from;
  while (index < lines.length && !lines[index]?.trim()) index++;
  return index;
}

/** Removes preamble, label, subject and separator lines before the greeting; never the last line of text. */
function stripLeading(text: string): string {
  const lines = text.split('\n');
  let start = firstContentIndex(lines, 0);
  for (let pass = 0; pass < 6; pass++) {
    const line = lines[start] ?? '';
    const next = firstContentIndex(lines, start + 1);
    if (next >= lines.length) break;
    const removable =
      isIntroLine(line) ||
      isSubjectLine(line) ||
      SEPARATOR_LINE.test(line) ||
      (INTERJECTION_ONLY.test(bare(line)) && isIntroLine(lines[next] ?? ''));
    if (!removable) break;
    start = next;
  }
  const result = lines.slice(start).join('\n');
  return stripInlineIntro(result);
}

/** "Here is a draft reply: Hi Anna, …" on one line: keeps what follows the intro. */
function stripInlineIntro(text: string): string {
  const match = text.match(/^([^:\n]{0,160}?:)[ \t]+(?=\S)/);
  const intro = bare(match?.[1] ?? '');
  if (!match || !intro) return text;
  const isIntro = (INTRO.test(intro) && ABOUT_DRAFT.test(intro)) || INLINE_LABEL.test(intro);
  return isIntro ? text.slice(match[0].length) : text;
}

function isDraftRemark(line: string): boolean {
  const text = bare(line);
  return OFFER_START.test(text) && DRAFT_OBJECT.test(text);
}

/** Whether a sign-off stands among the last few lines before `end`, so what follows is outside the email. */
function followsSignOff(lines: readonly string[], end: number): boolean {
  let seen = 0;
  for (let index = end - 1; index >= 0 && seen < 3; index--) {
    const text = bare(lines[index] ?? '');
    if (!text) continue;
    seen++;
    if (text.length <= 40 && SIGN_OFF_LINE.test(text)) return true;
  }
  return false;
}

function isRemarkAt(lines: readonly string[], index: number): boolean {
  const line = lines[index] ?? '';
  return isDraftRemark(line) || (followsSignOff(lines, index) && CLOSING.test(bare(line)));
}

/** Drops remarks after the email: offers about the draft anywhere at the end, and any note after the sign-off. */
function stripTrailing(text: string): string {
  const lines = text.split('\n');
  for (;;) {
    while (
      lines.length > 0 &&
      (!lines[lines.length - 1]?.trim() || SEPARATOR_LINE.test(lines[lines.length - 1] ?? ''))
    ) {
      lines.pop();
    }
    let start = lines.length - 1;
    while (start > 0 && lines[start - 1]?.trim()) start--;
    if (start > 0 && isRemarkAt(lines, start)) {
      lines.splice(start);
      continue;
    }
    if (lines.length > 1 && isRemarkAt(lines, lines.length - 1)) {
      lines.pop();
      continue;
    }
    return lines.join('\n');
  }
}

/** A closing name line: a few words, no sentence punctuation. */
const NAME_LINE = /^[\p{L}][\p{L}\p{M}.'’ -]{0,38}$/u;

function nameWords(line: string): string[] {
  return line.toLowerCase().match(/[\p{L}\p{M}'’-]+/gu) ?? [];
}

/**
 * One sign-off, one name: "Best,\nJonas\n\nBest,\nJonas" and "Best,\nJonas\nJonas Weber" (small models repeat the
 * closing, or sign with both forms of the name) end once, with the fuller name kept.
 */
function withoutDoubledSignOff(text: string): string {
  const lines = text.split('\n');
  const content = lines.map((line, index) => ({ line: bare(line), index })).filter(({ line }) => line !== '');
  const [a, b, c, d] = content.slice(-4);
  // Sign-off, name, the same sign-off, the same name.
  if (a && b && c && d && SIGN_OFF_LINE.test(a.line) && a.line === c.line && b.line === d.line) {
    return lines.slice(0, c.index).join('\n').trimEnd();
  }
  // Sign-off, a short name, then a fuller form of it.
  if (b && c && d && SIGN_OFF_LINE.test(b.line) && NAME_LINE.test(c.line) && NAME_LINE.test(d.line)) {
    const fuller = nameWords(d.line);
    if (nameWords(c.line).every((word) => fuller.includes(word))) {
      return [...lines.slice(0, c.index), ...lines.slice(d.index)].join('\n');
    }
  }
  return text;
}

/** The reply body without what the model wrapped around it; the email's own lines and line breaks are kept. */
export function cleanDraftOutput(raw: string): string {
  let text = raw.replace(/\r\n?/g, '\n').trim();
  for (let pass = 0; pass < 4; pass++) {
    const before = text;
    text = stripEchoedFenceMarkers(text).trim();
    text = unwrapCodeFence(text).trim();
    text = unwrapQuotes(text);
    text = stripLeading(text).trim();
    text = stripTrailing(text).trim();
    text = withoutDoubledSignOff(text);
    if (text === before) break;
  }
  return text;
}
