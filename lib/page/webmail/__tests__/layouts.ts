/**
 * Test catalogue: every reading layout Tacit supports, one fixture each, with what a correct read finds there and how a
 * user opens the reply box in it. The layouts.test.ts matrix runs each one in every interface language.
 */
import type { WebmailClient } from '../../../core/webmail-hosts';
import type { UiLanguage } from './ui-languages';

export interface Layout {
  /** client · layout, as the closing table names it. */
  name: string;
  client: Exclude<WebmailClient, 'generic'>;
  fixture: string;
  /** Where the fixture is served: 127.0.0.1, so only the page structure can identify the client. */
  url: string;
  /** The interface language the fixture is written in. */
  uiLanguage: UiLanguage;
  subject: string;
  /** [from, fromAddress, date] of each message read, oldest first. */
  senders: Array<[string, string, string]>;
  /** The newest message's own words, exactly. */
  newestText: string;
  /** Text that belongs to quoted history or signatures and must not be read. */
  notRead: string[];
  unread: number;
  userName: string;
  /** The language of the mail's text (never the interface's). */
  mailLanguage: string;
  /** Ids the identity must carry. */
  ids: string[];
  /** In the reply box once opened: a line of the quoted history and of the user's signature. */
  quoted: string;
  signature: string;
  /** The control a user clicks to open the reply box (the fixture's own button). */
  replyControl: string;
  /** Whether Tacit can press Reply itself in an interface language no label table knows (by class, test id or icon). */
  replyWithoutLabels: boolean;
}

const LOCAL = 'http://127.0.0.1';

