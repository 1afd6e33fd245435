/** Typed wrappers over runtime ports, used for everything that streams. */
import { browser, type Browser } from 'wxt/browser';
import { fromOwnExtensionPage } from './requests';

export interface TypedPort<Out, In> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
  onDisconnect(listener: () => void): void;
  disconnect(): void;
  /** The runtime port underneath; absent for a port within one page (localPortPair). */
  readonly raw?: Browser.runtime.Port;
}

function typedPort<Out, In>(raw: Browser.runtime.Port): TypedPort<Out, In> {
  let connected = true;
  raw.onDisconnect.addListener(() => {
    connected = false;
  });
  return {
    raw,
    post(message) {
      // Posting on a port the other side closed throws; a closed peer has nobody left to tell.
      if (connected) raw.postMessage(message);
    },
    onMessage(listener) {
      raw.onMessage.addListener((message: unknown) => listener(message as In));
    },
    onDisconnect(listener) {
      raw.onDisconnect.addListener(() => listener());
    },
    disconnect() {
      // Already closed (by either side): nothing left to close.
      if (!connected) return;
      connected = false;
      raw.disconnect();
    },
  };
}

export function connectPort<Out, In>(name: string): TypedPort<Out, In> {
  return typedPort<Out, In>(browser.runtime.connect({ name }));
}

/** Accepts ports of one name from this extension's own pages only. */
export function acceptPorts<Out, In>(name: string, onPort: (port: TypedPort<Out, In>) => void): void {
  browser.runtime.onConnect.addListener((raw) => {
    if (raw.name !== name) return;
    if (!fromOwnExtensionPage(raw.sender)) {
      raw.disconnect();
      return;
    }
    onPort(typedPort<Out, In>(raw));
  });
}

/**
 * Two connected ends within one page, for a host that lives in the same page as its client (Firefox's background page
 * hosts the engine: it has no offscreen documents). Messages arrive asynchronously and copied, as over a runtime port.
 */
export function localPortPair<A, B>(): [TypedPort<A, B>, TypedPort<B, A>] {
  type End = { messages: Array<(message: unknown) => void>; disconnects: Array<() => void> };
  const ends: [End, End] = [
    { messages: [], disconnects: [] },
    { messages: [], disconnects: [] },
  ];
  let connected = true;
  const end = <Out, In>(own: End, peer: End): TypedPort<Out, In> => ({
    post(message) {
      if (!connected) return;
      const copy = structuredClone(message);
      queueMicrotask(() => {
        if (connected) peer.messages.forEach((listener) => listener(copy));
      });
    },
    onMessage(listener) {
      own.messages.push((message) => listener(message as In));
    },
    onDisconnect(listener) {
      own.disconnects.push(listener);
    },
    disconnect() {
      if (!connected) return;
      connected = false;
      // As with runtime ports, only the other end hears of it.
      queueMicrotask(() => peer.disconnects.forEach((listener) => listener()));
    },
  });
  return [end<A, B>(ends[0], ends[1]), end<B, A>(ends[1], ends[0])];
}
