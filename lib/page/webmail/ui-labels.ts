/**
 * The clients' interface labels in the languages most people use them in: a last resort after structure, roles and
 * icons, for the few controls that have nothing else to go by. Each table covers at least en, de, fr, es, it, nl, pt,
 * pl, ja and zh (Simplified and Traditional where they differ), as the clients' own translations word them.
 */

/** Outlook's reply command (button label and title). */
export const OUTLOOK_REPLY = [
  'Reply',
  'Antworten',
  'Répondre',
  'Responder',
  'Rispondi',
  'Beantwoorden',
  'Odpowiedz',
  '返信',
  '答复',
  '回覆',
] as const;

/** The prefix of Outlook's sender label ("From: Name"). */
export const OUTLOOK_FROM = ['From', 'Von', 'De', 'Da', 'Van', 'Od', '差出人', '发件人', '寄件者'] as const;

/** The start of the label of Outlook's compose body ("Message body, press Alt+F10 to exit"). */
export const OUTLOOK_MESSAGE_BODY = [
  'Message body',
  'Nachrichtentext',
  'Corps du message',
  'Cuerpo del mensaje',
  'Corpo del messaggio',
  'Berichttekst',
  'Corpo da mensagem',
  'Treść wiadomości',
  'メッセージ本文',
  '邮件正文',
  '郵件內文',
] as const;

/** Outlook's recipient fields, which are editable textboxes too and must never be taken for the body. */
export const OUTLOOK_RECIPIENT_FIELDS = [
  'To',
  'Cc',
  'Bcc',
  'An',
  'Bcc',
  'À',
  'Cci',
  'Para',
  'CCO',
  'A',
  'Ccn',
  'Aan',
  'Do',
  'DW',
  'UDW',
  '宛先',
  '收件人',
  '抄送',
  '密件抄送',
  '收件者',
  '副本',
  '密件副本',
] as const;

/** The start of Outlook's account button label ("Account manager for Jane Doe"). */
export const OUTLOOK_ACCOUNT_MANAGER = [
  'Account manager for',
  'Konto-Manager für',
  'Gestionnaire de comptes pour',
  'Administrador de cuentas de',
  'Gestione account per',
  'Accountbeheer voor',
  'Gerenciador de contas de',
  'Menedżer kont dla',
] as const;

/** Gmail's reply command (tooltip and label of the arrow in each message header). */
export const GMAIL_REPLY = [
  'Reply',
  'Antworten',
  'Répondre',
  'Responder',
  'Rispondi',
  'Beantwoorden',
  'Odpowiedz',
  '返信',
  '回复',
  '回覆',
] as const;

/** The label of Gmail's compose body. */
export const GMAIL_MESSAGE_BODY = [
  'Message Body',
  'Nachrichtentext',
  'Corps du message',
  'Cuerpo del mensaje',
  'Corpo del messaggio',
  'Berichttekst',
  'Corpo da mensagem',
  'Treść wiadomości',
  'メッセージ本文',
  '邮件正文',
  '郵件內文',
] as const;

/** `[attribute="label"]` for each label, for querySelectorAll. */
export function labelled(element: string, attribute: string, labels: readonly string[]): string[] {
  return labels.map((label) => `${element}[${attribute}="${label}"]`);
}

/** `[attribute^="label"]` for each label. */
export function labelledStart(element: string, attribute: string, labels: readonly string[]): string[] {
  return labels.map((label) => `${element}[${attribute}^="${label}"]`);
}

/**
 * A header label without its field name: "From: Jane" / "De : Jane" / "发件人：Jane" → "Jane". Any short word before the
 * first colon counts, so languages missing from the tables work too.
 */
export function withoutFieldName(label: string): string {
  return label.replace(/^[^:：<@\n]{1,24}?\s?[:：]\s*/, '').trim();
}

/** A label's start from `prefixes` removed ("Account manager for Jane Doe" → "Jane Doe"); unchanged when none fits. */
export function withoutPrefix(label: string, prefixes: readonly string[]): string {
  const text = label.trim();
  const prefix = prefixes.find((candidate) => text.toLowerCase().startsWith(candidate.toLowerCase()));
  return prefix ? text.slice(prefix.length).trim() : text;
}
