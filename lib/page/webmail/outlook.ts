/**
 * Outlook on the web (outlook.office.com, outlook.live.com, …): reads the conversation in the reading pane, finds the
 * inline reply's body, clicks Reply.
 *
 * Confirmed from public sources (Mailvelope's Outlook fixtures, userscripts, Playwright/Selenium scripts and extensions
 * reading OWA): [data-app-section="ConversationContainer"|"MailReadCompose"], #ReadingPaneContainerId,
 * #ConversationReadingPaneContainer, message items as [aria-expanded] wrappers around div[aria-label="Email message"],
 * [data-testid="SentReceivedSavedTime"] dates, [aria-label^="From:"] senders, div[id^="UniqueMessageBody"] bodies in
 * [role="document"], subjects [role="heading"][id$="_SUBJECT"], button[aria-label="Reply"] in the message toolbar,
 * compose bodies div[contenteditable][aria-label^="Message body"] (", press Alt+F10 to exit"), #divRplyFwdMsg /
 * #appendonsend / #Signature (x_ prefixed once received), #mectrl_currentAccount_primary and "Account manager for …".
 * Best guesses: the collapsed item's preview (read as the item's text minus its header), detecting
 * "newest on top" from the dates or from which item is expanded, and the [id$="_FROM"] sender fallback.
 */
import { isClientDocument } from './client-match';
import { displayNameIn, emailAddressIn, nameFromAccountLabel } from './address-text';
import { allShown, firstMatch, firstShown, labelText, languageOf, shownOrFirst } from './dom-lookup';
import { readMessageText, readPreviewText } from './message-text';
import { isEnabled, pressButton } from './press-button';
import { mailMessage, threadRead } from './thread-read';
import type { MailMessage, ThreadRead, WebmailAdapter } from './types';

/** OWA's reading pane, message list and account control; several together mean Outlook. */
const MARKERS = [
  '[data-app-section="ConversationContainer"]',
  '[data-app-section="MailReadCompose"]',
  '#ReadingPaneContainerId',
  '#ConversationReadingPaneContainer',
  '[id^="UniqueMessageBody"]',
  '[data-testid="SentReceivedSavedTime"]',
  '#MailList',
  '[data-convid]',
  '[aria-label="Email message"]',
  '#O365_MainLink_Me',
];

/** The open conversation, narrowest first. */
const CONVERSATION = [
  '[data-app-section="ConversationContainer"]',
  '#ConversationReadingPaneContainer',
  '#ReadingPaneContainerId',
  '[data-app-section="MailReadCompose"]',
];
/** Parts every message item has, expanded or collapsed. */
const ITEM_PARTS = '[data-testid="SentReceivedSavedTime"], [id^="UniqueMessageBody"]';
const SUBJECT = [
  '[role="heading"][id$="_SUBJECT"]',
  '[id^="CONV_"][id$="_SUBJECT"]',
  '[data-app-section="ConversationContainer"] [role="heading"]',
  '[role="main"] [role="heading"][aria-level="2"]',
];
/** The sender line; its aria-label reads "From: Name". */
const SENDER = ['[aria-label^="From:"]', '[id$="_FROM"]', 'span[title*="@"]'];
const DATE = ['[data-testid="SentReceivedSavedTime"]', 'time'];
/** The rendered body of an expanded message (never the compose box, which shares the label). */
const BODY = [
  '[id^="UniqueMessageBody"]',
  '[role="document"] [aria-label="Message body"]:not([contenteditable])',
  '[role="document"]',
];
/** Parts of a collapsed item that are not its preview text. */
const ITEM_HEADER = [
  '[aria-label^="From:"]',
  '[id$="_FROM"]',
  '[data-testid="SentReceivedSavedTime"]',
  '[role="toolbar"]',
  'button',
];
const ACCOUNT_NAME = ['#mectrl_currentAccount_primary'];
const ACCOUNT_BUTTON = ['button[aria-label^="Account manager for "]', '#O365_MainLink_Me[aria-label]'];

/** The reply body in the reading pane; the To/Cc fields are contenteditable textboxes too, so the label decides. */
const REPLY_BOXES = [
  'div[contenteditable="true"][aria-label^="Message body"]',
  'div[contenteditable="true"][role="textbox"][aria-multiline="true"]:not([aria-label="To"]):not([aria-label="Cc"]):not([aria-label="Bcc"])',
];
const REPLY_BUTTONS = ['button[aria-label="Reply"]', 'button[title="Reply"]', '[role="menuitem"][aria-label="Reply"]'];
/** Outlook's Fluent reply arrow: the same in every UI language, unlike the button's label. */
const REPLY_ICON = ['i[data-icon-name="ArrowReplyRegular"]', 'i[data-icon-name="ArrowReply"]'];

