/** Finds where quoted history and signatures start in a mail body, its text, or a reply box. Pure: never edits the DOM. */

/**
 * Lines and blocks that open the quoted history: everything from the first one on is history.
 * Public sources: Proton's messageBlockquote.ts list, Gmail/Outlook mail HTML found in public repos.
 */
const HISTORY_HEADERS = [
  // Gmail: the "On … wrote:" attribution above the quote (received mail and the reply box)
  '.gmail_attr',
  // Outlook: the From/Sent/To header of the quoted message ("x_" prefixed once received), and the empty marker before it
  '[id$="divRplyFwdMsg"]',
  '[id$="appendonsend"]',
  // new Outlook wraps the whole quoted message in one container
  '[id$="mail-editor-reference-message-container"]',
  // Thunderbird's attribution line, and the separator some clients put before the quote
  '.moz-cite-prefix',
  'hr[id="replySplit"]',
].join(',');

/**
 * Blocks that hold quoted history. Only the last one that no other follows counts (Proton's rule), so earlier
 * blocks between inline answers stay.
 */
const CLIENT_QUOTE_BLOCKS = [
  // Gmail: the quote itself; the container also wraps the user's note when forwarding, so it is left out
  '.gmail_quote:not(.gmail_quote_container)',
  'div.gmail_extra',
  // Proton Mail (the outer div and the blockquote inside it)
  '.protonmail_quote',
  // Yahoo, and Apple Mail / Thunderbird citations
  '.yahoo_quoted',
  'blockquote[type="cite"]',
].join(',');

/** A plain blockquote may be content (a quoted passage), so it counts only when nothing but a signature follows it. */
const ANY_BLOCKQUOTE = 'blockquote';

/** Signatures the clients mark: left out of what is read, and kept below the draft when inserting. */
const SIGNATURES = [
  // Gmail: the signature block and its "-- " prefix
  '.gmail_signature',
  '[data-smartmail="gmail_signature"]',
  '.gmail_signature_prefix',
  // Proton Mail: the user's signature and "Sent with Proton Mail"
  '.protonmail_signature_block',
  // Outlook on the web (compose, and "x_" once received) and Outlook mobile
  '#Signature',
  '#x_Signature',
  '[id$="ms-outlook-mobile-signature"]',
  // Thunderbird
  '.moz-signature',
].join(',');

/**
 * A forwarded message is content, not history: it is not elsewhere in the conversation, and "FYI, see below" needs it.
 * Gmail and others say so in the header line; Outlook's header only shows it in the subject prefix.
 */
const FORWARD_MARKER =
  /-{2,}\s*(Forwarded message|Weitergeleitete Nachricht|Message transféré|Mensaje reenviado|Messaggio inoltrato|Doorgestuurd bericht)\s*-{2,}|Begin forwarded message:/i;
const FORWARDED_SUBJECT = /(Subject|Betreff|Objet|Asunto|Oggetto|Onderwerp)\s?:\*?\s*(Fwd?|WG|TR|RV|I)\s*:/i;

/** Header lines under a forward marker: From, Date, Subject, To, Cc. */
const FORWARD_HEADER_LINES = 5;

function isForwardHeader(element: Element): boolean {
  const text = (element as HTMLElement).innerText ?? element.textContent ?? '';
  return FORWARD_MARKER.test(text) || FORWARDED_SUBJECT.test(text);
}

/** A quote block whose own header line announces a forward. */
function isForwardBlock(block: Element): boolean {
  const header = block.querySelector(HISTORY_HEADERS);
  return header !== null && isForwardHeader(header);
}

const DOCUMENT_POSITION_FOLLOWING = 4;

function follows(reference: Node, node: Node): boolean {
  return (reference.compareDocumentPosition(node) & DOCUMENT_POSITION_FOLLOWING) !== 0 && !reference.contains(node);
}

/** Whether `node` is `start`, inside it, or after it in document order (ancestors of `start` are not). */
export function isAtOrAfter(node: Node, start: Node): boolean {
  return start.contains(node) || follows(start, node);
}

function hasText(element: Element): boolean {
  return /\S/.test(element.textContent ?? '');
}

/** Non-whitespace text after `block` inside `root`, ignoring signatures. */
function hasTextAfter(root: Element, block: Element): boolean {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!follows(block, node) || !/\S/.test(node.textContent ?? '')) continue;
    if (node.parentElement?.closest(SIGNATURES)) continue;
    return true;
  }
  return false;
}

/** The last quote block that no other quote block follows: the history, as opposed to quotes between inline answers. */
function trailingQuoteBlock(root: Element): Element | null {
  const blocks = Array.from(root.querySelectorAll(`${CLIENT_QUOTE_BLOCKS},${ANY_BLOCKQUOTE}`)).filter(
    (block) => hasText(block) && !isForwardBlock(block),
  );
  const last = blocks.find((block) => !blocks.some((other) => follows(block, other)));
  if (!last) return null;
  if (!last.matches(CLIENT_QUOTE_BLOCKS) && hasTextAfter(root, last)) return null;
  return last;
}

