/** An in-memory TypedPort for unit tests: records what is posted and lets the test play the other side. */
import type { Browser } from 'wxt/browser';
import type { TypedPort } from '../ports';

export class FakePort<Out, In> implements TypedPort<Out, In> {
  readonly posted: Out[] = [];
  /** True once this side called disconnect(). */
  closedByUs = false;
  readonly raw = {} as Browser.runtime.Port;
  private readonly messageListeners: Array<(message: In) => void> = [];
  private readonly disconnectListeners: Array<() => void> = [];

  post(message: Out): void {
    this.posted.push(message);
  }

  onMessage(listener: (message: In) => void): void {
    this.messageListeners.push(listener);
  }

  onDisconnect(listener: () => void): void {
    this.disconnectListeners.push(listener);
  }

  disconnect(): void {
    this.closedByUs = true;
  }

  /** The other side sends a message. */
  deliver(message: In): void {
    this.messageListeners.forEach((listener) => listener(message));
  }

  /** The other side went away (like runtime.Port's onDisconnect, which fires only on the far end's close). */
  disconnectFromPeer(): void {
    this.disconnectListeners.forEach((listener) => listener());
  }
}
