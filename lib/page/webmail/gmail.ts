/**
 * Gmail's conversation view: reads the open thread, finds the inline reply box, clicks Reply.
 *
 * Confirmed from public sources (InboxSDK's gmail-thread-view / gmail-message-view, gmail.js, extensions and tests that
 * quote Gmail's DOM): message states .h7 (expanded) / .kv (collapsed) / .kQ .kx (hidden) on role="listitem" elements,
 * div.adn, span.gD[email][name] inside h3.iw / td.gF, span.g3[title] dates, div.ii.gt > div.a3s bodies, .iA.g6 snippets
 * of collapsed messages, h2.hP (.ha h2) subject, the span.ams.bkH "Reply" link and div.aaq[data-tooltip="Reply"]
 * button, the reply container .ip that gets .adB when open, div.Am.Al.editable[aria-label="Message Body"]
 * [g_editable] bodies, a[aria-label^="Google Account:"], [gh=tl|cm|mtb].
 * Best guesses: that the first .iA.g6 copy is the one shown, and that boxes outside [role=main] are pop-out composes
 * of other drafts, which are left alone.
 */
import { isClientDocument } from './client-match';
import { nameFromAccountLabel } from './address-text';
import { allShown, firstMatch, firstShown, isShown, labelText, languageOf, shownOrFirst } from './dom-lookup';
import { readMessageText, readPreviewText } from './message-text';
import { isEnabled, pressButton } from './press-button';
import { mailMessage, threadRead } from './thread-read';
import type { MailMessage, ThreadRead, WebmailAdapter } from './types';

/** Gmail's app shell and conversation view; several together mean Gmail (see client-match). */
const MARKERS = [
  '[gh="tl"]',
  '[gh="cm"]',
  '[gh="mtb"]',
  'h2.hP',
  '[data-legacy-thread-id]',
  '[data-legacy-message-id]',
  'div.adn',
  'span.gD[email]',
  'a[aria-label^="Google Account:"]',
];

/** One message each, in conversation order: expanded, collapsed, and hidden ("n older messages"). */
const MESSAGE_ITEMS = ['[role="listitem"].h7, [role="listitem"].kv, [role="listitem"].kQ, [role="listitem"].kx'];
/** Older layouts without the list item: the expanded message containers only. */
const MESSAGE_ITEMS_FALLBACK = ['div.adn', '[data-legacy-message-id]'];
const HIDDEN_ITEM = '.kQ, .kx';

/** The subject heading of the open thread. */
const SUBJECT = ['h2.hP', '.ha h2', 'h2[data-legacy-thread-id]', 'h2[data-thread-perm-id]'];
/** The sender: a span carrying the address and display name as attributes. */
const SENDER = ['span.gD[email]', 'h3.iw span[email]', 'td.gF span[email]', 'span[email][name]'];
/** The date, full form in the title attribute. */
const DATE = ['span.g3[title]', 'span.g3', '.gK span[title]'];
/** The rendered body of an expanded message. */
const BODY = ['div.a3s', 'div.ii.gt'];
/** A collapsed message's one-line preview. */
const SNIPPET = ['.iA.g6', '.g6', 'span.y2'];
/** The signed-in account button, labelled "Google Account: Name (address)". */
const ACCOUNT = ['a[aria-label^="Google Account:"]', '[aria-label^="Google Account:"]'];

/** The inline reply's editable body. */
const REPLY_BOXES = [
  '.ip.adB div[contenteditable="true"][role="textbox"]',
  'div.Am.Al.editable[contenteditable="true"]',
  'div[contenteditable="true"][aria-label="Message Body"]',
  'div[contenteditable="true"][g_editable="true"]',
];
/** The "Reply" link under the last message (language-independent classes). */
const REPLY_LINK = ['span.ams.bkH'];
/** The reply arrow in a message header; its label is localised, so "Reply" is only the English fallback. */
const REPLY_BUTTONS = [
  'div.aaq[role="button"]',
  '[role="button"][data-tooltip="Reply"]',
  '[role="button"][aria-label="Reply"]',
];

/** Gmail keeps views it navigated away from hidden in the page: only the shown conversation's list counts. */
function openConversation(items: Element[]): Element[] {
  const lists = [...new Set(items.map((item) => item.closest('[role="list"]')))];
  const shown = lists.filter((list) => list && isShown(list));
  const list = shown[shown.length - 1] ?? lists[lists.length - 1];
  return items.filter((item) => item.closest('[role="list"]') === list);
}

function messageItems(doc: Document): Element[] {
  const items = Array.from(doc.querySelectorAll(MESSAGE_ITEMS.join(',')));
  if (items.length > 0) return openConversation(items);
  return Array.from(doc.querySelectorAll(MESSAGE_ITEMS_FALLBACK.join(','))).filter(
    (el, _index, all) => !all.some((other) => other !== el && other.contains(el)),
  );
}

function readMessage(item: Element): MailMessage {
  const sender = firstMatch(item, SENDER);
  const from = sender?.getAttribute('name') || labelText(sender) || sender?.getAttribute('email') || '';
  const dateElement = firstMatch(item, DATE);
  const date = dateElement?.getAttribute('title') || labelText(dateElement);
  // A message that was expanded and collapsed again may keep its body hidden in the DOM: only a shown one counts.
  const body = firstShown(item, BODY);
  const text = body
    ? readMessageText(firstMatch(body, ['div.a3s']) ?? body)
    : readPreviewText(firstMatch(item, SNIPPET));
  return mailMessage(from, text, sender?.getAttribute('email') ?? undefined, date);
}

function subjectOf(doc: Document): string {
  const heading = shownOrFirst(doc, SUBJECT);
  if (heading) return labelText(heading);
  // The tab title reads "Subject - account@example.com - Gmail".
  return doc.title.replace(/\s+-\s+[^-]*@[^-]*-\s+Gmail\s*$/i, '').trim();
}

function readThread(doc: Document): ThreadRead {
  const items = messageItems(doc);
  const shown = items.filter((item) => !item.matches(HIDDEN_ITEM));
  const lastBody = shown.length > 0 ? firstMatch(shown[shown.length - 1]!, BODY) : null;
  return threadRead({
    client: 'gmail',
    subject: subjectOf(doc),
    messages: shown.map(readMessage),
    userName: nameFromAccountLabel(firstMatch(doc, ACCOUNT)?.getAttribute('aria-label'), /^Google Account:/i),
    lang: languageOf(doc, lastBody),
    hiddenMessages: items.length - shown.length,
  });
}

function findReplyBox(doc: Document): HTMLElement | null {
  const boxes = allShown(doc, REPLY_BOXES).filter((box) => box.closest('[role="main"]'));
  // The reply under the newest message is the one being written; Gmail allows one per message.
  return (boxes[boxes.length - 1] as HTMLElement | undefined) ?? null;
}

function openReply(doc: Document): boolean {
  const links = allShown(doc, REPLY_LINK).filter(isEnabled);
  const expanded = Array.from(doc.querySelectorAll('[role="listitem"].h7, div.adn')).filter(
    (item) => !item.querySelector('.h7, div.adn'),
  );
  const newest = expanded[expanded.length - 1];
  const button =
    links[links.length - 1] ??
    (newest ? allShown(newest, REPLY_BUTTONS).find(isEnabled) : undefined) ??
    allShown(doc, REPLY_BUTTONS).filter(isEnabled).pop();
  return pressButton(button);
}

export const gmailAdapter: WebmailAdapter = {
  client: 'gmail',
  matches: (doc) => isClientDocument(doc, 'gmail', MARKERS),
  readThread,
  findReplyBox,
  openReply,
};