function earliest(nodes: Array<Element | null | undefined>): Element | null {
  let first: Element | null = null;
  for (const node of nodes) {
    if (node && (!first || node.contains(first) || follows(node, first))) first = node;
  }
  return first;
}

/** Where the quoted history begins inside `root`: everything from this element on is history. Null when none. */
export function quotedHistoryStart(root: Element): Element | null {
  const header = Array.from(root.querySelectorAll(HISTORY_HEADERS)).find((candidate) => !isForwardHeader(candidate));
  return earliest([header, trailingQuoteBlock(root)]);
}

/** The marked signatures inside `root` (outermost only). */
export function signatureElements(root: Element): Element[] {
  return Array.from(root.querySelectorAll(SIGNATURES)).filter((el) => !el.parentElement?.closest(SIGNATURES));
}

/** The first element that is no longer the writer's own words: the quoted history or the signature, whichever comes first. */
export function replyBoundary(root: Element): Element | null {
  return earliest([quotedHistoryStart(root), signatureElements(root)[0]]);
}

/** Attribution lines ("On … wrote:") in the languages the clients localise them to. */
const ATTRIBUTIONS = [
  /^On\b.{1,300}\bwrote:$/i,
  /^Am\b.{1,300}\bschrieb\b.{0,200}:$/,
  /^Le\b.{1,300}\ba écrit\s?:$/i,
  /^El\b.{1,300}\bescribió:$/i,
  /^Il giorno\b.{1,300}\bha scritto:$/i,
  /^Op\b.{1,300}\bschreef\b.{0,200}:$/i,
];
const ORIGINAL_MESSAGE =
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original)\s*-{2,}$/i;
/** Outlook's plain-text quote header: a From line followed closely by Sent/Date/To/Subject. */
const HEADER_FROM = /^\*?(From|Von|De|Van|Da|Från|Fra)\s?:\*?\s*\S/;
const HEADER_FOLLOWING =
  /^\*?(Sent|Date|Gesendet|Datum|Envoyé|Enviado|Inviato|Verzonden|To|An|À|Para|Subject|Betreff|Objet|Asunto)\s?:/i;
const UNDERSCORE_RULE = /^_{10,}$/;
/** The RFC 3676 signature delimiter ("-- "), after trimming. */
const SIGNATURE_DELIMITER = /^--$/;

function isAttribution(lines: string[], index: number): boolean {
  // Clients wrap long attributions, so up to three lines are joined before matching.
  let joined = '';
  for (let i = index; i < Math.min(lines.length, index + 3); i += 1) {
    joined = joined ? `${joined} ${lines[i]}` : lines[i]!;
    if (ATTRIBUTIONS.some((pattern) => pattern.test(joined))) return true;
  }
  return false;
}

function isQuoteHeader(lines: string[], index: number): boolean {
  const line = lines[index]!;
  const from = UNDERSCORE_RULE.test(line) ? index + 1 : index;
  if (!HEADER_FROM.test(lines[from] ?? '')) return false;
  const following = lines.slice(from + 1, from + 5);
  // A forwarded message's header ("Subject: Fw: …") opens content to keep, not history.
  if (FORWARDED_SUBJECT.test(following.join('\n'))) return false;
  return following.some((next) => HEADER_FOLLOWING.test(next));
}

function opensHistory(lines: string[], index: number): boolean {
  const line = lines[index]!;
  return (
    SIGNATURE_DELIMITER.test(line) ||
    ORIGINAL_MESSAGE.test(line) ||
    isAttribution(lines, index) ||
    isQuoteHeader(lines, index)
  );
}

/** Index of the first line of a trailing run of "> " quoted lines (blank lines allowed), or lines.length. */
function trailingCitationStart(lines: string[]): number {
  let start = lines.length;
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    if (lines[i] === '') continue;
    if (!lines[i]!.startsWith('>')) break;
    start = i;
  }
  return start;
}

/** Character index in `text` where quoted history or a delimited signature starts; text.length when there is none. */
export function quotedTextStart(text: string): number {
  const rawLines = text.split('\n');
  const lines = rawLines.map((line) => line.trim());
  let cutLine = trailingCitationStart(lines);
  for (let i = 0; i < cutLine; i += 1) {
    // A forward's own header (From, Date, Subject, To, Cc) introduces content to keep.
    if (FORWARD_MARKER.test(lines[i]!)) {
      i += FORWARD_HEADER_LINES;
      continue;
    }
    if (opensHistory(lines, i)) {
      cutLine = i;
      break;
    }
  }
  let offset = 0;
  for (let i = 0; i < cutLine; i += 1) offset += rawLines[i]!.length + 1;
  return Math.min(offset, text.length);
}

/** The text without the quoted history and signature its lines mark, trailing whitespace removed. */
export function trimQuotedText(text: string): string {
  return text.slice(0, quotedTextStart(text)).replace(/\s+$/, '');
}
