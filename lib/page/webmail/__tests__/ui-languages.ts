/**
 * Test helper: the clients' interface labels in the languages the adapters must handle, and a fixture rewritten from
 * its own interface language into another one (the mail text stays as it is: the interface never decides it).
 * "zz" is an invented language no table knows, to show what works by structure alone.
 */

export const UI_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'ja', 'zh', 'zz'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

interface UiLabels {
  reply: string;
  replyAll: string;
  forward: string;
  /** Outlook's sender label prefix, as written before the name ("Von: ", "De : "). */
  from: string;
  /** Outlook's compose body label. */
  owaBody: string;
  /** The label of a received body (Outlook) and of Gmail's compose body. */
  body: string;
  gmailBody: string;
  emailMessage: string;
  accountManager: string;
  googleAccount: string;
  to: string;
  emailContent: string;
  emailComposer: string;
}

export const UI_LABELS: Readonly<Record<UiLanguage, UiLabels>> = {
  en: {
    reply: 'Reply',
    replyAll: 'Reply all',
    forward: 'Forward',
    from: 'From: ',
    owaBody: 'Message body, press Alt+F10 to exit',
    body: 'Message body',
    gmailBody: 'Message Body',
    emailMessage: 'Email message',
    accountManager: 'Account manager for ',
    googleAccount: 'Google Account: ',
    to: 'To',
    emailContent: 'Email content',
    emailComposer: 'Email composer',
  },
  de: {
    reply: 'Antworten',
    replyAll: 'Allen antworten',
    forward: 'Weiterleiten',
    from: 'Von: ',
    owaBody: 'Nachrichtentext, drücken Sie ALT+F10 zum Beenden',
    body: 'Nachrichtentext',
    gmailBody: 'Nachrichtentext',
    emailMessage: 'E-Mail-Nachricht',
    accountManager: 'Konto-Manager für ',
    googleAccount: 'Google-Konto: ',
    to: 'An',
    emailContent: 'E-Mail-Inhalt',
    emailComposer: 'E-Mail-Editor',
  },
  fr: {
    reply: 'Répondre',
    replyAll: 'Répondre à tous',
    forward: 'Transférer',
    from: 'De\u00a0: ',
    owaBody: 'Corps du message, appuyez sur Alt+F10 pour quitter',
    body: 'Corps du message',
    gmailBody: 'Corps du message',
    emailMessage: 'Message électronique',
    accountManager: 'Gestionnaire de comptes pour ',
    googleAccount: 'Compte Google\u00a0: ',
    to: 'À',
    emailContent: 'Contenu de l’e-mail',
    emailComposer: 'Rédaction d’e-mail',
  },
  es: {
    reply: 'Responder',
    replyAll: 'Responder a todos',
    forward: 'Reenviar',
    from: 'De: ',
    owaBody: 'Cuerpo del mensaje, presione Alt+F10 para salir',
    body: 'Cuerpo del mensaje',
    gmailBody: 'Cuerpo del mensaje',
    emailMessage: 'Mensaje de correo electrónico',
    accountManager: 'Administrador de cuentas de ',
    googleAccount: 'Cuenta de Google: ',
    to: 'Para',
    emailContent: 'Contenido del correo',
    emailComposer: 'Redactor de correo',
  },
  it: {
    reply: 'Rispondi',
    replyAll: 'Rispondi a tutti',
    forward: 'Inoltra',
    from: 'Da: ',
    owaBody: 'Corpo del messaggio, premere ALT+F10 per uscire',
    body: 'Corpo del messaggio',
    gmailBody: 'Corpo del messaggio',
    emailMessage: 'Messaggio di posta elettronica',
    accountManager: 'Gestione account per ',
    googleAccount: 'Account Google: ',
    to: 'A',
    emailContent: 'Contenuto email',
    emailComposer: 'Editor email',
  },
  nl: {
    reply: 'Beantwoorden',
    replyAll: 'Allen beantwoorden',
    forward: 'Doorsturen',
    from: 'Van: ',
    owaBody: 'Berichttekst, druk op Alt+F10 om af te sluiten',
    body: 'Berichttekst',
    gmailBody: 'Berichttekst',
    emailMessage: 'E-mailbericht',
    accountManager: 'Accountbeheer voor ',
    googleAccount: 'Google-account: ',
    to: 'Aan',
    emailContent: 'E-mailinhoud',
    emailComposer: 'E-maileditor',
  },
  pt: {
    reply: 'Responder',
    replyAll: 'Responder a todos',
    forward: 'Encaminhar',
    from: 'De: ',
    owaBody: 'Corpo da mensagem, pressione Alt+F10 para sair',
    body: 'Corpo da mensagem',
    gmailBody: 'Corpo da mensagem',
    emailMessage: 'Mensagem de email',
    accountManager: 'Gerenciador de contas de ',
    googleAccount: 'Conta do Google: ',
    to: 'Para',
    emailContent: 'Conteúdo do email',
    emailComposer: 'Editor de email',
  },
  pl: {
    reply: 'Odpowiedz',
    replyAll: 'Odpowiedz wszystkim',
    forward: 'Przekaż dalej',
    from: 'Od: ',
    owaBody: 'Treść wiadomości, naciśnij klawisze Alt+F10, aby zakończyć',
    body: 'Treść wiadomości',
    gmailBody: 'Treść wiadomości',
    emailMessage: 'Wiadomość e-mail',
    accountManager: 'Menedżer kont dla ',
    googleAccount: 'Konto Google: ',
    to: 'Do',
    emailContent: 'Treść e-maila',
    emailComposer: 'Edytor e-maila',
  },
  ja: {
    reply: '返信',
    replyAll: '全員に返信',
    forward: '転送',
    from: '差出人: ',
    owaBody: 'メッセージ本文、終了するには Alt+F10 キーを押します',
    body: 'メッセージ本文',
    gmailBody: 'メッセージ本文',
    emailMessage: 'メール メッセージ',
    accountManager: 'アカウント マネージャー: ',
    googleAccount: 'Google アカウント: ',
    to: '宛先',
    emailContent: 'メールの内容',
    emailComposer: 'メール作成',
  },
  zh: {
    reply: '答复',
    replyAll: '全部答复',
    forward: '转发',
    from: '发件人: ',
    owaBody: '邮件正文，按 Alt+F10 退出',
    body: '邮件正文',
    gmailBody: '邮件正文',
    emailMessage: '电子邮件',
    accountManager: '帐户管理器: ',
    googleAccount: 'Google 帐号：',
    to: '收件人',
    emailContent: '电子邮件内容',
    emailComposer: '电子邮件编辑器',
  },
  zz: {
    reply: 'Zqx',
    replyAll: 'Zqx qqa',
    forward: 'Zqy',
    from: 'Zqf: ',
    owaBody: 'Zqb, zqb',
    body: 'Zqb',
    gmailBody: 'Zqb',
    emailMessage: 'Zqm',
    accountManager: 'Zqa ',
    googleAccount: 'Zqg: ',
    to: 'Zqt',
    emailContent: 'Zqc',
    emailComposer: 'Zqe',
  },
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The fixture's interface labels rewritten from language `from` to `to`, attributes and visible button labels alike. */
export function localizedHtml(html: string, from: UiLanguage, to: UiLanguage): string {
  if (from === to) return html;
  const source = UI_LABELS[from];
  const target = UI_LABELS[to];
  let out = html.replace(/<html lang="[^"]*"/, `<html lang="${to}"`);
  // Longest labels first, so "Reply all" is not rewritten as "Reply" + " all".
  const whole = (['replyAll', 'reply', 'forward', 'owaBody', 'body', 'gmailBody', 'emailMessage', 'to'] as const)
    .map((key) => [source[key], target[key]] as const)
    .sort((a, b) => b[0].length - a[0].length);
  for (const [old, fresh] of whole) {
    out = out.replace(new RegExp(`(aria-label|title|data-tooltip)="${escapeRegExp(old)}"`, 'g'), `$1="${fresh}"`);
    out = out.replace(
      new RegExp(`(role="link" tabindex="0">|class="sr-only">)${escapeRegExp(old)}<`, 'g'),
      `$1${fresh}<`,
    );
  }
  for (const key of ['from', 'accountManager', 'googleAccount'] as const) {
    out = out.replace(new RegExp(`aria-label="${escapeRegExp(source[key])}`, 'g'), `aria-label="${target[key]}`);
  }
  for (const key of ['emailContent', 'emailComposer'] as const) {
    out = out.replace(new RegExp(`title(="|\\s*=\\s*')${escapeRegExp(source[key])}`, 'g'), `title$1${target[key]}`);
  }
  return out;
}
