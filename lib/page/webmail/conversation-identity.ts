/** Builds a conversation's identity from the client's own ids, and decides whether two identities are the same one. */
import type { WebmailClient } from '../../core/webmail-hosts';
import type { ConversationIdentity } from './types';
import { pathSegmentsOf } from '../address';

/** The kinds of id an identity carries; only ids of the same kind are compared. */
export type IdKind = 'thread' | 'legacy' | 'url' | 'row' | 'page';

export function taggedId(kind: IdKind, value: string | null | undefined): string | undefined {
  const id = value?.trim();
  return id && id !== 'undefined' ? `${kind}:${id}` : undefined;
}

/** An identity with duplicate and empty ids left out. */
export function conversationIdentity(
  client: WebmailClient,
  ids: ReadonlyArray<string | undefined>,
  messageIds: ReadonlyArray<string | null | undefined>,
  subject: string,
): ConversationIdentity {
  const unique = (values: ReadonlyArray<string | null | undefined>) => [
    ...new Set(values.map((value) => value?.trim()).filter((value): value is string => Boolean(value))),
  ];
  return { client, ids: unique(ids), messageIds: unique(messageIds), subject: subject.replace(/\s+/g, ' ').trim() };
}

/** The path segments of the page's address, decoded ("/mail/inbox/id/AAQk%3D" → ["mail", "inbox", "id", "AAQk="]). */
export function pathSegments(doc: Document): string[] {
  return pathSegmentsOf(doc.URL);
}

/** A query parameter of the page's address. */
export function queryParameter(doc: Document, name: string): string | undefined {
  try {
    return new URL(doc.URL).searchParams.get(name) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The page's address without its fragment: what identifies a page that is not a known client. */
export function pageAddress(doc: Document): string {
  try {
    const url = new URL(doc.URL);
    url.hash = '';
    return url.href;
  } catch {
    return doc.URL;
  }
}

function kindOf(id: string): string {
  return id.slice(0, id.indexOf(':'));
}

/** Subjects compared the way clients show them: reply and forward prefixes and spacing do not count. */
function comparableSubject(subject: string): string {
  let rest = subject.toLowerCase().replace(/\s+/g, ' ').trim();
  for (let previous = ''; previous !== rest;) {
    previous = rest;
    rest = rest.replace(/^(?:re|aw|antw|sv|vs|rif|r|fw|fwd|wg|tr|rv|i|enc|odp|pd|答复|回复|转发)\s?[:：]\s*/i, '');
  }
  return rest;
}

export type ConversationMatch = 'same' | 'different' | 'unknown';

/**
 * Whether `current` is the conversation `expected` describes. Ids decide: one shared id of a kind both have means
 * the same conversation, different ids of that kind mean another one; message ids are the next proof. The subject is
 * only a second check: it can turn a match into "different", never prove a match. Without comparable ids: unknown.
 */
export function matchConversation(expected: ConversationIdentity, current: ConversationIdentity): ConversationMatch {
  if (expected.client !== current.client) return 'different';
  let verdict: ConversationMatch = 'unknown';
  const sharedKinds = new Set(expected.ids.map(kindOf).filter((kind) => current.ids.some((id) => kindOf(id) === kind)));
  if (sharedKinds.size > 0) {
    verdict = expected.ids.some((id) => current.ids.includes(id)) ? 'same' : 'different';
  } else if (expected.messageIds.length > 0 && current.messageIds.length > 0) {
    verdict = expected.messageIds.some((id) => current.messageIds.includes(id)) ? 'same' : 'different';
  }
  const subjectsDiffer =
    expected.subject !== '' &&
    current.subject !== '' &&
    comparableSubject(expected.subject) !== comparableSubject(current.subject);
  return verdict === 'same' && subjectsDiffer ? 'different' : verdict;
}
