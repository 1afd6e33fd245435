/**
 * Outlook on the web (outlook.office.com, outlook.live.com, …) in every reading layout: conversation view and single
 * message, reading pane right, bottom or off, and the pop-out window. Reads the open conversation, names it by
 * Outlook's own ids, finds the reply body, clicks Reply.
 *
 * Messages are found by structure, not by one wrapper: every message (expanded or collapsed) has one date line
 * [data-testid="SentReceivedSavedTime"], an expanded one a body [id^="UniqueMessageBody"]; a message is the largest
 * element around its date that holds no other message's date. That holds in the conversation view's [aria-expanded]
 * items and in the single-message pane, which has no such wrapper.
 *
 * Sources (public): extensions and scripts reading OWA — PhishLens' outlook.js (reading pane
 * [data-app-section="MailReadCompose"], subject [role=heading][id^="CONV_"][id$="_SUBJECT"], bodies
 * [id^="UniqueMessageBody"], senders [id^="MSG_"][id$="_FROM"] with a "From:" / "De :" label), Mailvelope's Outlook
 * selectors (#ReadingPaneContainerId, [contenteditable] bodies), owa-mail-reading-pane sources quoted in public repos
 * (SentReceivedSavedTime, collapsed and expanded item parts, newest-on-top ordering), list automation scripts
 * ([role=option][data-convid] rows, aria-selected, the /mail/<folder>/id/<id> address), Fluent icon names
 * (ArrowReplyRegular), the account control (#mectrl_currentAccount_primary, #O365_MainLink_Me) and quoted-mail markers
 * (#divRplyFwdMsg, #appendonsend, #Signature, "x_"-prefixed once received).
 * Localised labels (ui-labels.ts) are the last resort for the sender, Reply and the compose body.
 * Best guesses: the collapsed item's preview (its text minus the header), "newest on top" from the dates or from
 * which item is expanded, and the pop-out's /deeplink/read/<id> and ?ItemID= addresses.
 */
import { displayNameIn, emailAddressIn, nameFromAccountLabel } from './address-text';
import { conversationIdentity, pathSegments, queryParameter, taggedId } from './conversation-identity';
import { dateOrderKeys } from './date-order';
import { allShown, firstMatch, firstShown, isShown, labelText, shownOrFirst } from './dom-lookup';
import { hasMarkedSignature, readMessageText, readPreviewText } from './message-text';
import { isEnabled, pressButton } from './press-button';
import { failedRead, mailMessage, threadRead } from './thread-read';
import {
  OUTLOOK_ACCOUNT_MANAGER,
  OUTLOOK_FROM,
  OUTLOOK_MESSAGE_BODY,
  OUTLOOK_RECIPIENT_FIELDS,
  OUTLOOK_REPLY,
  labelled,
  labelledStart,
  withoutFieldName,
} from './ui-labels';
import type { ConversationIdentity, MailMessage, ThreadRead, WebmailAdapter } from './types';

/** The open conversation or message, narrowest first; [role=main] is the pop-out window's and the full-page reader's. */
const CONVERSATION = [
  '[data-app-section="ConversationContainer"]',
  '#ConversationReadingPaneContainer',
  '#ReadingPaneContainerId',
  '[data-app-section="MailReadCompose"]',
  '[role="main"]',
];
/** Every message's date line, collapsed ones included: one per message. */
const DATE = ['[data-testid="SentReceivedSavedTime"]'];
/** The rendered body of an expanded message (never the compose box, which has a similar label). */
const BODY = [
  '[id^="UniqueMessageBody"]',
  '[role="document"] [aria-label="Message body"]:not([contenteditable])',
  '[role="document"]',
];
/** The sender line: by its id, else by its label "From: Name" in the UI language. */
const SENDER = [
  '[id^="MSG_"][id$="_FROM"]',
  '[id$="_FROM"]',
  ...OUTLOOK_FROM.flatMap((word) => labelledStart('', 'aria-label', [`${word}:`, `${word} :`, `${word}：`])),
];
/** A message's parts that are not its preview text. */
const ITEM_HEADER = [...SENDER, ...DATE, '[role="toolbar"]', '[data-testid="RecipientWell"]'];
const SUBJECT = [
  '[role="heading"][id$="_SUBJECT"]',
  '[id^="CONV_"][id$="_SUBJECT"]',
  '[data-app-section="ConversationContainer"] [role="heading"]',
  '[role="main"] [role="heading"][aria-level="2"]',
];
/** The selected row of the message list, which carries the conversation's id. */
const SELECTED_ROW = ['[role="option"][aria-selected="true"][data-convid]', '[aria-selected="true"] [data-convid]'];
const ACCOUNT_NAME = ['#mectrl_currentAccount_primary'];
const ACCOUNT_BUTTON = ['#O365_MainLink_Me[aria-label]', '#mectrl_main_trigger[aria-label]'];

