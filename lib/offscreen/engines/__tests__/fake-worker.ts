/** The page's view of an engine's worker: records what it is sent; the test answers for it. */
export class FakeWorker<Sent extends object, Answer> {
  readonly received: Sent[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<Answer>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;

  postMessage(message: Sent): void {
    this.received.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  answer(message: Answer): void {
    this.onmessage?.({ data: message } as MessageEvent<Answer>);
  }

  /** The worker throws outside any call, as when its module fails to load. */
  fail(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }

  /** The id of the last call the page made. */
  get lastId(): number {
    for (const message of [...this.received].reverse()) if ('id' in message) return message.id as number;
    throw new Error('no call yet');
  }
}
