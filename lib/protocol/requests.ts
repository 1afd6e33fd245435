/** Typed one-shot requests over runtime messaging, answered only by the context named in the request. */
import { browser, type Browser } from 'wxt/browser';
import {
  isRequestEnvelope,
  type RequestEnvelope,
  type RequestMap,
  type RequestTarget,
  type RequestType,
} from './messages';
import { isOwnExtensionPage } from './sender';

const REQUEST_TARGETS: { [K in RequestType]: RequestMap[K]['to'] } = {
  'panel/status': 'background',
  'engine/probe': 'offscreen',
  'engine/status': 'offscreen',
  'engine/idle': 'background',
  'engine/ensure': 'background',
  'task/running': 'background',
  'rewrite/apply': 'background',
  'reply/insert': 'background',
  'model/preload': 'background',
  'diagnostics/record': 'background',
  'diagnostics/list': 'background',
  'diagnostics/clear': 'background',
  'ledger/record': 'background',
  'ledger/list': 'background',
  'ledger/clear': 'background',
  'models/changed': 'options',
};

export function sendRequest<K extends RequestType>(
  type: K,
  payload: RequestMap[K]['request'] = {} as RequestMap[K]['request'],
): Promise<RequestMap[K]['response']> {
  const envelope: RequestEnvelope<K> = { tacit: 1, to: REQUEST_TARGETS[type], type, payload };
  return browser.runtime.sendMessage(envelope) as Promise<RequestMap[K]['response']>;
}

/** The handlers of one context, each typed by its request; a context answers only the requests addressed to it. */
export type RequestHandlers<T extends RequestTarget> = {
  [K in RequestType as RequestMap[K]['to'] extends T ? K : never]?: (
    payload: RequestMap[K]['request'],
    sender: Browser.runtime.MessageSender,
  ) => Promise<RequestMap[K]['response']>;
};

/** Told of a handler that failed (the caller still gets the rejection): where a context records it. */
export type RequestFailureListener = (type: RequestType, error: unknown) => void;

/**
 * Answers the requests addressed to `target` from this extension's own pages. Messages from other
 * extensions, web pages or content scripts get no answer (content scripts use their own typed ports).
 */
export function answerRequests<T extends RequestTarget>(
  target: T,
  handlers: RequestHandlers<T>,
  onFailure?: RequestFailureListener,
): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined => {
    if (!isRequestEnvelope(message) || message.to !== target) return undefined;
    if (!fromOwnExtensionPage(sender)) return undefined;
    const handler = (
      handlers as Record<string, ((payload: unknown, s: typeof sender) => Promise<unknown>) | undefined>
    )[message.type];
    if (!handler) return undefined;
    const type = message.type;
    return Promise.resolve()
      .then(() => handler(message.payload, sender))
      .catch((error: unknown) => {
        onFailure?.(type, error);
        throw error;
      });
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Whether a message or port comes from one of this extension's own pages (see sender.ts). */
export function fromOwnExtensionPage(sender: Browser.runtime.MessageSender | undefined): boolean {
  return isOwnExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'));
}
