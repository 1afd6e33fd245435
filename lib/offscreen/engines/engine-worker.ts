/**
 * The page's side of an engine's own worker (WebLLM's, llama.cpp's). Each call goes with an id; the worker answers it
 * with updates under that id (progress, text), then `finished` or `failed`. Messages without an id (the requests the
 * worker made, for the privacy ledger) go to `onUnaddressed`. A worker that is stopped, or dies, fails every call in
 * flight, so nothing waits forever on it.
 */
import type { WorkerFailure } from './worker-failure';

interface Addressed {
  kind: string;
  id: number;
}

interface PendingCall<Reply> {
  onUpdate(message: Reply): void;
  resolve(message: Reply): void;
  reject(error: Error): void;
}

export class EngineWorker<Call extends { kind: string }, Reply extends { kind: string }> {
  private worker: Worker | undefined;
  private readonly calls = new Map<number, PendingCall<Reply>>();
  private nextId = 1;

  constructor(
    private readonly create: () => Worker,
    /** Names the worker in the error that fails its calls when it stops ("The WebLLM worker was stopped"). */
    private readonly name: string,
    private readonly onUnaddressed: (message: Reply) => void = () => undefined,
  ) {}

  get started(): boolean {
    return this.worker !== undefined;
  }

  /** Sends `call` (starting the worker if needed); resolves with its `finished` message, rejects on `failed`. */
  call(
    call: Call,
    onUpdate: (message: Reply) => void = () => undefined,
  ): Promise<Extract<Reply, { kind: 'finished' }>> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<Extract<Reply, { kind: 'finished' }>>((resolve, reject) => {
      this.calls.set(id, {
        onUpdate,
        resolve: (message) => resolve(message as Extract<Reply, { kind: 'finished' }>),
        reject,
      });
      worker.postMessage({ ...call, id });
    });
  }

  /** A message that is not a call (an interrupt): only a running worker is told. */
  notify(message: object): void {
    this.worker?.postMessage(message);
  }

  /** Ends the worker and everything in it; calls in flight fail with `reason`. */
  stop(reason = new Error(`The ${this.name} worker was stopped`)): void {
    this.worker?.terminate();
    this.worker = undefined;
    const pending = [...this.calls.values()];
    this.calls.clear();
    pending.forEach((call) => call.reject(reason));
  }

  private receive(message: Reply): void {
    if (!isAddressed(message)) return this.onUnaddressed(message);
    const call = this.calls.get(message.id);
    if (!call) return;
    if (message.kind === 'finished') {
      this.calls.delete(message.id);
      return call.resolve(message);
    }
    if (message.kind === 'failed') {
      this.calls.delete(message.id);
      const failure = message as unknown as WorkerFailure;
      return call.reject(Object.assign(new Error(failure.message), { name: failure.name }));
    }
    call.onUpdate(message);
  }

  private ensureWorker(): Worker {
    if (!this.worker) {
      const worker = this.create();
      worker.onmessage = (event: MessageEvent<Reply>) => this.receive(event.data);
      // A worker that fails to start or throws outside a call (its module did not load, it ran out of memory) ends.
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        if (this.worker === worker) this.stop(new Error(event.message || `The ${this.name} worker failed`));
      };
      this.worker = worker;
    }
    return this.worker;
  }
}

function isAddressed(message: { kind: string }): message is Addressed {
  return typeof (message as Partial<Addressed>).id === 'number';
}
