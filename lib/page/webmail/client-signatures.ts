/**
 * Each known client's page signature (matched in client-match.ts): apart from the adapters so that the page reader can
 * tell a client's page from any other without carrying them. Their order is the order clients are checked in.
 */
import type { KnownWebmailClient } from '../../core/webmail-hosts';

/** What a client's own page has and ordinary pages do not. */
export interface ClientSignature {
  /** Elements of the client's app shell and message view (ids, data attributes, its own class pairs). */
  markers: readonly string[];
  /** The tab title the client sets ("… - Gmail"); counts as one marker. */
  title?: RegExp;
}

/** Gmail's app shell, thread list and conversation view; any two together mean Gmail (see client-match). */
const GMAIL: ClientSignature = {
  markers: [
    '[gh="tl"]',
    '[gh="tm"]',
    '[gh="mtb"]',
    '[gh="cm"]',
    'tr.zA',
    'div.a98.iY',
    '[role="listitem"].h7',
    '[role="listitem"].kv',
    'h2.hP',
    '[data-thread-perm-id]',
    '[data-legacy-thread-id]',
    '[data-legacy-message-id]',
    'div.adn.ads',
    'span.gD[email]',
    'link[rel~="icon"][href*="/icons/mail/"]',
    'a[href*="mail.google.com/mail/"][href$="#inbox"]',
  ],
  // "Inbox (3) - jane@example.com - Gmail"; Google Workspace names the app after the organisation ("… - Acme Mail").
  title: /\s[-–]\s(?:Gmail|[^\s@]+@[^\s@]+\s[-–]\s.{1,40}\bMail)\s*$/,
};

/** OWA's app sections, reading pane, message list and account control; any two together mean Outlook. */
const OUTLOOK: ClientSignature = {
  markers: [
    '[data-app-section="MailReadCompose"]',
    '[data-app-section="ConversationContainer"]',
    '[data-app-section="MessageList"]',
    '[data-app-section="NavigationPane"]',
    '#ReadingPaneContainerId',
    '#ConversationReadingPaneContainer',
    '[id^="UniqueMessageBody"]',
    '[data-testid="SentReceivedSavedTime"]',
    '[role="option"][data-convid]',
    '[id^="MSG_"][id$="_FROM"]',
    '[id^="CONV_"][id$="_SUBJECT"]',
    '#MailList',
    '#O365_MainLink_Me',
    '#O365_NavHeader',
    '#mectrl_main_body',
    '#mectrl_main_trigger',
  ],
  title: /(?:^|\s[-–]\s)Outlook\s*$/,
};

/** Proton's test ids on the conversation view, composer and app shell; any two together mean Proton. */
const PROTON: ClientSignature = {
  markers: [
    '[data-testid="conversation-header:subject"]',
    '[data-shortcut-target="message-container"]',
    '[data-shortcut-target="item-container"]',
    'iframe[data-testid="content-iframe"]',
    '[data-testid="heading:userdropdown"]',
    '[data-testid="sidebar:compose"]',
    '[data-testid^="navigation-link:"]',
    '[data-testid^="message-header-expanded:"]',
    '[data-testid^="message-header-collapsed:"]',
    '[data-testid="recipients:sender"]',
    '[data-testid="message-view:reply"]',
    'iframe[data-testid="rooster-iframe"]',
  ],
  title: /\|\s*Proton Mail\s*$/,
};

export const CLIENT_SIGNATURES: Readonly<Record<KnownWebmailClient, ClientSignature>> = {
  gmail: GMAIL,
  outlook: OUTLOOK,
  proton: PROTON,
};
