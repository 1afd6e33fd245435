/**
 * The side panel's state: one card per task (summary, follow-up turns, free question, rewrite, draft), options, the
 * engine's state, and intents arriving from the background. Everything it needs from the browser comes in as PanelDeps.
 */
import { computed, signal } from '@preact/signals';
import { recordRequestFailures } from '../protocol/diagnostics';
import type { RequestFailureListener } from '../protocol/requests';
import type {
  HubToPanel,
  PageTarget,
  PanelIntent,
  PanelPlacement,
  PanelStatus,
  SummaryRequestOptions,
} from '../protocol/messages';
import type { TacitError } from '../core/errors';
import { errorName } from '../core/diagnostics';
import { normalizeSummaryOptions } from '../tasks/summarize/options';
import { normalizeLanguageChoice } from '../tasks/common/output-language';
import type { RewriteStyle } from '../tasks/rewrite/types';
import type { HubPort, PanelDeps } from './panel-deps';
import { StreamRegistry } from './stream-registry';
import { askBackgroundIfRunning, type TaskStream, type TaskStreamState } from './task-stream';
import { DraftController } from './draft-controller';
import { engineState } from './engine-state';
import { RewriteController } from './rewrite-controller';
import type { SettingName } from '../settings/setting-names';
import { storageWriteCode, type StorageWriteCode } from '../settings/storage-write-error';