/** The reply body; the To/Cc fields are editable textboxes too, so they are ruled out by label. */
const REPLY_BOXES = [
  '[id^="editorParent"] [contenteditable="true"]',
  'div[contenteditable="true"][role="textbox"][aria-multiline="true"]',
  ...labelledStart('div[contenteditable="true"]', 'aria-label', OUTLOOK_MESSAGE_BODY),
];
/** Outlook's Fluent reply arrow: the same in every UI language, unlike the button's label. */
const REPLY_ICON = ['i[data-icon-name="ArrowReplyRegular"]', 'i[data-icon-name="ArrowReply"]'];
const REPLY_BUTTONS = [
  ...labelled('button', 'aria-label', OUTLOOK_REPLY),
  ...labelled('button', 'title', OUTLOOK_REPLY),
  ...labelled('[role="menuitem"]', 'aria-label', OUTLOOK_REPLY),
];

function conversationOf(doc: Document): Element | null {
  return shownOrFirst(doc, CONVERSATION);
}

/** Anchors inside the message list's rows are not messages of the open conversation. */
function inConversation(element: Element): boolean {
  return element.closest('[role="option"], [role="listbox"]') === null;
}

/** The largest element around `anchor`, inside `pane`, that holds no other match of `selector`. */
function messageRoot(anchor: Element, pane: Element, selector: string): Element {
  let root = anchor;
  for (let parent = anchor.parentElement; parent && parent !== pane; parent = parent.parentElement) {
    if (parent.querySelectorAll(selector).length > 1) break;
    root = parent;
  }
  return root;
}

/** A draft of the user's own in the conversation: an editor and no received body. */
function isDraft(item: Element): boolean {
  return item.querySelector('[contenteditable="true"]') !== null && item.querySelector(BODY[0]!) === null;
}

/** One element per message, in the order Outlook shows them. */
function messageItems(doc: Document): Element[] {
  const pane = conversationOf(doc);
  if (!pane) return [];
  for (const anchors of [DATE, [BODY[0]!], SENDER]) {
    const selector = anchors.join(',');
    const found = Array.from(pane.querySelectorAll(selector)).filter(inConversation);
    if (found.length === 0) continue;
    const roots = found.map((anchor) => messageRoot(anchor, pane, selector));
    return roots.filter((root, index) => roots.indexOf(root) === index && !isDraft(root));
  }
  return [];
}

function senderOf(item: Element): { from: string; fromAddress?: string } {
  const sender = firstMatch(item, SENDER) ?? firstMatch(item, ['span[title*="@"]']);
  if (!sender) return { from: '' };
  // The name is shown in an element whose title is the address; the label ("From: Name") is the fallback.
  const titled = [sender, ...Array.from(sender.querySelectorAll('[title*="@"]'))];
  const named = titled.find((el) => emailAddressIn(el.getAttribute('title')) && labelText(el));
  const labelled = [sender, ...Array.from(sender.querySelectorAll('[aria-label]'))]
    .map((el) => el.getAttribute('aria-label') ?? '')
    .find(Boolean);
  const label = withoutFieldName(labelled ?? '');
  const fromAddress = [...titled.map((el) => el.getAttribute('title')), labelText(sender), label]
    .map(emailAddressIn)
    .find(Boolean);
  const from = named ? displayNameIn(labelText(named)) : displayNameIn(label || labelText(sender));
  return { from, fromAddress };
}

function dateOf(item: Element): string {
  const dateElement = firstMatch(item, [...DATE, 'time']);
  return (dateElement?.getAttribute('title') || labelText(dateElement)).trim();
}

function readMessage(item: Element): MailMessage {
  const { from, fromAddress } = senderOf(item);
  const body = firstShown(item, BODY);
  const header = ITEM_HEADER.flatMap((selector) => Array.from(item.querySelectorAll(selector)));
  const subject = Array.from(item.querySelectorAll(SUBJECT.join(',')));
  const text = body ? readMessageText(body) : readPreviewText(item, [...header, ...subject]);
  return mailMessage(from, text, fromAddress, dateOf(item));
}

