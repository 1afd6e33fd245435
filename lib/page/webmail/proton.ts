/**
 * Proton Mail in conversation mode and message mode: reads the open conversation (each body in its own same-origin
 * iframe), names it by Proton's conversation and message ids, finds the quick reply's or the composer's editor (an
 * iframe too), clicks Reply.
 *
 * Derived from Proton's open-source web client (github.com/ProtonMail/WebClients, applications/mail/src/app/):
 * - components/conversation/ConversationView.tsx and message/MessageOnlyView.tsx: both modes render the same
 *   ConversationHeader and one MessageView per message.
 * - components/conversation/ConversationHeader.tsx: h1[data-testid="conversation-header:subject"][title=subject].
 * - components/message/MessageView.tsx: article.message-container[data-testid="message-view-<index>"]
 *   [data-message-id][data-shortcut-target="message-container"][data-expanded]; the quick reply inside it.
 * - components/message/header/HeaderExpanded.tsx and HeaderCollapsed.tsx: the sender RecipientItem
 *   ([data-testid="recipients:sender"]), the reply button [data-testid="message-view:reply"]; a collapsed header has
 *   no body and no preview text, so collapsed messages are counted as not read.
 * - components/message/recipients/RecipientItemLayout.tsx: bdi[data-testid="recipient-label"] (name) and
 *   span[data-testid="recipient-address"] ("<address>"), the address also as the item's title.
 * - components/list/ItemDate.tsx: span[data-testid="item-date-<mode>"] followed by span.sr-only with the full date.
 * - components/message/MessageBodyIframe.tsx: iframe[data-testid="content-iframe"][data-subject] (title "Email
 *   content"), the body rendered into #proton-root; .protonmail_quote and .protonmail_signature_block in the HTML.
 * - components/composer/quickReply/QuickReply.tsx and editor/rooster/RoosterEditor.tsx:
 *   [data-shortcut-target="quick-reply-container"], iframe[data-testid="rooster-iframe"] (title "Email composer")
 *   holding #rooster-editor; the composer window [data-testid="composer"] with input[data-testid="composer:subject"].
 * - The address: /u/<n>/<label>/<conversation id>[/<message id>], or /<label>/<message id> in message mode.
 * Best guesses: the editable-body fallbacks inside the composer frame.
 */
import { displayNameIn, emailAddressIn } from './address-text';
import { conversationIdentity, pathSegments, taggedId } from './conversation-identity';
import { allShown, firstMatch, firstShown, frameDocument, isShown, labelText, shownOrFirst } from './dom-lookup';
import { hasMarkedSignature, readMessageText } from './message-text';
import { isEnabled, pressButton } from './press-button';
import { failedRead, mailMessage, threadRead } from './thread-read';
import type { ConversationIdentity, MailMessage, ThreadRead, WebmailAdapter } from './types';

/** One article per message, oldest first. */
const MESSAGE_ITEMS = [
  '[data-shortcut-target="message-container"]',
  'article[data-testid^="message-view-"]',
  'article.message-container',
];
const SUBJECT = ['[data-testid="conversation-header:subject"]', 'h1.message-conversation-summary-header'];
const SENDER = ['[data-testid="recipients:sender"]', '.message-header-from-container [title*="@"]'];
const SENDER_NAME = ['[data-testid="recipient-label"]', '.message-recipient-item-label'];
const SENDER_ADDRESS = ['[data-testid="recipient-address"]', '.message-recipient-item-address'];
/** The date: a span with the short date, followed by a screen-reader copy of the full one. */
const DATE = ['[data-testid^="item-date-"]', 'time'];
/** The frame holding the sanitised body, and the root Proton renders it into. */
const BODY_FRAME = ['iframe[data-testid="content-iframe"]', 'iframe[title="Email content"]', '.message-content iframe'];
const BODY_ROOT = ['#proton-root', '.proton-root', 'body'];
const ACCOUNT = ['[data-testid="heading:userdropdown"] .user-dropdown-displayName', '.user-dropdown-displayName'];
const ACCOUNT_BUTTON = ['[data-testid="heading:userdropdown"]'];
/** The view the conversation is shown in. */
const READING_VIEW = ['.view-column-detail', '[role="main"]'];

/** The quick reply under a message, and composer windows (several can be open). */
const QUICK_REPLY = ['[data-shortcut-target="quick-reply-container"]'];
const COMPOSER = ['[data-testid="composer"]', '.composer-container'];
const COMPOSER_SUBJECT = ['input[data-testid="composer:subject"]'];
/** The editor frame, and the editable element inside it. */
const EDITOR_FRAME = ['iframe[data-testid="rooster-iframe"]', 'iframe[title="Email composer"]'];
const EDITOR = ['#rooster-editor[contenteditable="true"]', '[contenteditable="true"]'];
const REPLY_BUTTONS = ['[data-testid="message-view:reply"]', 'button[data-test-id="message-view:reply"]'];