function conversationOf(doc: Document): Element | null {
  return shownOrFirst(doc, CONVERSATION);
}

function replyButtonIn(scope: Document | Element): Element | undefined {
  const labelled = allShown(scope, REPLY_BUTTONS).find(isEnabled);
  if (labelled) return labelled;
  return allShown(scope, REPLY_ICON)
    .map((icon) => icon.closest('button, [role="button"], [role="menuitem"]'))
    .find((button): button is Element => button !== null && isEnabled(button));
}

/** Innermost [aria-expanded] wrappers holding a date or body: one per message, in DOM order. */
function messageItems(doc: Document): Element[] {
  const conversation = conversationOf(doc);
  if (!conversation) return [];
  const wrappers = Array.from(conversation.querySelectorAll('[aria-expanded]')).filter((el) =>
    el.querySelector(ITEM_PARTS),
  );
  const items = wrappers.filter((el) => !wrappers.some((other) => other !== el && el.contains(other)));
  if (items.length > 0) return items;
  return Array.from(conversation.querySelectorAll('[aria-label="Email message"]'));
}

function senderOf(item: Element): { from: string; fromAddress?: string } {
  const sender = firstMatch(item, SENDER);
  if (!sender) return { from: '' };
  const label = (sender.getAttribute('aria-label') ?? '').replace(/^From:\s*/i, '');
  const shown = labelText(sender);
  const titled = [sender, ...Array.from(sender.querySelectorAll('[title*="@"]'))].map((el) => el.getAttribute('title'));
  const fromAddress = [...titled, shown, label].map(emailAddressIn).find(Boolean);
  return { from: displayNameIn(label || shown), fromAddress };
}

function dateOf(item: Element): string {
  const dateElement = firstMatch(item, DATE);
  return (dateElement?.getAttribute('title') || labelText(dateElement)).trim();
}

function readMessage(item: Element): MailMessage {
  const { from, fromAddress } = senderOf(item);
  const body = firstShown(item, BODY);
  const header = ITEM_HEADER.flatMap((selector) => Array.from(item.querySelectorAll(selector)));
  const text = body ? readMessageText(body) : readPreviewText(item, header);
  return mailMessage(from, text, fromAddress, dateOf(item));
}

/** OWA can list the newest message first; the dates say so when they parse, else the expanded (newest) item's place. */
function isNewestFirst(items: Element[]): boolean {
  if (items.length < 2) return false;
  const times = items.map((item) => Date.parse(dateOf(item)));
  if (times.every((time) => !Number.isNaN(time))) {
    const descending = times.every((time, i) => i === 0 || time <= times[i - 1]!);
    return descending && times[0]! > times[times.length - 1]!;
  }
  const expanded = items.map((item) => item.getAttribute('aria-expanded') === 'true');
  return expanded[0] === true && expanded[expanded.length - 1] === false;
}

/** The message items oldest first, whichever way round OWA lists them. */
function orderedItems(doc: Document): Element[] {
  const items = messageItems(doc);
  return isNewestFirst(items) ? items.reverse() : items;
}

function userNameOf(doc: Document): string | undefined {
  const name = labelText(firstMatch(doc, ACCOUNT_NAME));
  if (name) return name;
  return nameFromAccountLabel(firstMatch(doc, ACCOUNT_BUTTON)?.getAttribute('aria-label'), /^Account manager for\s*/i);
}

function readThread(doc: Document): ThreadRead {
  const items = orderedItems(doc);
  const newest = items[items.length - 1];
  return threadRead({
    client: 'outlook',
    subject:
      labelText(firstMatch(doc, SUBJECT)) || doc.title.replace(/^Mail\s*-\s*/i, '').replace(/\s*-\s*Outlook\s*$/i, ''),
    messages: items.map(readMessage),
    userName: userNameOf(doc),
    lang: languageOf(doc, newest ? firstMatch(newest, BODY) : null),
    unmatched: items.length === 0 && !conversationOf(doc) ? 'conversation' : undefined,
  });
}

function findReplyBox(doc: Document): HTMLElement | null {
  const boxes = allShown(doc, REPLY_BOXES);
  const inPane = boxes.filter((box) => box.closest(CONVERSATION.join(',')));
  return ((inPane[0] ?? boxes[0]) as HTMLElement | undefined) ?? null;
}

function openReply(doc: Document): boolean {
  const newest = orderedItems(doc).at(-1);
  const pane = conversationOf(doc) ?? doc;
  const button = (newest ? replyButtonIn(newest) : undefined) ?? replyButtonIn(pane) ?? replyButtonIn(doc);
  return pressButton(button);
}

export const outlookAdapter: WebmailAdapter = {
  client: 'outlook',
  matches: (doc) => isClientDocument(doc, 'outlook', MARKERS),
  readThread,
  findReplyBox,
  openReply,
};
