/**
 * What the page reader answers for "Summarize this page" and "Draft a reply": an ordinary page is read here; a known
 * webmail client's page is pointed to the mail agent (entrypoints/page-editor.ts), which carries the clients' adapters,
 * so that reading any other page parses none of them.
 */
import { extractPage } from '../extract/extract-page';
import type { ExtractResult } from '../extract/types';
import type { MailClientPage } from '../types';
import { knownClientOf } from './client-match';
import { genericAdapter } from './generic';
import { readThreadWith } from './thread-with-adapter';
import type { ThreadRead } from './types';

function mailClientPage(doc: Document): MailClientPage | undefined {
  const client = knownClientOf(doc);
  return client ? { ok: false, mailClient: client } : undefined;
}

/** The page's main text, unless the page is a known client's (where the open conversation is what is read). */
export function readPageUnlessMail(doc: Document): ExtractResult | MailClientPage {
  return mailClientPage(doc) ?? extractPage(doc);
}

/** On an ordinary page, the selection or the page's text as the message to answer; on a known client's, the pointer. */
export function readThreadUnlessMail(doc: Document): ThreadRead | MailClientPage {
  return mailClientPage(doc) ?? readThreadWith(genericAdapter, doc, extractPage);
}
