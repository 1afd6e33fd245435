/** Runs engine requests from the background one at a time in the offscreen document, and reports idleness. */
import type { TypedPort } from '../messaging/ports';
import type {
  BackgroundToEngineHost,
  EngineHostSettings,
  EngineHostToBackground,
  EngineStatus,
  GenerateRequest,
} from '../messaging/protocol';
import type { Engine } from './engine';
import { describeEngineFailure } from './failures';
import { checkModelSource } from './model-source-check';

export type EngineHostPort = TypedPort<EngineHostToBackground, BackgroundToEngineHost>;

export interface EngineHostOptions {
  /** Returns the engine for these settings, reusing the current one when it fits. */
  engineFor(settings: EngineHostSettings, current: Engine | undefined): Promise<Engine>;
  /** Called once the host has been idle for settings.idleTimeoutMs with the model unloaded. */
  onIdle(): void;
}

interface Job {
  request: GenerateRequest;
  port: EngineHostPort;
  cancelled: boolean;
}

export class EngineHost {
  private engine: Engine | undefined;
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;
  private running: Job | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly options: EngineHostOptions) {}

  attach(port: EngineHostPort): void {
    const ownJobs = new Set<string>();
    port.onMessage((message) => {
      if (message.type === 'engine/generate') {
        ownJobs.add(message.request.requestId);
        this.enqueue({ request: message.request, port, cancelled: false }, message.settings);
      } else if (message.type === 'engine/cancel') {
        this.cancel(message.requestId);
      }
    });
    // The background went away (service worker stopped, panel closed): nobody is left to read the reply.
    port.onDisconnect(() => ownJobs.forEach((requestId) => this.cancel(requestId)));
  }

  status(): EngineStatus {
    return {
      engine: this.engine?.kind ?? 'webllm',
      loadedModels: this.engine?.loadedModels() ?? [],
      busy: this.pending > 0,
    };
  }

  get currentEngine(): Engine | undefined {
    return this.engine;
  }

  private enqueue(job: Job, settings: EngineHostSettings): void {
    this.clearIdleTimer();
    this.jobs.set(job.request.requestId, job);
    this.pending++;
    this.tail = this.tail
      .then(() => this.run(job, settings))
      // One failed job must never stop the jobs queued behind it.
      .catch(() => undefined)
      .finally(() => {
        this.jobs.delete(job.request.requestId);
        this.pending--;
        if (this.pending === 0) this.startIdleTimer(settings.idleTimeoutMs);
      });
  }

  private cancel(requestId: string): void {
    const job = this.jobs.get(requestId);
    if (!job) return;
    job.cancelled = true;
    if (this.running === job) this.engine?.interrupt();
  }

  private async run(job: Job, settings: EngineHostSettings): Promise<void> {
    const { request, port } = job;
    const { requestId, record } = request;
    if (job.cancelled) {
      port.post({ type: 'engine/done', requestId, stopped: true });
      return;
    }
    this.running = job;
    try {
      const engine = (this.engine = await this.options.engineFor(settings, this.engine));
      await engine.load(record, (progress) =>
        port.post({ type: 'engine/loading', requestId, modelId: record.model_id, progress }),
      );
      if (job.cancelled) {
        port.post({ type: 'engine/done', requestId, stopped: true });
        return;
      }
      port.post({ type: 'engine/generating', requestId, modelId: record.model_id });
      const result = await engine.generate(
        record.model_id,
        { messages: request.messages, temperature: request.temperature, maxTokens: request.maxTokens },
        (text) => port.post({ type: 'engine/delta', requestId, text }),
      );
      port.post({ type: 'engine/done', requestId, stopped: result.stopped || job.cancelled });
    } catch (error) {
      const failure = describeEngineFailure(error, { modelHost: hostOf(record.model) });
      const error_ =
        failure.code === 'model-download-failed' || failure.code === 'model-source-unreachable'
          ? await checkModelSource(record, failure)
          : failure;
      port.post({ type: 'engine/error', requestId, error: error_ });
    } finally {
      this.running = undefined;
    }
  }

  /** (Re)starts the countdown after which the model is unloaded and the host asks to be closed. */
  startIdleTimer(idleTimeoutMs: number): void {
    this.clearIdleTimer();
    this.idleTimer = setTimeout(() => {
      void (async () => {
        await this.engine?.unload().catch(() => undefined);
        this.options.onIdle();
      })();
    }, idleTimeoutMs);
  }

  private clearIdleTimer(): void {
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}
