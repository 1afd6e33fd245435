/** Who sent a message: only this extension's own contexts are trusted, and a tab comes from the sender, never the payload. */

export interface MessageSenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export type SenderKind = 'extension-page' | 'content-script' | 'foreign';

/**
 * Extension pages (panel, options, offscreen, service worker) have our id and an URL under our origin, even when
 * opened in a tab; content scripts have our id, a tab and the web page's URL. Anything else — another extension,
 * a web page — is foreign.
 */
export function classifySender(
  sender: MessageSenderLike | undefined,
  runtimeId: string,
  extensionOrigin: string,
): SenderKind {
  if (!sender || sender.id !== runtimeId) return 'foreign';
  if (sender.url?.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.tab) return 'content-script';
  return 'foreign';
}

/** The tab and frame a content script spoke from; undefined when the sender is not one of ours in a tab. */
export function senderTab(
  sender: MessageSenderLike | undefined,
  runtimeId: string,
  extensionOrigin: string,
): { tabId: number; frameId: number } | undefined {
  if (classifySender(sender, runtimeId, extensionOrigin) !== 'content-script') return undefined;
  const tabId = sender?.tab?.id;
  return typeof tabId === 'number' ? { tabId, frameId: sender?.frameId ?? 0 } : undefined;
}
