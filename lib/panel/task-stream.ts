/** The side panel's view of one streamed task: its text, phase, source and outcome as signals, over a port to the background. */
import { batch, computed, signal } from '@preact/signals';
import { errorName, type RecordDiagnostic } from '../core/diagnostics';
import { tacitError, type TacitError } from '../core/errors';
import type {
  BackgroundToPanel,
  TaskAnswer,
  TaskPhase,
  TaskQuestion,
  TaskRequest,
  TaskResult,
  TaskSource,
} from '../protocol/messages';
import { FrameBatcher } from './frame-batcher';
import { TextLog } from './text-log';
import type { SendRequest, TaskPort } from './panel-deps';

export type TaskStreamState = 'empty' | 'running' | 'done' | 'stopped' | 'error';

/** If the engine does not confirm a Stop in time, the panel stops listening anyway: the user asked to stop. */
const STOP_CONFIRM_TIMEOUT_MS = 1500;
/** While a task runs, the panel asks this often whether the background still knows it. */
export const LIVENESS_CHECK_MS = 5000;
/** Answers of "not running" in a row (with no message in between) before the task counts as lost. */
const LOST_AFTER_CHECKS = 2;

export interface TaskStreamDeps {
  openTaskPort(): TaskPort;
  /** Whether the background still runs a task; a restarted service worker has forgotten it. */
  isTaskRunning(requestId: string): Promise<boolean>;
}

/** Called as a stream's runs begin and end: the panel keeps its status line and its list of streams up to date. */
export interface TaskStreamHooks {
  onStart?(): void;
  onSettled?(): void;
}

export interface StartOptions {
  /** Called once when this run ends: done, stopped or error. */
  onSettled?(state: TaskStreamState): void;
  /**
   * Keep the previous run's text (and source) on screen until this run's own text arrives, so that a failed re-run of
   * the same thing loses nothing (Regenerate, retries, drafts). Without it the stream is cleared at once: a task about
   * something new never shows the old subject's text.
   */
  keepText?: boolean;
}

/** Asks the background; an unknown answer counts as running: only a background that forgot the task ends it. */
export function askBackgroundIfRunning(
  sendRequest: SendRequest,
  recordDiagnostic: RecordDiagnostic,
): TaskStreamDeps['isTaskRunning'] {
  return (requestId) =>
    sendRequest('task/running', { requestId })
      .then((answer) => answer?.running ?? true)
      .catch((error: unknown) => {
        // Reaches the log if the background answers again by then (it restarts on the next message).
        recordDiagnostic('task-liveness-failed', { error: errorName(error) });
        return true;
      });
}

export class TaskStream {
  readonly text = signal('');
  /** What was written to `text`, piece by piece: what the view that renders it as it grows reads (see TextLog). */
  readonly textLog = new TextLog();
  readonly state = signal<TaskStreamState>('empty');
  readonly phase = signal<TaskPhase | null>(null);
  readonly error = signal<TacitError | null>(null);
  readonly source = signal<TaskSource | null>(null);
  /** The cleaned-up final result, when the task sends one (rewrites). */
  readonly result = signal<TaskResult | null>(null);
  /** A choice the task waits for (a very long summary); null when it waits for nothing. */
  readonly question = signal<TaskQuestion | null>(null);
  readonly running = computed(() => this.state.value === 'running');
  /** Streamed text reaches `text` once per frame at most (the first delta of a run at once). */
  private readonly deltas = new FrameBatcher((text) => {
    this.textLog.append(text);
    this.text.value += text;
  });
  /** Whether any text is shown: what views above the text read, so that they do not follow every word. */
  readonly hasText = computed(() => this.text.value !== '');
  /** The addresses the shown text may link to (what its task read, the user's words); any other is shown as text. */
  readonly links = signal<ReadonlySet<string>>(new Set());
  /** Text to copy: there is some, and it is no longer being written (a stopped or failed run's text counts). */
  readonly copyable = computed(() => !this.running.value && this.hasText.value);

  private port: TaskPort | undefined;
  private requestId: string | undefined;
  private stopTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set by Stop: text still in flight is dropped, so the text ends where the user stopped it. */
  private stopping = false;
  /** A new run keeps the previous text on screen until its own text arrives, so a failed re-run loses nothing. */
  private receivedText = false;
  private previousState: TaskStreamState = 'empty';
  private pendingSource: TaskSource | null = null;
  private pendingLinks: ReadonlySet<string> = new Set();
  private runSettled: ((state: TaskStreamState) => void) | undefined;
  private task: TaskRequest | undefined;

  constructor(
    private readonly deps: TaskStreamDeps,
    private readonly hooks: TaskStreamHooks = {},
  ) {}

  private liveness: ReturnType<typeof setInterval> | undefined;
  private missedChecks = 0;

  /**
   * A stopped service worker normally closes the port, and the panel says so at once. Chrome does not always tell:
   * this check notices a background that forgot the task, so the panel never waits forever.
   */
  private watchLiveness(requestId: string): void {
    clearInterval(this.liveness);
    this.missedChecks = 0;
    this.liveness = setInterval(() => {
      void this.deps.isTaskRunning(requestId).then((running) => {
        if (requestId !== this.requestId || !this.running.value) return;
        this.missedChecks = running ? 0 : this.missedChecks + 1;
        if (this.missedChecks < LOST_AFTER_CHECKS) return;
        // The port went with the old service worker without saying so: the next task needs a new one.
        this.dispose();
        this.settle(requestId, 'error', { code: 'background-restarted' });
      });
    }, LIVENESS_CHECK_MS);
  }

  /** The task this stream ran last, for Regenerate and retries. */
  get lastTask(): TaskRequest | undefined {
    return this.task;
  }

