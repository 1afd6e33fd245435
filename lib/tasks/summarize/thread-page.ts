/** A mail conversation as the page to summarize: the subject as heading, then each message under its sender and date. */
import type { ExtractedPage } from '../../page/extract/types';
import type { MailThread } from '../../page/webmail/types';

export function threadAsPage(thread: MailThread, url: string): ExtractedPage {
  const messages = thread.messages.map((message) => {
    const sender =
      message.fromAddress && message.from !== message.fromAddress
        ? `${message.from} <${message.fromAddress}>`
        : message.from || message.fromAddress || '';
    const heading = [sender, message.date].filter(Boolean).join(' — ');
    return `## ${heading || '—'}\n\n${message.text}`;
  });
  const text = [`# ${thread.subject}`, ...messages].join('\n\n');
  const page: ExtractedPage = {
    title: thread.subject,
    url,
    text,
    source: 'mail-thread',
  };
  if (thread.lang) page.lang = thread.lang;
  return page;
}
