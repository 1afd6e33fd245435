/** The Options page's view of model downloads, which run in the engine host so they continue while Options is closed. */
import { signal } from '@preact/signals';
import type { TacitError } from '../core/errors';
import type { AnyModelRecord } from '../models/types';
import { connectPort, type TypedPort } from '../protocol/ports';
import {
  PORT_DOWNLOADS,
  type DownloadsEvent,
  type DownloadsRequest,
  type ModelDiskStatus,
  type ModelDownloadProgress,
} from '../protocol/messages';
import { sendRequest } from '../protocol/requests';

type DownloadsPort = TypedPort<DownloadsRequest, DownloadsEvent>;

export class DownloadsClient {
  readonly statuses = signal<Record<string, ModelDiskStatus>>({});
  readonly progress = signal<Record<string, ModelDownloadProgress>>({});
  readonly active = signal<string[]>([]);
  readonly errors = signal<Record<string, TacitError | null>>({});
  private port: Promise<DownloadsPort> | undefined;
  private records: AnyModelRecord[] = [];
  /** A question about what is stored that has no answer yet, and whether it was already asked again. */
  private question: 'none' | 'asked' | 'asked-again' = 'none';

  /** Shows these models: starts the engine host and connects once if needed, then asks for their status. */
  async connect(records: AnyModelRecord[]): Promise<void> {
    this.records = records;
    const port = await this.ensurePort();
    // A later call with other records is already on its way.
    if (records === this.records) this.ask(port);
  }

  /** Asks again what is stored (a task's load may have downloaded a model); nothing when no model is shown yet. */
  refresh(): void {
    if (this.records.length === 0) return;
    void this.ensurePort().then((port) => this.ask(port));
  }

  download(record: AnyModelRecord): void {
    this.errors.value = { ...this.errors.value, [record.model_id]: null };
    void this.ensurePort().then((port) => port.post({ type: 'downloads/start', record }));
  }

  cancel(modelId: string): void {
    void this.port?.then((port) => port.post({ type: 'downloads/cancel', modelId }));
  }

  remove(record: AnyModelRecord): void {
    const otherRecords = this.records.filter((other) => other.model_id !== record.model_id);
    void this.ensurePort().then((port) => port.post({ type: 'downloads/delete', record, otherRecords }));
  }

  /** Every stored model, including ones no longer listed (a removed custom model). */
  removeAll(): void {
    void this.ensurePort().then((port) => port.post({ type: 'downloads/delete-all', records: this.records }));
  }

  dispose(): void {
    void this.port?.then((port) => port.disconnect());
  }

  /** One port at a time; the engine host may have closed for idleness since, so it is started again if needed. */
  private ensurePort(): Promise<DownloadsPort> {
    this.port ??= sendRequest('engine/ensure').then(
      () => {
        const port = connectPort<DownloadsRequest, DownloadsEvent>(PORT_DOWNLOADS);
        port.onMessage((event) => this.receive(event));
        port.onDisconnect(() => {
          this.port = undefined;
          // The host closed (idle) before it answered: ask a new one, once, rather than show an old answer.
          if (this.question !== 'asked') return;
          this.question = 'asked-again';
          void this.ensurePort().then((next) => next.post({ type: 'downloads/status', records: this.records }));
        });
        return port;
      },
      (error: unknown) => {
        this.port = undefined;
        throw error;
      },
    );
    return this.port;
  }

  private ask(port: DownloadsPort): void {
    this.question = 'asked';
    port.post({ type: 'downloads/status', records: this.records });
  }

  private receive(event: DownloadsEvent): void {
    switch (event.type) {
      case 'downloads/progress':
        this.progress.value = { ...this.progress.value, [event.modelId]: event.progress };
        if (!this.active.value.includes(event.modelId)) this.active.value = [...this.active.value, event.modelId];
        return;
      case 'downloads/finished':
        this.active.value = this.active.value.filter((id) => id !== event.modelId);
        this.errors.value = { ...this.errors.value, [event.modelId]: event.error };
        if (event.status) this.statuses.value = { ...this.statuses.value, [event.modelId]: event.status };
        else this.refresh();
        return;
      case 'downloads/status':
        this.question = 'none';
        this.statuses.value = { ...this.statuses.value, ...event.statuses };
        this.active.value = event.active;
        return;
    }
  }
}
