/**
 * The side panel's state: the summary, follow-up turns, rewrite, draft, options, and intents arriving from the background.
 * Everything it needs from the browser comes in as PanelDeps.
 */
import { computed, signal } from '@preact/signals';
import { recordRequestFailures } from '../protocol/diagnostics';
import type { RequestFailureListener } from '../protocol/requests';
import type { PageTarget, PanelIntent, PanelPlacement, PanelStatus, SummaryRequestOptions } from '../protocol/messages';
import type { TacitError } from '../core/errors';
import { normalizeSummaryOptions } from '../tasks/summarize/options';
import { normalizeLanguageChoice } from '../tasks/common/output-language';
import type { RewriteStyle } from '../tasks/rewrite/types';
import type { HubPort, PanelDeps } from './panel-deps';
import { StreamRegistry } from './stream-registry';
import { askBackgroundIfRunning, type TaskStream, type TaskStreamState } from './task-stream';
import { DraftController } from './draft-controller';

/** What the panel shows: the page (summary, questions) or a reply to the mail conversation. */
export type PanelView = 'page' | 'reply';

/** A custom rewrite waiting for the user's instruction. */
export interface PendingCustomRewrite {
  tabId: number;
  frameId: number;
  instruction: string;
}

/** How putting a rewrite back into the page went. */
/** `undoSteps` above 1: the page's editor takes the change back in that many undo steps, not one. */
export type ApplyOutcome =
  { ok: true; mode: 'replace' | 'insert-below'; undoSteps: number } | { ok: false; error: TacitError };

export interface FollowUpTurn {
  question: string;
  answer: TaskStream;
}

/** Keeps the valid parts of the stored summary options and fills the rest with the defaults. */
function normalizeRequestOptions(value: Partial<SummaryRequestOptions> | null | undefined): SummaryRequestOptions {
  return { ...normalizeSummaryOptions(value ?? undefined), language: normalizeLanguageChoice(value?.language) };
}

export class PanelController {
  /** Every stream below, and each follow-up's: what is running, what it is doing, Stop. */
  private readonly streams: StreamRegistry;
  readonly summary: TaskStream;
  readonly ask: TaskStream;
  readonly rewrite: TaskStream;
  readonly draft: DraftController;
  /** The GPU and the engine, as the background last reported them; null until it answers. */
  readonly status = signal<PanelStatus | null>(null);
  readonly view = signal<PanelView>('page');
  readonly pendingCustom = signal<PendingCustomRewrite | null>(null);
  readonly applyOutcome = signal<ApplyOutcome | null>(null);
  readonly turns = signal<FollowUpTurn[]>([]);
  readonly options = signal<SummaryRequestOptions>(normalizeRequestOptions(null));
  /** A refusal that came with an intent (e.g. a restricted page in the context menu). */
  readonly notice = signal<TacitError | null>(null);
  readonly conversationId = computed(() => this.summary.source.value?.conversationId || null);
  readonly busy: StreamRegistry['busy'];
  readonly phase: StreamRegistry['phase'];

  /** Where this panel is; a click on "Summarize this page" right after opening waits for it rather than doing nothing. */
  private placement: Promise<PanelPlacement> | undefined;
  private hub: HubPort | undefined;

  private readonly requestFailed: RequestFailureListener;

  constructor(private readonly deps: PanelDeps) {
    this.requestFailed = recordRequestFailures(deps.recordDiagnostic);
    this.streams = new StreamRegistry(
      {
        openTaskPort: () => deps.openTaskPort(),
        isTaskRunning: askBackgroundIfRunning(deps.sendRequest, deps.recordDiagnostic),
      },
      () => this.refreshStatus(),
    );
    this.busy = this.streams.busy;
    this.phase = this.streams.phase;
    this.summary = this.streams.open();
    this.ask = this.streams.open();
    this.rewrite = this.streams.open();
    this.draft = new DraftController(this.streams.open(), {
      sendRequest: deps.sendRequest,
      recordDiagnostic: deps.recordDiagnostic,
      requestSiteAccess: (origin) => deps.requestSiteAccess(origin),
      draftOptions: deps.settings.draftOptions,
      target: async () => ({ panel: await this.currentPlacement() }),
    });
  }

  async connect(): Promise<void> {
    this.refreshStatus();
    const [stored, placement] = await Promise.all([
      this.deps.settings.summaryOptions.getValue(),
      this.currentPlacement(),
      this.draft.load(),
    ]);
    this.options.value = normalizeRequestOptions(stored);
    const hub = this.deps.openHubPort();
    hub.onMessage((message) => this.handleIntent(message.intent));
    hub.post({ type: 'panel/hello', placement });
    this.hub = hub;
  }

  dispose(): void {
    this.hub?.disconnect();
    this.draft.dispose();
    this.streams.dispose();
  }

  /** Asks the background how the GPU and the engine are; called at start and whenever a task ends. */
  private refreshStatus(): void {
    void this.deps
      .sendRequest('panel/status')
      .then((status) => (this.status.value = status))
      // Without an answer the status line keeps what it showed last.
      .catch((error: unknown) => this.requestFailed('panel/status', error));
  }

