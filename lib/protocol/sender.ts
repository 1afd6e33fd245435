/** Who sent a message: only this extension's own pages are trusted. Content scripts never message Tacit (page
 * code runs through executeScript and answers in its result), so a sender in a web page is never trusted. */

export interface MessageSenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/**
 * Extension pages (panel, options, offscreen, service worker) have our id and an URL under our origin, even when
 * opened in a tab. Anything else — another extension, a web page, a script of ours inside a web page — is not one.
 */
export function isOwnExtensionPage(
  sender: MessageSenderLike | undefined,
  runtimeId: string,
  extensionOrigin: string,
): boolean {
  return !!sender && sender.id === runtimeId && !!sender.url?.startsWith(extensionOrigin);
}
