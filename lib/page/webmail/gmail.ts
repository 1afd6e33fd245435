/**
 * Gmail's conversation view, full-page or in the split (preview) pane: reads the open thread, names it by Gmail's own
 * thread and message ids, finds the inline reply box, clicks Reply.
 *
 * Sources (public): InboxSDK's gmail-thread-view.ts (thread view `.a98.iY`, subject `.ha h2`, ids from
 * `[data-thread-perm-id]` / `[data-legacy-thread-id]`, toolbar `[gh=tm] [gh=mtb]`, bottom reply bar `.amn`, hidden
 * messages `.kQ` with the `.adv .adx span` count) and gmail-message-view.ts (states `.h7` expanded, `.kv` collapsed,
 * `.kQ`/`.kx` hidden on role="listitem", `div.adn[data-legacy-message-id]`, `span.gD[email][name]`, `span.g3[title]`,
 * `div.ii.gt > div.a3s`, `.iA.g6` snippets), InboxSDK's setupGmonkeyHandler.js (the split pane's previewed row
 * `[gh=tl] tr.aps [data-thread-id]`), gmail.js (thread hashes `#inbox/<id>`, the inline reply `.ip.adB`, compose body
 * `div.Am.Al.editable[g_editable]`) and extensions quoting Gmail's DOM (reply link `span.ams.bkH`, reply arrow
 * `div.aaq[role=button]`, account link to accounts.google.com/SignOutOptions).
 * Labels are used only where nothing else exists (the reply arrow's tooltip, the compose body's label), from the
 * tables in ui-labels.ts. Best guesses: that boxes outside [role=main] are pop-out composes of other drafts.
 */
import { nameFromAccountLabel } from './address-text';
import { conversationIdentity, taggedId } from './conversation-identity';
import { allShown, firstMatch, firstShown, isShown, labelText, shownOrFirst } from './dom-lookup';
import { hasMarkedSignature, readMessageText, readPreviewText } from './message-text';
import { isEnabled, pressButton } from './press-button';
import { failedRead, mailMessage, threadRead } from './thread-read';
import { GMAIL_MESSAGE_BODY, GMAIL_REPLY, labelled } from './ui-labels';
import type { ConversationIdentity, MailMessage, ThreadRead, WebmailAdapter } from './types';

/** One message each, in conversation order: expanded, collapsed, and hidden ("n older messages"). */
const MESSAGE_ITEMS = ['[role="listitem"].h7, [role="listitem"].kv, [role="listitem"].kQ, [role="listitem"].kx'];
/** Layouts without the list item: the message containers only. */
const MESSAGE_ITEMS_FALLBACK = ['div.adn', '[data-legacy-message-id]'];
const HIDDEN_ITEM = '.kQ, .kx';
/** The count on the "n older messages" bar. */
const HIDDEN_COUNT = ['.adv .adx span', '.adx span'];

/** The subject heading of the open thread, which also carries the thread's ids. */
const SUBJECT = ['h2.hP', '.ha h2', 'h2[data-legacy-thread-id]', 'h2[data-thread-perm-id]'];
const THREAD_ID = ['[data-thread-perm-id]', '[data-legacy-thread-id]'];
/** The split pane's previewed row in the thread list. */
const PREVIEWED_ROW = ['[gh="tl"] tr.aps [data-thread-id]', '[gh="tl"] tr.aps[data-thread-id]'];
const MESSAGE_ID = ['[data-legacy-message-id]', '[data-message-id]'];
/** The sender: a span carrying the address and display name as attributes. */
const SENDER = ['span.gD[email]', 'h3.iw span[email]', 'td.gF span[email]', 'span[email][name]'];
/** The date, full form in the title attribute. */
const DATE = ['span.g3[title]', 'span.g3', '.gK span[title]'];
/** The rendered body of an expanded message. */
const BODY = ['div.a3s', 'div.ii.gt'];
/** A collapsed message's one-line preview. */
const SNIPPET = ['.iA.g6', '.g6', 'span.y2'];
/** The signed-in account: Google's account link, labelled "Google Account: Name (address)" in the UI language. */
const ACCOUNT = ['a[href*="accounts.google.com/SignOutOptions"][aria-label]', 'a[aria-label^="Google Account:"]'];
/** Where the thread view is: what the user's fallback selects when the messages cannot be read. */
const THREAD_VIEW = ['div.a98.iY', '[role="main"]'];

