/** What "Summarize this page" reads: on a webmail client the open conversation, anywhere else the page's main text. */
import { extractPage } from '../extract/extract-page';
import type { ExtractedPage, ExtractResult } from '../extract/types';
import { estimateTokens } from '../../core/token-estimate';
import { countWords } from '../extract/whitespace';
import { adapterFor } from './detect';
import type { MailThread } from './types';

/** The conversation as structured text: the subject as heading, then each message under its sender and date. */
function threadAsPage(thread: MailThread, url: string): ExtractedPage {
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
    tokenEstimate: estimateTokens(text),
    wordCount: countWords(text),
    source: 'mail-thread',
  };
  if (thread.lang) page.lang = thread.lang;
  return page;
}

export function extractPageOrThread(doc: Document): ExtractResult {
  const adapter = adapterFor(doc);
  if (adapter.client !== 'generic') {
    try {
      const read = adapter.readThread(doc);
      if (read.ok) return { ok: true, page: threadAsPage(read.thread, doc.URL) };
    } catch {
      // A client page the adapter does not understand is read like any other page.
    }
  }
  return extractPage(doc);
}