  start(task: TaskRequest, { onSettled, keepText = false }: StartOptions = {}): void {
    if (this.running.value) this.stop();
    this.runSettled = onSettled;
    const requestId = crypto.randomUUID();
    this.requestId = requestId;
    this.task = task;
    this.previousState = this.state.value === 'running' ? 'empty' : this.state.value;
    this.receivedText = false;
    this.deltas.reset();
    this.pendingSource = null;
    this.pendingLinks = new Set();
    this.error.value = null;
    this.phase.value = null;
    this.question.value = null;
    this.stopping = false;
    this.state.value = 'running';
    if (!keepText) this.beginText();
    this.ensurePort().post({ type: 'task/start', requestId, task });
    this.watchLiveness(requestId);
    this.hooks.onStart?.();
  }

  /** Runs the last task again (e.g. after switching to the lighter model), keeping its text until new text comes. */
  retry(): void {
    if (this.task && !this.running.value) this.start(this.task, { onSettled: this.runSettled, keepText: true });
  }

  stop(): void {
    const requestId = this.requestId;
    if (!this.running.value || !requestId || this.stopping) return;
    // What arrived before Stop is shown; what comes after is dropped.
    this.deltas.flush();
    this.stopping = true;
    this.question.value = null;
    this.port?.post({ type: 'task/cancel', requestId });
    this.stopTimer = setTimeout(() => this.settle(requestId, 'stopped'), STOP_CONFIRM_TIMEOUT_MS);
  }

  /** Gives the task the user's choice; the question goes away. */
  answer(answer: TaskAnswer): void {
    const requestId = this.requestId;
    if (!this.question.value || !requestId || !this.running.value) return;
    this.question.value = null;
    this.port?.post({ type: 'task/answer', requestId, answer });
  }

  /** The user dismissed this output: a running task is cancelled, and the stream is empty again. */
  clear(): void {
    const requestId = this.requestId;
    const wasRunning = this.running.value;
    if (wasRunning && requestId && !this.stopping) this.port?.post({ type: 'task/cancel', requestId });
    clearTimeout(this.stopTimer);
    clearInterval(this.liveness);
    // Messages still on their way for the dismissed run are ignored from here on.
    this.requestId = undefined;
    this.task = undefined;
    this.deltas.reset();
    batch(() => {
      this.replaceText('');
      this.links.value = new Set();
      this.source.value = null;
      this.result.value = null;
      this.error.value = null;
      this.phase.value = null;
      this.question.value = null;
      this.state.value = 'empty';
    });
    if (wasRunning) {
      this.runSettled?.('stopped');
      this.hooks.onSettled?.();
    }
  }

  dispose(): void {
    clearInterval(this.liveness);
    this.port?.disconnect();
    this.port = undefined;
  }

  private ensurePort(): TaskPort {
    if (this.port) return this.port;
    const port = this.deps.openTaskPort();
    port.onMessage((message) => this.receive(message));
    // The service worker stopped mid-task: keep what was written and say why it ended.
    port.onDisconnect(() => {
      this.port = undefined;
      const requestId = this.requestId;
      if (this.running.value && requestId) this.settle(requestId, 'error', { code: 'background-restarted' });
    });
    this.port = port;
    return port;
  }

  private receive(message: BackgroundToPanel): void {
    if (message.requestId !== this.requestId || !this.running.value) return;
    this.missedChecks = 0;
    switch (message.type) {
      case 'task/phase':
        this.phase.value = message.phase;
        return;
      case 'task/question':
        if (!this.stopping) this.question.value = message.question;
        return;
      case 'task/source':
        if (this.receivedText) this.source.value = message.source;
        else this.pendingSource = message.source;
        return;
      case 'task/links':
        if (this.receivedText) this.links.value = new Set(message.links);
        else this.pendingLinks = new Set(message.links);
        return;
      case 'task/delta':
        if (this.stopping) return;
        this.beginText();
        this.deltas.push(message.text);
        return;
      case 'task/result':
        this.deltas.reset();
        this.beginText();
        this.replaceText(message.result.text);
        this.result.value = message.result;
        return;
      case 'task/done':
        return this.settle(message.requestId, message.stopped ? 'stopped' : 'done');
      case 'task/error':
        return this.settle(message.requestId, 'error', message.error);
    }
  }

  private replaceText(text: string): void {
    this.textLog.replace(text);
    this.text.value = text;
  }

  /** The first text of a run replaces what the previous run left on screen. */
  private beginText(): void {
    if (this.receivedText) return;
    this.receivedText = true;
    this.replaceText('');
    this.result.value = null;
    this.source.value = this.pendingSource;
    this.links.value = this.pendingLinks;
  }

  private settle(requestId: string, ended: Exclude<TaskStreamState, 'empty' | 'running'>, failure?: TacitError): void {
    if (requestId !== this.requestId || !this.running.value) return;
    this.deltas.flush();
    // A reply that ended with nothing to show says so, rather than leaving an empty card (or the last run's text).
    const empty = ended === 'done' && (!this.receivedText || this.text.value.trim() === '');
    const state = empty ? 'error' : ended;
    const error = empty ? tacitError('empty-reply') : failure;
    if (empty) this.beginText();
    clearTimeout(this.stopTimer);
    clearInterval(this.liveness);
    this.phase.value = null;
    this.question.value = null;
    this.error.value = error ?? null;
    if (!this.receivedText && state === 'done') this.source.value = this.pendingSource;
    // Stopped before any text: nothing new was written, the panel stays as it was.
    this.state.value = state === 'stopped' && !this.receivedText ? this.previousState : state;
    this.runSettled?.(state);
    this.hooks.onSettled?.();
  }
}
