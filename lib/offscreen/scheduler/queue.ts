/** Serialises GPU work (one load or generate at a time) across tabs, taking turns between clients, with cancel. */
import { QueueError } from './queue-error';
import { nextPick, type Pending } from './queue-order';

/** A change in where one request stands: 0 = running, n ≥ 1 = n-th in line, null = finished or cancelled. */
export interface QueuePositionUpdate {
  requestId: string;
  clientId: string;
  position: number | null;
}

export type QueuePositionListener = (updates: QueuePositionUpdate[]) => void;

export type GpuJob<T> = (signal: AbortSignal) => Promise<T>;

interface Entry extends Pending {
  start: () => void;
  reject: (error: QueueError) => void;
}

interface Running {
  entry: Entry;
  controller: AbortController;
  /** True once cancel() settled the caller's promise; the job may still be winding down on the GPU. */
  detached: boolean;
}

/**
 * Fairness: the next job comes from the client served least recently (a client never served goes first), FIFO within
 * a client, so one tab's five queued requests cannot starve another tab's single one.
 * Cancelling the running job aborts its signal and rejects the caller at once, but the next job starts only when the
 * cancelled one has settled, so two jobs never share the GPU. Jobs must therefore honour their signal promptly.
 */
export class GpuWorkQueue {
  private readonly queued: Entry[] = [];
  private running: Running | undefined;
  private readonly lastServed = new Map<string, number>();
  private serveClock = 0;
  private arrivalClock = 0;
  private readonly listeners = new Set<QueuePositionListener>();
  private lastPositions = new Map<string, QueuePositionUpdate>();

  run<T>(clientId: string, requestId: string, job: GpuJob<T>): Promise<T> {
    if (this.position(requestId) !== undefined) {
      return Promise.reject(QueueError.duplicate(requestId, clientId));
    }
    return new Promise<T>((resolve, reject) => {
      const entry: Entry = {
        clientId,
        requestId,
        arrival: this.arrivalClock++,
        reject,
        start: () => this.start(entry, job, resolve, reject),
      };
      this.queued.push(entry);
      this.pump();
    });
  }

  /** 0 while running, n ≥ 1 when n-th in line, undefined when unknown, finished or cancelled. */
  position(requestId: string): number | undefined {
    if (this.running && !this.running.detached && this.running.entry.requestId === requestId) return 0;
    const index = this.orderedQueue().findIndex((entry) => entry.requestId === requestId);
    return index === -1 ? undefined : index + 1;
  }

  /** Cancels a queued or running request; false when it is not (or no longer) in the queue. */
  cancel(requestId: string): boolean {
    const queuedIndex = this.queued.findIndex((entry) => entry.requestId === requestId);
    if (queuedIndex !== -1) {
      const [entry] = this.queued.splice(queuedIndex, 1);
      entry?.reject(QueueError.cancelled(entry.requestId, entry.clientId, 'queued'));
      this.notify();
      return true;
    }
    const running = this.running;
    if (!running || running.detached || running.entry.requestId !== requestId) return false;
    const error = QueueError.cancelled(requestId, running.entry.clientId, 'running');
    running.detached = true;
    running.controller.abort(error);
    running.entry.reject(error);
    this.notify();
    return true;
  }

  /** Cancels everything a client has queued or running (its tab closed or its panel disconnected). */
  cancelClient(clientId: string): number {
    const ids = this.queued.filter((entry) => entry.clientId === clientId).map((entry) => entry.requestId);
    if (this.running && !this.running.detached && this.running.entry.clientId === clientId) {
      ids.unshift(this.running.entry.requestId);
    }
    return ids.filter((id) => this.cancel(id)).length;
  }

  /** Subscribes to position changes; returns the unsubscribe function. */
  onPositionsChange(listener: QueuePositionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** True when nothing runs (not even a cancelled job winding down) and nothing waits. */
  get idle(): boolean {
    return this.running === undefined && this.queued.length === 0;
  }

  private start<T>(entry: Entry, job: GpuJob<T>, resolve: (value: T) => void, reject: (error: unknown) => void): void {
    const running: Running = { entry, controller: new AbortController(), detached: false };
    this.running = running;
    let work: Promise<T>;
    try {
      work = job(running.controller.signal);
    } catch (error) {
      work = Promise.reject(error);
    }
    work.then(
      (value) => this.finish(running, () => resolve(value)),
      (error: unknown) => this.finish(running, () => reject(error)),
    );
  }

  private finish(running: Running, settle: () => void): void {
    if (!running.detached) settle();
    this.running = undefined;
    this.pump();
  }

  /** Starts the next job if the GPU is free, then reports any position changes. */
  private pump(): void {
    if (!this.running) {
      const pick = nextPick(this.queued, this.lastServed);
      if (pick !== undefined) {
        const [entry] = this.queued.splice(pick, 1);
        if (entry) {
          this.lastServed.set(entry.clientId, this.serveClock++);
          this.forgetIdleClients(entry.clientId);
          entry.start();
        }
      }
    }
    this.notify();
  }

  /** Keeps lastServed to clients with work in the queue, so it cannot grow without bound. */
  private forgetIdleClients(justServed: string): void {
    for (const clientId of this.lastServed.keys()) {
      if (clientId !== justServed && !this.queued.some((entry) => entry.clientId === clientId)) {
        this.lastServed.delete(clientId);
      }
    }
  }

  private orderedQueue(): Entry[] {
    const remaining = [...this.queued];
    const served = new Map(this.lastServed);
    const order: Entry[] = [];
    let clock = this.serveClock;
    for (let pick = nextPick(remaining, served); pick !== undefined; pick = nextPick(remaining, served)) {
      const [entry] = remaining.splice(pick, 1);
      if (!entry) break;
      served.set(entry.clientId, clock++);
      order.push(entry);
    }
    return order;
  }

  private notify(): void {
    const current = new Map<string, QueuePositionUpdate>();
    if (this.running && !this.running.detached) {
      const { requestId, clientId } = this.running.entry;
      current.set(requestId, { requestId, clientId, position: 0 });
    }
    this.orderedQueue().forEach(({ requestId, clientId }, index) => {
      current.set(requestId, { requestId, clientId, position: index + 1 });
    });
    const updates: QueuePositionUpdate[] = [];
    for (const [requestId, update] of current) {
      if (this.lastPositions.get(requestId)?.position !== update.position) updates.push(update);
    }
    for (const [requestId, previous] of this.lastPositions) {
      if (!current.has(requestId)) updates.push({ requestId, clientId: previous.clientId, position: null });
    }
    this.lastPositions = current;
    if (updates.length === 0) return;
    for (const listener of this.listeners) listener(updates);
  }
}
