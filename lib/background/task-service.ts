/** Serves the side panel's task port in the background: runs each task with a context, streams its results back. */
import type { EngineRun, EngineRunHandlers } from './engine-client';
import { tacitError, unknownError, type TacitError } from '../core/errors';
import { errorName } from '../core/diagnostics';
import { relayBatcher } from '../core/delta-batcher';
import { recordDiagnostic } from './diagnostics-log';
import type { TypedPort } from '../protocol/ports';
import type {
  BackgroundToPanel,
  EngineHostSettings,
  GenerateRequest,
  PanelToBackground,
  TaskAnswer,
  TaskRequest,
} from '../protocol/messages';
import { runAsk } from '../tasks/ask/run';
import { runDraftReply, type MailAccess } from '../tasks/draft/run';
import { runRefineDraft } from '../tasks/refine-draft/run';
import type { ConversationStore } from '../tasks/common/conversations';
import { runFollowUp } from '../tasks/follow-up/run';
import {
  chooseModel,
  contextWindowOf,
  DEFAULT_CONTEXT_WINDOW,
  withLighterModelSuggestion,
  type TaskEnvironment,
} from '../tasks/common/model-choice';
import { runRewrite, type SelectionAccess } from '../tasks/rewrite/run';
import { runSummarizePage, runSummarizeSelection, type PageAccess } from '../tasks/summarize/run';
import {
  TaskFailure,
  type GenerateOptions,
  type Generation,
  type TaskContext,
  type TaskOutcome,
} from '../tasks/common/task-context';

export interface TaskServiceDeps {
  environment(): Promise<TaskEnvironment>;
  engineSettings(): Promise<EngineHostSettings>;
  /** Makes sure the engine host exists before a run starts. */
  prepareEngine(): Promise<void>;
  startEngineRun(request: GenerateRequest, settings: EngineHostSettings, handlers: EngineRunHandlers): EngineRun;
  /** Calls onGone when the tab closes or navigates; returns an unsubscribe function. */
  watchTab(tabId: number, onGone: (error: TacitError) => void): () => void;
  pageAccess: PageAccess;
  selectionAccess: SelectionAccess;
  mailAccess: MailAccess;
  conversations: ConversationStore;
}

export type PanelPort = TypedPort<BackgroundToPanel, PanelToBackground>;

/** Tasks this service worker is running; a restarted worker starts empty, which is how panels notice the restart. */
const runningTasks = new Set<string>();

export function isTaskRunning(requestId: string): boolean {
  return runningTasks.has(requestId);
}

/** The one place every task kind is dispatched. */
function runTask(task: TaskRequest, ctx: TaskContext, deps: TaskServiceDeps): Promise<TaskOutcome> {
  switch (task.kind) {
    case 'ask':
      return runAsk(task.prompt, ctx);
    case 'summarize-page':
      return runSummarizePage(task.target, task.options, ctx, deps.pageAccess, deps.conversations);
    case 'summarize-selection':
      return runSummarizeSelection(task.tabId, task.frameId, task.options, ctx, deps.pageAccess, deps.conversations);
    case 'follow-up':
      return runFollowUp(task.conversationId, task.question, ctx, deps.conversations);
    case 'rewrite':
      return runRewrite(task, ctx, deps.selectionAccess);
    case 'draft-reply':
      return runDraftReply(task, ctx, deps.mailAccess);
    case 'refine-draft':
      return runRefineDraft(task, ctx);
  }
}

export function servePanelPort(port: PanelPort, deps: TaskServiceDeps): void {
  const running = new Map<string, AbortController>();
  /** Tasks waiting for the user's choice (ctx.confirm), by request id. */
  const answers = new Map<string, (answer: TaskAnswer) => void>();
  // Each panel is one client of the engine queue, which takes turns between clients.
  const clientId = crypto.randomUUID();

  port.onMessage((message) => {
    if (message.type === 'task/cancel') running.get(message.requestId)?.abort();
    else if (message.type === 'task/answer') answers.get(message.requestId)?.(message.answer);
    else void start(message.requestId, message.task);
  });
  // Panel closed: stop its work so the GPU is free for others.
  port.onDisconnect(() => running.forEach((controller) => controller.abort()));

  async function start(requestId: string, task: TaskRequest): Promise<void> {
    const controller = new AbortController();
    running.set(requestId, controller);
    runningTasks.add(requestId);
    const cleanups: Array<() => void> = [];
    let failure: TacitError | undefined;
    const fail = (error: TacitError) => {
      failure ??= error;
      controller.abort();
    };
    const relay = panelRelay(port, requestId);
    const ctx = createContext(requestId, clientId, controller.signal, relay, deps, cleanups, fail, answers);
    // The panel shows the failure; the record keeps its code for a bug report (an unexpected throw: its class name).
    const reportFailure = (error: TacitError, reason?: string) => {
      recordDiagnostic('task-failed', { task: task.kind, error: error.code, reason });
      relay.post({ type: 'task/error', requestId, error });
    };
    try {
      const outcome = await runTask(task, ctx, deps);
      if (failure) reportFailure(failure);
      else relay.post({ type: 'task/done', requestId, stopped: outcome.stopped || controller.signal.aborted });
    } catch (error) {
      if (failure) reportFailure(failure);
      else if (error instanceof TaskFailure) reportFailure(error.failure);
      else reportFailure(unknownError(String(error)), errorName(error));
    } finally {
      cleanups.forEach((cleanup) => cleanup());
      running.delete(requestId);
      runningTasks.delete(requestId);
    }
  }
}