function messageItems(doc: Document): Element[] {
  for (const selector of MESSAGE_ITEMS) {
    const items = Array.from(doc.querySelectorAll(selector));
    if (items.length > 0) return items;
  }
  return [];
}

/** Proton renders a collapsed message as a header only: it has no body to read. */
function isCollapsed(item: Element): boolean {
  const expanded = item.getAttribute('data-expanded');
  return expanded === 'false' || (expanded === null && !firstMatch(item, BODY_FRAME));
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

/** The conversation (or, in message mode, message) id and the message id in the address. */
function idsInAddress(doc: Document): { open?: string; message?: string } {
  let segments = pathSegments(doc);
  if (segments[0] === 'u' && /^\d+$/.test(segments[1] ?? '')) segments = segments.slice(2);
  const isId = (segment: string | undefined) => segment !== undefined && /^[A-Za-z0-9_=-]{16,}$/.test(segment);
  return { open: isId(segments[1]) ? segments[1] : undefined, message: isId(segments[2]) ? segments[2] : undefined };
}

function identify(doc: Document): ConversationIdentity {
  const { open, message } = idsInAddress(doc);
  return conversationIdentity(
    'proton',
    [taggedId('url', open)],
    [...messageItems(doc).map((item) => item.getAttribute('data-message-id')), message],
    subjectOf(doc),
  );
}

function readThread(doc: Document): ThreadRead {
  const items = messageItems(doc);
  if (items.length === 0) {
    const showsConversation = firstMatch(doc, SUBJECT) !== null || idsInAddress(doc).open !== undefined;
    if (!showsConversation) return { ok: false, code: 'no-thread', client: 'proton' };
    return failedRead('proton', 'unreadable', 'messages', ['MESSAGE_ITEMS']);
  }
  const expanded = items.filter((item) => !isCollapsed(item));
  if (expanded.length > 0 && expanded.every((item) => !firstMatch(item, BODY_FRAME))) {
    return failedRead('proton', 'unreadable', 'body', ['BODY_FRAME']);
  }
  const read = threadRead({
    client: 'proton',
    subject: subjectOf(doc),
    messages: expanded.map(readMessage),
    conversation: identify(doc),
    userName: userNameOf(doc),
    unreadMessages: items.length - expanded.length,
    signed: expanded.map((item) => hasMarkedSignature(bodyOf(item))),
  });
  // Only collapsed messages: there is a conversation, but nothing of it to read until one is opened.
  return !read.ok && read.code === 'no-thread' ? { ok: false, code: 'empty-thread', client: 'proton' } : read;
}

function editorIn(frame: Element): HTMLElement | null {
  const frameDoc = frameDocument(frame);
  if (!frameDoc?.body) return null;
  const editor = firstMatch(frameDoc, EDITOR);
  if (editor) return editor as HTMLElement;
  const designMode = (frameDoc.designMode as string | undefined)?.toLowerCase() === 'on';
  return designMode || frameDoc.body.isContentEditable ? frameDoc.body : null;
}

function firstEditor(scope: Element | Document): HTMLElement | null {
  for (const frame of allShown(scope, EDITOR_FRAME)) {
    const editor = editorIn(frame);
    if (editor) return editor;
  }
  return null;
}

/** "Re: Oslo lease" answers "Oslo lease"; a new message or another conversation's reply does not. */
function answersSubject(composer: Element, subject: string): boolean {
  const field = firstMatch(composer, COMPOSER_SUBJECT) as HTMLInputElement | null;
  if (!field || !subject) return true;
  const bare = (text: string) =>
    text
      .replace(/^(?:\s*[\p{L}]{1,4}\s?:\s*)+/u, '')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
  return bare(field.value) === bare(subject);
}

function findReplyBox(doc: Document): HTMLElement | null {
  for (const quickReply of allShown(doc, QUICK_REPLY)) {
    const editor = firstEditor(quickReply);
    if (editor) return editor;
  }
  const subject = subjectOf(doc);
  const composers = allShown(doc, COMPOSER).filter((composer) => answersSubject(composer, subject));
  for (const composer of composers.reverse()) {
    const editor = firstEditor(composer);
    if (editor) return editor;
  }
  // A composer frame outside any known composer container (Proton renamed it).
  return firstMatch(doc, COMPOSER) ? null : firstEditor(doc);
}

function openReply(doc: Document): boolean {
  const expanded = messageItems(doc).filter((item) => !isCollapsed(item));
  const newest = expanded[expanded.length - 1];
  const button =
    (newest ? allShown(newest, REPLY_BUTTONS).find(isEnabled) : undefined) ??
    allShown(doc, REPLY_BUTTONS).filter(isEnabled).pop();
  return pressButton(button);
}

export const protonAdapter: WebmailAdapter = {
  client: 'proton',
  readThread,
  identify,
  readingRegion: (doc) => {
    const view = firstMatch(doc, SUBJECT)?.closest(READING_VIEW.join(',')) ?? firstShown(doc, READING_VIEW);
    return view && isShown(view) ? view : null;
  },
  findReplyBox,
  openReply,
};
