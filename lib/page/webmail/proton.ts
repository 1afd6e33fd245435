/**
 * Proton Mail: reads the conversation (each body in its own same-origin iframe), finds the composer's editor (an
 * iframe too), clicks Reply.
 *
 * Confirmed from Proton's public WebClients source and scripts driving it: data-testid="conversation-header:subject"
 * (title = subject), article[data-shortcut-target="message-container"][data-expanded], message-header-expanded /
 * -collapsed, recipients:sender with recipient-label / recipient-address, item-date-* (title = full date, with an
 * sr-only copy), iframe[data-testid="content-iframe"][title="Email content"] with the body in #proton-root,
 * message-view:reply, .protonmail_quote and .protonmail_signature_block, iframe[data-testid="rooster-iframe"]
 * [title="Email composer"] holding #rooster-editor, heading:userdropdown with .user-dropdown-displayName.
 * Best guesses: that collapsed messages have no preview text in the DOM (they are read with empty text), and the
 * editable-body fallbacks inside the composer frame.
 */
import { isClientDocument } from './client-match';
import { displayNameIn, emailAddressIn } from './address-text';
import { allShown, firstMatch, frameDocument, labelText, languageOf, shownOrFirst } from './dom-lookup';
import { readMessageText } from './message-text';
import { isEnabled, pressButton } from './press-button';
import { mailMessage, threadRead } from './thread-read';
import type { MailMessage, ThreadRead, WebmailAdapter } from './types';

/** Proton's test ids on the conversation view, composer and header; several together mean Proton. */
const MARKERS = [
  '[data-testid="conversation-header:subject"]',
  '[data-shortcut-target="message-container"]',
  'iframe[data-testid="content-iframe"]',
  '[data-testid="heading:userdropdown"]',
  '[data-testid="sidebar:compose"]',
  '[data-testid^="message-header-expanded:"]',
  '[data-testid="recipients:sender"]',
  '[data-testid="message-view:reply"]',
];

/** One article per message, oldest first. */
const MESSAGE_ITEMS = [
  '[data-shortcut-target="message-container"]',
  'article[data-testid^="message-view-"]',
  'article.message-container',
];
const SUBJECT = ['[data-testid="conversation-header:subject"]', 'h1.message-conversation-summary-header'];
const SENDER = ['[data-testid="recipients:sender"]', '.message-header-from-container [title*="@"]'];
const SENDER_NAME = ['[data-testid="recipient-label"]'];
const SENDER_ADDRESS = ['[data-testid="recipient-address"]'];
/** The date: a span with the full date as title, followed by a screen-reader copy. */
const DATE = ['[data-testid^="item-date-"]', 'time'];
/** The frame holding the sanitised body, and the root Proton renders it into. */
const BODY_FRAME = ['iframe[data-testid="content-iframe"]', 'iframe[title="Email content"]', '.message-content iframe'];
const BODY_ROOT = ['#proton-root', '.proton-root', 'body'];
const ACCOUNT = ['[data-testid="heading:userdropdown"] .user-dropdown-displayName', '.user-dropdown-displayName'];
const ACCOUNT_BUTTON = ['[data-testid="heading:userdropdown"]'];

/** The composer's editor frame, and the editable element inside it. */
const COMPOSER_FRAME = ['iframe[data-testid="rooster-iframe"]', 'iframe[title="Email composer"]'];
const EDITOR = ['#rooster-editor[contenteditable="true"]', '[contenteditable="true"]'];
const REPLY_BUTTONS = ['[data-testid="message-view:reply"]', 'button[data-test-id="message-view:reply"]'];

function messageItems(doc: Document): Element[] {
  for (const selector of MESSAGE_ITEMS) {
    const items = Array.from(doc.querySelectorAll(selector));
    if (items.length > 0) return items;
  }
  return [];
}

function senderOf(item: Element): { from: string; fromAddress?: string } {
  const sender = firstMatch(item, SENDER);
  if (!sender) return { from: '' };
  const name = labelText(firstMatch(sender, SENDER_NAME));
  const fromAddress =
    emailAddressIn(labelText(firstMatch(sender, SENDER_ADDRESS))) ?? emailAddressIn(sender.getAttribute('title'));
  return { from: name || displayNameIn(labelText(sender)), fromAddress };
}

function dateOf(item: Element): string {
  const date = firstMatch(item, DATE);
  if (!date) return '';
  const screenReaderCopy = date.nextElementSibling?.classList.contains('sr-only')
    ? labelText(date.nextElementSibling)
    : '';
  return date.getAttribute('title') || screenReaderCopy || labelText(date);
}

/** The body inside the message's frame; null while the frame loads or if Proton ever makes it cross-origin. */
function bodyOf(item: Element): Element | null {
  const frameDoc = frameDocument(shownOrFirst(item, BODY_FRAME));
  return frameDoc ? firstMatch(frameDoc, BODY_ROOT) : null;
}

function readMessage(item: Element): MailMessage {
  const { from, fromAddress } = senderOf(item);
  // Collapsed messages render no body at all; they keep their place with empty text.
  return mailMessage(from, readMessageText(bodyOf(item)), fromAddress, dateOf(item));
}

function subjectOf(doc: Document): string {
  const heading = firstMatch(doc, SUBJECT);
  const fromFrame = firstMatch(doc, BODY_FRAME)?.getAttribute('data-subject');
  return heading?.getAttribute('title') || labelText(heading) || fromFrame || doc.title.split(/\s+\|\s+/)[0] || '';
}

function userNameOf(doc: Document): string | undefined {
  const name = labelText(firstMatch(doc, ACCOUNT));
  if (name) return name;
  const title = firstMatch(doc, ACCOUNT_BUTTON)?.getAttribute('title');
  return title ? displayNameIn(title) : undefined;
}

function readThread(doc: Document): ThreadRead {
  const items = messageItems(doc);
  const newest = items[items.length - 1];
  return threadRead({
    client: 'proton',
    subject: subjectOf(doc),
    messages: items.map(readMessage),
    userName: userNameOf(doc),
    lang: languageOf(doc, newest ? bodyOf(newest) : null),
  });
}

function editorIn(frame: Element): HTMLElement | null {
  const frameDoc = frameDocument(frame);
  if (!frameDoc?.body) return null;
  const editor = firstMatch(frameDoc, EDITOR);
  if (editor) return editor as HTMLElement;
  const designMode = (frameDoc.designMode as string | undefined)?.toLowerCase() === 'on';
  return designMode || frameDoc.body.isContentEditable ? frameDoc.body : null;
}

function findReplyBox(doc: Document): HTMLElement | null {
  for (const frame of allShown(doc, COMPOSER_FRAME)) {
    const editor = editorIn(frame);
    if (editor) return editor;
  }
  return null;
}

function openReply(doc: Document): boolean {
  const expanded = messageItems(doc).filter((item) => item.getAttribute('data-expanded') !== 'false');
  const newest = expanded[expanded.length - 1];
  const button =
    (newest ? allShown(newest, REPLY_BUTTONS).find(isEnabled) : undefined) ??
    allShown(doc, REPLY_BUTTONS).filter(isEnabled).pop();
  return pressButton(button);
}

export const protonAdapter: WebmailAdapter = {
  client: 'proton',
  matches: (doc) => isClientDocument(doc, 'proton', MARKERS),
  readThread,
  findReplyBox,
  openReply,
};
