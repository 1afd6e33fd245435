/**
 * Runs model downloads in the engine host (so they go on while Options is closed) and tells every connected
 * page how they progress. One download per model at a time; the host stays open while any runs. WebLLM models live
 * in WebLLM's Cache Storage, GGUF models in the GGUF store (OPFS): Options sees one list either way.
 */
import { isGgufRecord, isWebLlmRecord } from '../../models/records';
import type { AnyModelRecord } from '../../models/types';
import type { TypedPort } from '../../protocol/ports';
import type { DownloadsEvent, DownloadsRequest, ModelDiskStatus } from '../../protocol/messages';
import { deleteAllModelFiles, deleteModelFiles } from './delete-model';
import { downloadModel, type DownloadOptions } from './download-model';
import { modelCacheStatus } from './cache-status';
import type { CacheStorageLike } from './cache-store';
import { downloadFailure, type DownloadError } from './download-errors';
import type { GgufStore } from './gguf-store';
import { errorName, type DiagnosticDetails, type RecordDiagnostic } from '../../core/diagnostics';

export type DownloadsPort = TypedPort<DownloadsEvent, DownloadsRequest>;

export interface DownloadServiceDeps {
  caches: CacheStorageLike;
  gguf: GgufStore;
  fetch: typeof fetch;
  now(): number;
  /** Where failures go that Options shows only as a message (the background's diagnostics). */
  recordDiagnostic?: RecordDiagnostic;
  /** How long a report waits at most for the one before it (a read of the store that never ends). */
  reportWaitMs?: number;
}

const REPORT_WAIT_MS = 5000;

export class DownloadService {
  private readonly ports = new Set<DownloadsPort>();
  private readonly running = new Map<string, AbortController>();
  /** Every report of what is stored waits for the one before it, so none lands after a newer one (see `inOrder`). */
  private reports: Promise<void> = Promise.resolve();

  constructor(private readonly deps: DownloadServiceDeps) {}

  get busy(): boolean {
    return this.running.size > 0;
  }

  attach(port: DownloadsPort): void {
    this.ports.add(port);
    port.onDisconnect(() => this.ports.delete(port));
    port.onMessage((request) => void this.handle(request, port));
  }

  private async handle(request: DownloadsRequest, port: DownloadsPort): Promise<void> {
    switch (request.type) {
      case 'downloads/start':
        return this.start(request.record);
      case 'downloads/cancel':
        this.running.get(request.modelId)?.abort();
        return;
      case 'downloads/status':
        return this.inOrder(async () =>
          port.post({
            type: 'downloads/status',
            statuses: await this.statuses(request.records),
            active: [...this.running.keys()],
          }),
        );
      case 'downloads/delete':
        this.running.get(request.record.model_id)?.abort();
        if (isGgufRecord(request.record)) await this.deps.gguf.delete(request.record);
        else await deleteModelFiles(request.record, this.deps, request.otherRecords.filter(isWebLlmRecord));
        return this.inOrder(async () =>
          this.broadcast({
            type: 'downloads/status',
            statuses: await this.statuses([request.record]),
            active: [...this.running.keys()],
          }),
        );
      case 'downloads/delete-all':
        this.running.forEach((controller) => controller.abort());
        await deleteAllModelFiles(this.deps);
        await this.deps.gguf.deleteAll();
        return this.inOrder(async () =>
          this.broadcast({ type: 'downloads/status', statuses: await this.statuses(request.records), active: [] }),
        );
    }
  }

  private async start(record: AnyModelRecord): Promise<void> {
    const modelId = record.model_id;
    if (this.running.has(modelId)) return;
    const controller = new AbortController();
    this.running.set(modelId, controller);
    const download = (options: DownloadOptions) =>
      isGgufRecord(record) ? this.deps.gguf.download(record, options) : downloadModel(record, this.deps, options);
    const result = await download({
      signal: controller.signal,
      onProgress: (progress) =>
        this.broadcast({
          type: 'downloads/progress',
          modelId,
          progress: {
            loadedBytes: progress.loadedBytes,
            totalBytes: progress.totalBytes,
            fraction: progress.fraction,
            ...(progress.etaSeconds === undefined ? {} : { etaSeconds: progress.etaSeconds }),
          },
        }),
    }).catch((error: unknown): { ok: false; error: DownloadError } => ({
      ok: false,
      error: { code: 'storage', detail: String(error) },
    }));
    this.running.delete(modelId);
    if (!result.ok && result.error.code !== 'cancelled')
      this.deps.recordDiagnostic?.('download-failed', { model: modelId, ...downloadFacts(result.error) });
    if (!result.ok && result.error.code === 'corrupt') {
      await this.deleteFiles(record).catch((error: unknown) =>
        this.deps.recordDiagnostic?.('download-cleanup-failed', { model: modelId, error: errorName(error) }),
      );
    }
    const error = result.ok ? null : downloadFailure(result.error);
    // What is stored now goes with the news, after every report asked for while the download ran.
    await this.inOrder(async () => {
      const status = await this.statuses([record]).then(
        (statuses) => statuses[modelId],
        () => undefined,
      );
      this.broadcast({ type: 'downloads/finished', modelId, error, ...(status ? { status } : {}) });
    });
  }

  /**
   * Runs one report after the ones before it. Reading what is stored takes many awaits, so a report asked for while a
   * download ran could otherwise finish after the download's own and show a finished model as not downloaded.
   */
  private inOrder(report: () => Promise<void>): Promise<void> {
    const done = this.reports.then(report);
    // A read that never ends holds up the reports after it for a while, not for good.
    const waited = new Promise<void>((resolve) => setTimeout(resolve, this.deps.reportWaitMs ?? REPORT_WAIT_MS));
    this.reports = Promise.race([done, waited]).catch(() => undefined);
    return done;
  }

  private async deleteFiles(record: AnyModelRecord): Promise<void> {
    if (isGgufRecord(record)) await this.deps.gguf.delete(record);
    else await deleteModelFiles(record, this.deps, []);
  }

  private async statuses(records: AnyModelRecord[]): Promise<Record<string, ModelDiskStatus>> {
    const status = (record: AnyModelRecord) =>
      isGgufRecord(record) ? this.deps.gguf.status(record) : modelCacheStatus(record, this.deps);
    const entries = await Promise.all(records.map(async (record) => [record.model_id, await status(record)] as const));
    return Object.fromEntries(entries);
  }

  private broadcast(event: DownloadsEvent): void {
    this.ports.forEach((port) => port.post(event));
  }
}

/** A failed download's facts for the diagnostics: its kind, host name and HTTP status, never a URL or a message. */
function downloadFacts(error: DownloadError): DiagnosticDetails {
  switch (error.code) {
    case 'network':
      return { reason: error.code, host: hostName(error.host) };
    case 'http':
      return { reason: error.code, host: hostName(error.host), status: error.status };
    case 'corrupt':
      return { reason: error.code, count: error.urls.length };
    default:
      return { reason: error.code };
  }
}

/** 'example.com:8443' → 'example.com'. */
function hostName(host: string): string {
  return host.replace(/:\d+$/, '');
}