export const LAYOUTS: readonly Layout[] = [
  {
    name: 'Gmail · conversation (collapsed + expanded)',
    client: 'gmail',
    fixture: 'gmail-thread.html',
    url: `${LOCAL}/mail/u/0/#inbox/FMfcgzQZTCxvBbPhJsWkQjSJbDqRxkLc`,
    uiLanguage: 'en',
    subject: 'Lisbon offsite: venue booking',
    senders: [
      ['Maya Lindqvist', 'maya.lindqvist@example.com', 'Mon, 3 Mar 2025, 09:12'],
      ['Jonas Weber', 'jonas.weber@example.com', 'Tue, 4 Mar 2025, 14:30'],
      ['Maya Lindqvist', 'maya.lindqvist@example.com', 'Thu, 6 Mar 2025, 16:40'],
    ],
    newestText:
      'Hi Jonas,\n\nYes, the projector is included, and they can add two wireless microphones for €25.\n\nShall I confirm the booking for 12–14 June?\n\nBest,\n\nMaya',
    notRead: ['Parking is free after six', 'Events Coordinator', 'wrote:'],
    unread: 0,
    userName: 'Jonas Weber',
    mailLanguage: 'en',
    ids: ['thread:thread-f:1825730000000000001', 'legacy:1955f3b2c4d6e8a0', 'url:FMfcgzQZTCxvBbPhJsWkQjSJbDqRxkLc'],
    quoted: 'Shall I confirm the booking for 12–14 June?',
    signature: 'Head of Operations',
    replyControl: '.ams.bkH',
    replyWithoutLabels: true,
  },
  {
    name: 'Gmail · split pane',
    client: 'gmail',
    fixture: 'gmail-split-pane.html',
    url: `${LOCAL}/mail/u/0/#inbox`,
    uiLanguage: 'en',
    subject: 'Presupuesto del congreso de Valencia',
    senders: [
      ['Jonas Weber', 'jonas.weber@example.com', 'Wed, 21 May 2025, 17:45'],
      ['Carmen Ruiz', 'carmen.ruiz@example.org', 'Thu, 22 May 2025, 10:02'],
    ],
    newestText:
      'Hola Jonas,\n\nel hotel confirma el precio de 95 euros por noche para las 40 habitaciones, con el desayuno incluido. ¿Quieres que reserve también la sala grande para la sesión de clausura?\n\nUn saludo,\n\nCarmen',
    notRead: ['Levante Congresos', 'escribió:', '¿Está ya el precio del hotel?'],
    unread: 2,
    userName: 'Jonas Weber',
    mailLanguage: 'es',
    ids: ['thread:thread-f:1829912345678901234', 'legacy:1965a1b2c3d4e5f6', 'row:thread-f:1829912345678901234'],
    quoted: 'con el desayuno incluido',
    signature: 'Head of Operations',
    replyControl: '.ams.bkH',
    replyWithoutLabels: true,
  },
  {
    name: 'Outlook · conversation, reading pane right',
    client: 'outlook',
    fixture: 'outlook-thread.html',
    url: `${LOCAL}/mail/inbox`,
    uiLanguage: 'en',
    subject: 'Billing cluster migration window',
    senders: [
      ['Priya Raman', 'priya.raman@fabrikam.example', 'Mon 3/10/2025 9:05 AM'],
      ['Jonas Weber', 'jonas.weber@contoso.example', 'Tue 3/11/2025 2:20 PM'],
      ['Priya Raman', 'priya.raman@fabrikam.example', 'Thu 3/13/2025 4:02 PM'],
    ],
    newestText:
      'Hi Jonas,\n\nThanks — Saturday from 22:00 works for us. We will freeze deployments from 18:00 and send the runbook on Friday.\n\nCan your on-call engineer join the bridge call?\n\nRegards,\nPriya',
    notRead: ['maintenance page must stay up', 'Infrastructure Lead', 'Sent:'],
    unread: 0,
    userName: 'Jonas Weber',
    mailLanguage: 'en',
    ids: ['row:AAQkADAwATMwMAItYjBiZi03YmY3LTAwAi0wMAoAEABjgKbAj7DwSKnW58xs6QY7'],
    quoted: 'Can your on-call engineer join the bridge call?',
    signature: 'Platform Engineering, Contoso',
    replyControl: 'i[data-icon-name="ArrowReplyRegular"]',
    replyWithoutLabels: true,
  },
  {
    name: 'Outlook · conversation, reading pane bottom, newest on bottom',
    client: 'outlook',
    fixture: 'outlook-pane-bottom.html',
    url: `${LOCAL}/mail/inbox`,
    uiLanguage: 'en',
    subject: 'Quarterly supplier review',
    senders: [
      ['Lena Fischer', 'lena.fischer@northwind.example', 'Mon 4/7/2025 8:30 AM'],
      ['Jonas Weber', 'jonas.weber@contoso.example', 'Tue 4/8/2025 1:15 PM'],
      ['Lena Fischer', 'lena.fischer@northwind.example', 'Wed 4/9/2025 9:05 AM'],
    ],
    newestText:
      'Hi Jonas,\n\nThank you, those figures look strong. Could you also add the number of damaged pallets, so the board sees the whole picture?\n\nBest regards,\nLena',
    notRead: ['Supplier Quality', 'The board meets on the 15th', 'Sent:'],
    unread: 0,
    userName: 'Jonas Weber',
    mailLanguage: 'en',
    ids: ['row:AAQkADAwATM0MDAAMS1iOGE0LTY3ZWItMDACLTAwCgAQAH7b3zS9tyZJhV2kX0pJh2s='],
    quoted: 'number of damaged pallets',
    signature: 'Logistics, Contoso',
    replyControl: '#newest-reply',
    replyWithoutLabels: false,
  },
  {
    name: 'Outlook · single message, reading pane right',
    client: 'outlook',
    fixture: 'outlook-single-message.html',
    url: `${LOCAL}/mail/inbox/id/AAMkADAwATM0MDAAMS1hYjFkLTkxNDYtMDACLTAwCgBGAAADr%2BX1y7bC3kGxN4qQ9wK3ZQcA8c`,
    uiLanguage: 'de',
    subject: 'Lieferung der Ersatzteile',
    senders: [['Anna Schmidt', 'anna.schmidt@fabrikam.example', 'Mi 12.03.2025 10:14']],
    newestText:
      'Hallo Jonas,\n\ndie Ersatzteile für die Verpackungsanlage sind heute eingetroffen. Können wir den Einbau am Donnerstag um 8 Uhr einplanen?\n\nViele Grüße\nAnna',
    notRead: ['Instandhaltung', 'Die Anlage steht bis dahin still', 'Gesendet:'],
    unread: 0,
    userName: 'Jonas Weber',
    mailLanguage: 'de',
    ids: [
      'url:AAMkADAwATM0MDAAMS1hYjFkLTkxNDYtMDACLTAwCgBGAAADr+X1y7bC3kGxN4qQ9wK3ZQcA8c',
      'row:AAQkADAwATM0MDAAMS1hYjFkLTkxNDYtMDACLTAwCgAQAKqZyWjQ6fFImJ3t6y4sBXU=',
    ],
    quoted: 'Einbau am Donnerstag um 8 Uhr',
    signature: 'Produktion, Contoso',
    replyControl: '[role="toolbar"] button:first-child',
    replyWithoutLabels: false,
  },
  {
    name: 'Outlook · conversation, reading pane off',
    client: 'outlook',
    fixture: 'outlook-pane-off.html',
    url: `${LOCAL}/mail/inbox/id/AAQkADAwATM0MDAAMS1jZTQzLWE3NjktMDACLTAwCgAQAFq8W2Yp%2FhdEoXc1G8y9l4Q%3D`,
    uiLanguage: 'en',
    subject: 'Office move: desk plan',
    senders: [
      ['Jonas Weber', 'jonas.weber@contoso.example', 'Thu 5/15/2025 3:02 PM'],
      ['Tomasz Nowak', 'tomasz.nowak@contoso.example', 'Fri 5/16/2025 11:20 AM'],
    ],
    newestText:
      'Hi Jonas,\n\nThe desk plan for the third floor is attached. Your team gets the six desks by the windows. Do you need a standing desk for anyone?\n\nThanks,\nTomasz',
    notRead: ['Sent:', 'Back'],
    unread: 0,
    userName: 'Jonas Weber',
    mailLanguage: 'en',
    ids: ['url:AAQkADAwATM0MDAAMS1jZTQzLWE3NjktMDACLTAwCgAQAFq8W2Yp/hdEoXc1G8y9l4Q='],
    quoted: 'standing desk for anyone',
    signature: 'Logistics, Contoso',
    replyControl: 'i[data-icon-name="ArrowReplyRegular"]',
    replyWithoutLabels: true,
  },
  {
    name: 'Outlook · pop-out window',
    client: 'outlook',
    fixture: 'outlook-popout.html',
    url: `${LOCAL}/mail/deeplink/read/AAMkADAwATM0MDAAMS1kNjM1LTQ0OWUtMDACLTAwCgBGAAADr%2BX1y7bC3kGxN4qQ9wK3ZQcA9f?popoutv2=1`,
    uiLanguage: 'en',
    subject: 'Catering for the June workshop',
    senders: [['Sofia Romano', 'sofia.romano@fabrikam.example', 'Mon 6/2/2025 2:45 PM']],
    newestText:
      'Hi Jonas,\n\nFor the workshop on 19 June we can serve lunch for 30 people at 12:30. Should we plan for vegetarian options, and how many?\n\nKind regards,\nSofia',
    notRead: ['Events | Fabrikam'],
    unread: 0,
    userName: '',
    mailLanguage: 'en',
    ids: ['url:AAMkADAwATM0MDAAMS1kNjM1LTQ0OWUtMDACLTAwCgBGAAADr+X1y7bC3kGxN4qQ9wK3ZQcA9f'],
    quoted: 'vegetarian options',
    signature: 'Logistics, Contoso',
    replyControl: '#popout-reply',
    replyWithoutLabels: false,
  },
  {
    name: 'Proton · conversation mode',
    client: 'proton',
    fixture: 'proton-thread.html',
    url: `${LOCAL}/u/0/inbox/Cv9dR2fT4hJ6kL8mN0pQ2rS4tU6vW8xY0zA2bC4dE6fG8hJ0kL2mN4pQ6rS8tU0vW2xY4zA6bC8dE0fG2hJ4kL6mN==`,
    uiLanguage: 'en',
    subject: 'Oslo warehouse lease renewal',
    senders: [
      ['Jonas Weber', 'jonas.weber@proton.me', 'Tuesday, March 4th, 2025 at 10:21 AM'],
      ['Ingrid Berg', 'ingrid.berg@nordlys.example', 'Wednesday, March 5th, 2025 at 2:03 PM'],
    ],
    newestText:
      'Hi Jonas,\n\nYes, the loading dock repairs are included and will be finished by the end of April.\n\nCould you send the signed contract by March 14?\n\nKind regards,\nIngrid',
    notRead: ['48,000 NOK', 'Facilities Manager', 'Sent with Proton Mail'],
    unread: 1,
    userName: 'Jonas Weber',
    mailLanguage: 'en',
    ids: ['url:Cv9dR2fT4hJ6kL8mN0pQ2rS4tU6vW8xY0zA2bC4dE6fG8hJ0kL2mN4pQ6rS8tU0vW2xY4zA6bC8dE0fG2hJ4kL6mN=='],
    quoted: 'Could you send the signed contract by March 14?',
    signature: 'Operations Lead',
    replyControl: '[data-testid="message-view:reply"]',
    replyWithoutLabels: true,
  },
  {
    name: 'Proton · message mode',
    client: 'proton',
    fixture: 'proton-message-mode.html',
    url: `${LOCAL}/u/0/inbox/Jx5vQy2bW8nM3kT0pL9aZc4dE7fG1hR6sU2iV0oN8mK5jH3gF9dS1aQ7wE4rT6yU2iO8pA0sD3fG5hJ7kL9zX1c==`,
    uiLanguage: 'en',
    subject: 'Commande de cartons B4',
    senders: [['Élodie Martin', 'elodie.martin@emballages-rhone.example', 'Monday, June 2nd, 2025 at 9:15 AM']],
    newestText:
      'Bonjour Jonas,\n\nNous avons bien reçu votre commande de 200 cartons. La livraison est prévue pour mardi prochain entre 9 h et 12 h. Pouvez-vous confirmer que quelqu’un sera présent au quai de chargement pour la réception ?\n\nBien cordialement,\nÉlodie',
    notRead: ['Service clients', 'modèle B4', 'Sent with Proton Mail'],
    unread: 0,
    userName: 'Jonas Weber',
    mailLanguage: 'fr',
    ids: ['url:Jx5vQy2bW8nM3kT0pL9aZc4dE7fG1hR6sU2iV0oN8mK5jH3gF9dS1aQ7wE4rT6yU2iO8pA0sD3fG5hJ7kL9zX1c=='],
    quoted: 'Nous avons bien reçu votre commande de 200 cartons.',
    signature: 'Operations Lead',
    replyControl: '[data-testid="message-view:reply"]',
    replyWithoutLabels: true,
  },
];