/** One task's messages to the panel: text merged per hop, anything else sent only after the text before it. */
interface PanelRelay {
  delta(text: string): void;
  post(message: BackgroundToPanel): void;
}

function panelRelay(port: PanelPort, requestId: string): PanelRelay {
  const deltas = relayBatcher((text) => port.post({ type: 'task/delta', requestId, text }));
  return {
    delta: (text) => deltas.push(text),
    post: (message) => {
      deltas.flush();
      port.post(message);
    },
  };
}

function createContext(
  requestId: string,
  clientId: string,
  signal: AbortSignal,
  relay: PanelRelay,
  deps: TaskServiceDeps,
  cleanups: Array<() => void>,
  fail: (error: TacitError) => void,
  answers: Map<string, (answer: TaskAnswer) => void>,
): TaskContext {
  // Read once per task: a long page's map-reduce makes dozens of generations with the same settings and host.
  let environment: Promise<TaskEnvironment> | undefined;
  let engineReady: Promise<EngineHostSettings> | undefined;
  let generation = 0;
  const environmentOnce = () => (environment ??= deps.environment());
  return {
    requestId,
    signal,
    phase: (phase) => relay.post({ type: 'task/phase', requestId, phase }),
    delta: (text) => relay.delta(text),
    source: (source) => relay.post({ type: 'task/source', requestId, source }),
    // A run starts with no links allowed, so an empty list need not travel.
    allowLinks: (links) => {
      if (links.length > 0) relay.post({ type: 'task/links', requestId, links });
    },
    result: (result) => relay.post({ type: 'task/result', requestId, result }),
    watchTab: (tabId) => cleanups.push(deps.watchTab(tabId, fail)),
    // Waits for the panel's answer; a stop (or the panel closing) while waiting ends the wait with null.
    confirm: (question) =>
      new Promise((resolve) => {
        if (signal.aborted) return resolve(null);
        const settle = (answer: TaskAnswer | null) => {
          answers.delete(requestId);
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        };
        const onAbort = () => settle(null);
        answers.set(requestId, settle);
        signal.addEventListener('abort', onAbort, { once: true });
        relay.post({ type: 'task/question', requestId, question });
      }),
    // The window of the model the task will run on; a task that cannot run fails at generate, with the reason.
    contextWindow: async (task) => {
      const choice = chooseModel(task, await environmentOnce());
      return choice.ok ? contextWindowOf(choice.record) : DEFAULT_CONTEXT_WINDOW;
    },
    async generate(options: GenerateOptions): Promise<Generation> {
      if (signal.aborted) return { text: '', stopped: true };
      const choice = chooseModel(options.task, await environmentOnce());
      if (!choice.ok) throw new TaskFailure(choice.error);
      engineReady ??= Promise.all([
        deps.engineSettings(),
        deps.prepareEngine().catch(() => {
          throw new TaskFailure(tacitError('engine-unavailable'));
        }),
      ]).then(([settings]) => settings);
      const settings = await engineReady;
      if (signal.aborted) return { text: '', stopped: true };
      const request: GenerateRequest = {
        requestId: `${requestId}:${generation++}`,
        clientId,
        record: choice.record,
        messages: options.messages,
        maxTokens: options.maxTokens,
        temperature: options.temperature,
      };
      return new Promise<Generation>((resolve, reject) => {
        let text = '';
        let generatingSince: number | undefined;
        const run = deps.startEngineRun(request, settings, {
          onQueued: (position) => relay.post({ type: 'task/phase', requestId, phase: { phase: 'queued', position } }),
          onLoading: (modelId, progress) =>
            relay.post({
              type: 'task/phase',
              requestId,
              phase: { phase: 'loading-model', modelId, progress, use: choice.use },
            }),
          onGenerating: (modelId) => {
            generatingSince = performance.now();
            if (options.stream)
              relay.post({ type: 'task/phase', requestId, phase: { phase: 'generating', modelId, use: choice.use } });
          },
          onDelta: (delta) => {
            text += delta;
            if (options.stream) relay.delta(delta);
          },
          onDone: (stopped) => {
            signal.removeEventListener('abort', cancel);
            const generatingMs = generatingSince === undefined ? undefined : performance.now() - generatingSince;
            resolve({ text, stopped: stopped || signal.aborted, generatingMs });
          },
          onError: (error) => {
            signal.removeEventListener('abort', cancel);
            reject(new TaskFailure(withLighterModelSuggestion(error, options.task, choice.lighterAvailable)));
          },
        });
        const cancel = () => run.cancel();
        signal.addEventListener('abort', cancel, { once: true });
      });
    },
  };
}