  setOptions(options: SummaryRequestOptions): void {
    this.options.value = options;
    void this.deps.settings.summaryOptions.setValue(options);
  }

  summarizePage(target?: PageTarget): void {
    if (!target) {
      void this.currentPlacement().then((panel) => this.summarizePage({ panel }));
      return;
    }
    this.notice.value = null;
    this.resetConversation();
    this.summary.start({ kind: 'summarize-page', target, options: this.options.value });
  }

  summarizeSelection(tabId: number, frameId: number): void {
    this.notice.value = null;
    this.resetConversation();
    this.summary.start({ kind: 'summarize-selection', tabId, frameId, options: this.options.value });
  }

  /** Runs the last summary again with the current options. */
  regenerate(): void {
    const last = this.summary.lastTask;
    if (last?.kind === 'summarize-page') this.summarizePage(last.target);
    else if (last?.kind === 'summarize-selection') this.summarizeSelection(last.tabId, last.frameId);
  }

  /** With a summary on screen the question is about that page; otherwise it is a free question. */
  submitQuestion(question: string, onSettled?: (state: TaskStreamState) => void): void {
    const conversationId = this.conversationId.value;
    if (!conversationId) {
      this.ask.start({ kind: 'ask', prompt: question }, onSettled);
      return;
    }
    const answer = this.streams.open();
    this.turns.value = [...this.turns.value, { question, answer }];
    answer.start({ kind: 'follow-up', conversationId, question }, onSettled);
  }

  /** Rewrites the selection in that frame; a custom style first asks for the instruction. */
  async startRewrite(tabId: number, frameId: number, style: RewriteStyle): Promise<void> {
    this.notice.value = null;
    this.applyOutcome.value = null;
    void this.deps.settings.lastRewriteStyle.setValue(style);
    if (style === 'custom') {
      this.pendingCustom.value = {
        tabId,
        frameId,
        instruction: await this.deps.settings.lastCustomInstruction.getValue(),
      };
      return;
    }
    this.pendingCustom.value = null;
    this.rewrite.start({ kind: 'rewrite', tabId, frameId, style });
  }

  submitCustomRewrite(instruction: string): void {
    const pending = this.pendingCustom.value;
    if (!pending) return;
    void this.deps.settings.lastCustomInstruction.setValue(instruction);
    this.pendingCustom.value = null;
    this.rewrite.start({
      kind: 'rewrite',
      tabId: pending.tabId,
      frameId: pending.frameId,
      style: 'custom',
      customInstruction: instruction,
    });
  }

  /** Puts the rewrite into the page; on failure the result stays in the panel to copy. */
  async applyRewrite(mode: 'replace' | 'insert-below'): Promise<void> {
    const selection = this.rewrite.source.value?.selection;
    const text = this.rewrite.text.value;
    if (!selection || text === '') return;
    const { tabId, frameId, anchorId } = selection;
    const outcome = await this.deps
      .sendRequest('rewrite/apply', { tabId, frameId, anchorId, text, mode })
      .catch((error: unknown): { ok: false; error: TacitError } => {
        this.requestFailed('rewrite/apply', error);
        return { ok: false, error: { code: 'anchor-lost' } };
      });
    this.applyOutcome.value = outcome.ok ? { ok: true, mode, undoSteps: outcome.undoSteps } : outcome;
  }

  /** One click out of "too large for this GPU": use the task's lighter model from now on, and try again. */
  async useLightModel(stream: TaskStream): Promise<void> {
    const suggestion = stream.error.value?.suggestion;
    if (suggestion?.kind !== 'use-light-model') return;
    const { task } = suggestion;
    const { taskModels } = this.deps.settings;
    await taskModels.setValue({ ...(await taskModels.getValue()), [task]: 'light' });
    stream.retry();
  }

  /** A selection too long for one pass: rewrite it paragraph by paragraph instead. */
  rewriteInParts(): void {
    const last = this.rewrite.lastTask;
    if (last?.kind === 'rewrite') this.rewrite.start({ ...last, inParts: true });
  }

  /** Switches between the page and the Reply view; opening the Reply view preloads the draft model. */
  showView(view: PanelView): void {
    const opening = view === 'reply' && this.view.value !== 'reply';
    this.view.value = view;
    if (opening) this.draft.opened();
  }

  stopAll(): void {
    this.streams.stopAll();
  }

  private handleIntent(intent: PanelIntent): void {
    if (intent.kind === 'open-reply') {
      this.showView('reply');
      this.draft.focusIntent.value++;
      return;
    }
    if (intent.kind !== 'show-error') this.view.value = 'page';
    if (intent.kind === 'summarize-page') this.summarizePage({ tabId: intent.tabId });
    else if (intent.kind === 'summarize-selection') this.summarizeSelection(intent.tabId, intent.frameId);
    else if (intent.kind === 'rewrite') void this.startRewrite(intent.tabId, intent.frameId, intent.style);
    else this.notice.value = intent.error;
  }

  private resetConversation(): void {
    this.turns.value.forEach((turn) => this.streams.close(turn.answer));
    this.turns.value = [];
  }

  private currentPlacement(): Promise<PanelPlacement> {
    this.placement ??= this.deps.placement();
    return this.placement;
  }
}