/** OWA can list the newest message first; the dates say so when they read, else the expanded (newest) item's place. */
function isNewestFirst(items: Element[]): boolean {
  if (items.length < 2) return false;
  const times = dateOrderKeys(items.map(dateOf));
  if (times) {
    const descending = times.every((time, i) => i === 0 || time <= times[i - 1]!);
    return descending && times[0]! > times[times.length - 1]!;
  }
  const expanded = items.map((item) => firstMatch(item, [BODY[0]!]) !== null);
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
  return nameFromAccountLabel(firstMatch(doc, ACCOUNT_BUTTON)?.getAttribute('aria-label'), OUTLOOK_ACCOUNT_MANAGER);
}

function subjectOf(doc: Document): string {
  const heading = shownOrFirst(doc, SUBJECT);
  return heading?.querySelector('[title]')?.getAttribute('title') || labelText(heading);
}

/** The id in the address: /mail/<folder>/id/<id>, the pop-out's /deeplink/read/<id>, or ?ItemID=<id>. */
function idInAddress(doc: Document): string | undefined {
  const segments = pathSegments(doc);
  const at = segments.findIndex((segment) => segment === 'id' || segment === 'read' || segment === 'readconv');
  const fromPath = at >= 0 ? segments[at + 1] : undefined;
  return fromPath || queryParameter(doc, 'ItemID') || queryParameter(doc, 'itemid') || undefined;
}

function identify(doc: Document): ConversationIdentity {
  return conversationIdentity(
    'outlook',
    [taggedId('url', idInAddress(doc)), taggedId('row', firstShown(doc, SELECTED_ROW)?.getAttribute('data-convid'))],
    [],
    subjectOf(doc),
  );
}

/** Whether the reading pane shows a message at all (and not "Select an item to read"). */
function showsMessage(doc: Document, pane: Element | null): boolean {
  if (!pane) return false;
  return firstMatch(pane, [...SUBJECT, ...DATE, ...BODY.slice(0, 1)]) !== null || idInAddress(doc) !== undefined;
}

function readThread(doc: Document): ThreadRead {
  const pane = conversationOf(doc);
  const items = orderedItems(doc);
  if (items.length === 0) {
    if (!showsMessage(doc, pane)) return { ok: false, code: 'no-thread', client: 'outlook' };
    return failedRead('outlook', 'unreadable', pane ? 'messages' : 'conversation', ['DATE', 'BODY', 'SENDER']);
  }
  return threadRead({
    client: 'outlook',
    subject: subjectOf(doc),
    messages: items.map(readMessage),
    conversation: identify(doc),
    userName: userNameOf(doc),
    signed: items.map((item) => hasMarkedSignature(firstShown(item, BODY))),
  });
}

function isRecipientField(box: Element): boolean {
  const label = box.getAttribute('aria-label')?.trim() ?? '';
  return (OUTLOOK_RECIPIENT_FIELDS as readonly string[]).includes(label);
}

function findReplyBox(doc: Document): HTMLElement | null {
  const boxes = allShown(doc, REPLY_BOXES).filter((box) => !isRecipientField(box));
  const inPane = boxes.filter((box) => box.closest(CONVERSATION.join(',')));
  return ((inPane[0] ?? boxes[0]) as HTMLElement | undefined) ?? null;
}

function replyButtonIn(scope: Document | Element): Element | undefined {
  const byIcon = allShown(scope, REPLY_ICON)
    .map((icon) => icon.closest('button, [role="button"], [role="menuitem"]'))
    .find((button): button is Element => button !== null && isEnabled(button));
  return byIcon ?? allShown(scope, REPLY_BUTTONS).find(isEnabled);
}

function openReply(doc: Document): boolean {
  const newest = orderedItems(doc).at(-1);
  const pane = conversationOf(doc) ?? doc;
  const button = (newest ? replyButtonIn(newest) : undefined) ?? replyButtonIn(pane) ?? replyButtonIn(doc);
  return pressButton(button);
}

export const outlookAdapter: WebmailAdapter = {
  client: 'outlook',
  readThread,
  identify,
  readingRegion: (doc) => {
    const pane = conversationOf(doc);
    return pane && isShown(pane) ? pane : null;
  },
  findReplyBox,
  openReply,
};