/** What the panel shows: the page (summary, questions) or a reply to the mail conversation. */
export type PanelView = 'page' | 'reply';

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
  /** The free question the ask card answers (with no summary on screen). */
  readonly askedQuestion = signal('');
  readonly rewrite: RewriteController;
  readonly draft: DraftController;
  /** The GPU and the engine, as the background last reported them; null until it answers. */
  readonly status = signal<PanelStatus | null>(null);
  /** The background said the engine unloaded after its idle time; cleared when a task starts the engine again. */
  readonly idleUnload = signal(false);
  readonly view = signal<PanelView>('page');
  readonly turns = signal<FollowUpTurn[]>([]);
  readonly options = signal<SummaryRequestOptions>(normalizeRequestOptions(null));
  /** A refusal that came with an intent (e.g. a restricted page in the context menu). */
  readonly notice = signal<TacitError | null>(null);
  /** Why the last choice made here (summary or reply options, the lighter model) was not saved; null once one is. */
  readonly choiceNotSaved = signal<StorageWriteCode | null>(null);
  readonly conversationId = computed(() => this.summary.source.value?.conversationId || null);
  readonly busy: StreamRegistry['busy'];
  readonly phase: StreamRegistry['phase'];
  /** For the status line: what this panel's newest task is doing, else the engine as last reported. */
  readonly engine = computed(() => engineState(this.status.value, this.phase.value, this.idleUnload.value));

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
      () => (this.idleUnload.value = false),
    );
    this.busy = this.streams.busy;
    this.phase = this.streams.phase;
    this.summary = this.streams.open();
    this.ask = this.streams.open();
    this.rewrite = new RewriteController(this.streams.open(), deps);
    this.draft = new DraftController(this.streams.open(), {
      sendRequest: deps.sendRequest,
      recordDiagnostic: deps.recordDiagnostic,
      requestSiteAccess: (origin) => deps.requestSiteAccess(origin),
      draftOptions: deps.settings.draftOptions,
      choiceSaved: (item, error) => this.choiceSaved(item, error),
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
    hub.onMessage((message) => this.handleHubMessage(message));
    hub.post({ type: 'panel/hello', placement });
    this.hub = hub;
  }

  dispose(): void {
    this.hub?.disconnect();
    this.draft.dispose();
    this.rewrite.dispose();
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

  /** How saving a choice went: a refusal (storage full) is shown until a later choice is saved, and recorded. */
  private choiceSaved(item: SettingName, error: unknown): void {
    this.choiceNotSaved.value = error === null ? null : storageWriteCode(error);
    if (error !== null) this.deps.recordDiagnostic('storage-write-failed', { item, error: errorName(error) });
  }

  /** Storage refused a choice: the previous one stays (shown and used), as it stays stored for the next panel. */
  setOptions(options: SummaryRequestOptions): void {
    const previous = this.options.value;
    this.options.value = options;
    this.deps.settings.summaryOptions.setValue(options).then(
      () => this.choiceSaved('summaryOptions', null),
      (error: unknown) => {
        if (this.options.value === options) this.options.value = previous;
        this.choiceSaved('summaryOptions', error);
      },
    );
  }

  dismissChoiceNotSaved(): void {
    this.choiceNotSaved.value = null;
  }

  summarizePage(target?: PageTarget): void {
    if (!target) {
      void this.currentPlacement().then((panel) => this.summarizePage({ panel }));
      return;
    }
    this.beforeNewTask();
    this.resetConversation();
    // A new summary replaces the old card at once: the old page's title and text never stand over the new run.
    this.summary.start({ kind: 'summarize-page', target, options: this.options.value });
  }

  summarizeSelection(tabId: number, frameId: number): void {
    this.beforeNewTask();
    this.resetConversation();
    this.summary.start({ kind: 'summarize-selection', tabId, frameId, options: this.options.value });
  }

  /** Runs the last summary again with the current options; the old summary stays until the new text arrives. */
  regenerate(): void {
    const last = this.summary.lastTask;
    if (last?.kind !== 'summarize-page' && last?.kind !== 'summarize-selection') return;
    this.beforeNewTask();
    this.resetConversation();
    this.summary.start({ ...last, options: this.options.value }, { keepText: true });
  }

  /** With a summary on screen the question is about that page; otherwise it is a free question. */
  submitQuestion(question: string, onSettled?: (state: TaskStreamState) => void): void {
    this.beforeNewTask();
    const conversationId = this.conversationId.value;
    if (!conversationId) {
      this.askedQuestion.value = question;
      this.ask.start({ kind: 'ask', prompt: question }, { onSettled });
      return;
    }
    const answer = this.streams.open();
    this.turns.value = [...this.turns.value, { question, answer }];
    answer.start({ kind: 'follow-up', conversationId, question }, { onSettled });
  }

  /** Rewrites the selection in that frame; a custom style first asks for the instruction. */
  async startRewrite(tabId: number, frameId: number, style: RewriteStyle): Promise<void> {
    this.beforeNewTask();
    await this.rewrite.start(tabId, frameId, style);
  }

  // ---- Dismissing cards ----------------------------------------------------------------------------------

  /** The summary and its follow-ups go (a running one stops); the next question is a free one. */
  dismissSummary(): void {
    this.resetConversation();
    this.summary.clear();
  }

  dismissAsk(): void {
    this.askedQuestion.value = '';
    this.ask.clear();
  }

  dismissTurn(turn: FollowUpTurn): void {
    this.streams.close(turn.answer);
    this.turns.value = this.turns.value.filter((other) => other !== turn);
  }

  dismissNotice(): void {
    this.notice.value = null;
  }

  /** One click out of "too large for this GPU": use the task's lighter model from now on, and try again. */
  async useLightModel(stream: TaskStream): Promise<void> {
    const suggestion = stream.error.value?.suggestion;
    if (suggestion?.kind !== 'use-light-model') return;
    const { task } = suggestion;
    const { taskModels } = this.deps.settings;
    try {
      await taskModels.setValue({ ...(await taskModels.getValue()), [task]: 'light' });
    } catch (error) {
      // Not saved, so a retry would run on the same model again: the panel says why instead.
      return this.choiceSaved('taskModels', error);
    }
    this.choiceSaved('taskModels', null);
    stream.retry();
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

  private handleHubMessage(message: HubToPanel): void {
    if (message.type === 'panel/intent') return this.handleIntent(message.intent);
    // The engine unloaded at idle: the status line must stop naming the models it had loaded.
    this.idleUnload.value = true;
    this.refreshStatus();
  }

  /**
   * A new task makes earlier failures stale: the refusal notice and every card that holds only an error go, so an
   * error never stands beside a later success. Cards with text stay until dismissed or replaced.
   */
  private beforeNewTask(): void {
    this.notice.value = null;
    for (const stream of [this.summary, this.ask, this.rewrite.stream]) {
      if (stream.state.value === 'error' && stream.text.value === '') stream.clear();
    }
    const failed = this.turns.value.filter(
      (turn) => turn.answer.state.value === 'error' && turn.answer.text.value === '',
    );
    failed.forEach((turn) => this.dismissTurn(turn));
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

  /** A summary starts a conversation about its page: the previous one's follow-ups go, and a finished free answer. */
  private resetConversation(): void {
    if (!this.ask.running.value) this.dismissAsk();
    this.turns.value.forEach((turn) => this.streams.close(turn.answer));
    this.turns.value = [];
  }

  private currentPlacement(): Promise<PanelPlacement> {
    this.placement ??= this.deps.placement();
    return this.placement;
  }
}