/** The inline reply's editable body: Gmail's own classes first, its label last. */
const REPLY_BOXES = [
  '.ip.adB div[contenteditable="true"][role="textbox"]',
  'div.Am.Al.editable[contenteditable="true"]',
  'div[contenteditable="true"][g_editable="true"]',
  ...labelled('div[contenteditable="true"]', 'aria-label', GMAIL_MESSAGE_BODY),
];
/** The "Reply" link under the last message (language-independent classes). */
const REPLY_LINK = ['span.ams.bkH'];
/** The reply arrow in a message header: its class first, its localised tooltip only as the last resort. */
const REPLY_BUTTONS = [
  'div.aaq[role="button"]',
  ...labelled('[role="button"]', 'data-tooltip', GMAIL_REPLY),
  ...labelled('[role="button"]', 'aria-label', GMAIL_REPLY),
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

function subjectHeading(doc: Document): Element | null {
  return shownOrFirst(doc, SUBJECT);
}

function subjectOf(doc: Document): string {
  const heading = subjectHeading(doc);
  if (heading) return labelText(heading);
  // The tab title reads "Subject - account@example.com - Gmail".
  return doc.title.replace(/\s+-\s+[^-]*@[^-]*-\s+Gmail\s*$/i, '').trim();
}

/** Views whose address names a label, category or query before the thread id. */
const NAMED_VIEWS = ['label', 'category', 'search', 'advanced-search', 'section_query', 'apps'];

/** The thread id in the address ("#inbox/FMfcgz…", "#label/Work/FMfcgz…"); absent in the split pane. */
function threadIdInHash(doc: Document): string | undefined {
  let hash: string;
  try {
    hash = new URL(doc.URL).hash;
  } catch {
    return undefined;
  }
  const segments = hash.replace(/^#/, '').split('?')[0]!.split('/');
  // "#label/<name>/<id>", "#search/<query>/<id>" carry one segment more than "#inbox/<id>".
  const id = segments[NAMED_VIEWS.includes(segments[0] ?? '') ? 2 : 1];
  return id && /^[A-Za-z0-9_-]{16,}$/.test(id) ? id : undefined;
}

function identify(doc: Document): ConversationIdentity {
  const heading = subjectHeading(doc);
  const view = heading?.closest(THREAD_VIEW.join(',')) ?? doc;
  const idElement = heading?.matches(THREAD_ID.join(',')) ? heading : firstMatch(view, THREAD_ID);
  const row = firstShown(doc, PREVIEWED_ROW);
  const shown = messageItems(doc);
  return conversationIdentity(
    'gmail',
    [
      taggedId('thread', idElement?.getAttribute('data-thread-perm-id')?.replace(/^#/, '')),
      taggedId('legacy', idElement?.getAttribute('data-legacy-thread-id')),
      taggedId('url', threadIdInHash(doc)),
      taggedId('row', row?.getAttribute('data-thread-id')?.replace(/^#/, '')),
    ],
    shown.map((item) => {
      const element = item.matches(MESSAGE_ID.join(',')) ? item : firstMatch(item, MESSAGE_ID);
      return element?.getAttribute('data-legacy-message-id') ?? element?.getAttribute('data-message-id');
    }),
    subjectOf(doc),
  );
}

/** Whether a conversation is open at all: its heading, its ids or a message container, or a thread in the address. */
function showsConversation(doc: Document): boolean {
  const heading = subjectHeading(doc);
  return (heading !== null && isShown(heading)) || firstMatch(doc, MESSAGE_ITEMS_FALLBACK) !== null;
}

function hiddenCount(doc: Document, hiddenItems: number): number {
  const shownCount = Number(labelText(firstShown(doc, HIDDEN_COUNT)));
  return Number.isInteger(shownCount) && shownCount > hiddenItems ? shownCount : hiddenItems;
}

function readThread(doc: Document): ThreadRead {
  const items = messageItems(doc);
  const shown = items.filter((item) => !item.matches(HIDDEN_ITEM));
  if (shown.length === 0) {
    if (!showsConversation(doc) && !threadIdInHash(doc)) return { ok: false, code: 'no-thread', client: 'gmail' };
    return failedRead('gmail', 'unreadable', 'messages', ['MESSAGE_ITEMS', 'MESSAGE_ITEMS_FALLBACK']);
  }
  const messages = shown.map(readMessage);
  if (messages.every((message) => !message.text) && shown.every((item) => !firstMatch(item, [...BODY, ...SNIPPET]))) {
    return failedRead('gmail', 'unreadable', 'body', ['BODY', 'SNIPPET']);
  }
  return threadRead({
    client: 'gmail',
    subject: subjectOf(doc),
    messages,
    conversation: identify(doc),
    userName: nameFromAccountLabel(firstMatch(doc, ACCOUNT)?.getAttribute('aria-label'), []),
    unreadMessages: hiddenCount(doc, items.length - shown.length),
    signed: shown.map((item) => hasMarkedSignature(firstShown(item, BODY))),
  });
}

function readingRegion(doc: Document): Element | null {
  const heading = subjectHeading(doc);
  return heading?.closest(THREAD_VIEW.join(',')) ?? firstShown(doc, THREAD_VIEW);
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
  readThread,
  identify,
  readingRegion,
  findReplyBox,
  openReply,
};
