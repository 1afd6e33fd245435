/** The side panel's state: the summary, follow-up turns, summary options, and intents arriving from the background. */
import { computed, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { connectPort, type TypedPort } from '../protocol/ports';
import {
  PORT_PANEL,
  type PageTarget,
  type PanelHello,
  type PanelIntent,
  type PanelIntentMessage,
  type PanelPlacement,
  type SummaryRequestOptions,
} from '../protocol/messages';
import type { TacitError } from '../core/errors';
import { normalizeSummaryOptions } from '../tasks/summarize/options';
import { normalizeLanguageChoice } from '../tasks/common/output-language';
import type { RewriteStyle } from '../tasks/rewrite/types';
import { sendRequest } from '../protocol/requests';
import { diagnosticsReporter, recordRequestFailures } from '../protocol/diagnostics';
import { lastCustomInstruction, lastRewriteStyle, summaryOptions, taskModels } from '../settings/settings';
import { ReplySession, type ReplyState } from './reply-session';
import { DraftController } from './draft-controller';

const requestFailed = recordRequestFailures(diagnosticsReporter('panel'));

/** What the panel shows: the page (summary, questions) or a reply to the mail conversation. */
export type PanelView = 'page' | 'reply';

/** A custom rewrite waiting for the user's instruction. */
export interface PendingCustomRewrite {
  tabId: number;
  frameId: number;
  instruction: string;
}

/** How putting a rewrite back into the page went. */
export type ApplyOutcome = { ok: true; mode: 'replace' | 'insert-below' } | { ok: false; error: TacitError };

export interface FollowUpTurn {
  question: string;
  reply: ReplySession;
}

/** Keeps the valid parts of the stored summary options and fills the rest with the defaults. */
function normalizeRequestOptions(value: Partial<SummaryRequestOptions> | null | undefined): SummaryRequestOptions {
  return { ...normalizeSummaryOptions(value ?? undefined), language: normalizeLanguageChoice(value?.language) };
}

export class PanelController {
  readonly summary: ReplySession;
  readonly ask: ReplySession;
  readonly rewrite: ReplySession;
  readonly draft: DraftController;
  readonly view = signal<PanelView>('page');
  readonly pendingCustom = signal<PendingCustomRewrite | null>(null);
  readonly applyOutcome = signal<ApplyOutcome | null>(null);
  readonly turns = signal<FollowUpTurn[]>([]);
  readonly options = signal<SummaryRequestOptions>(normalizeRequestOptions(null));
  /** A refusal that came with an intent (e.g. a restricted page in the context menu). */
  readonly notice = signal<TacitError | null>(null);
  readonly conversationId = computed(() => this.summary.source.value?.conversationId || null);
  readonly busy = computed(
    () =>
      this.summary.running.value ||
      this.ask.running.value ||
      this.rewrite.running.value ||
      this.draft.session.running.value ||
      this.turns.value.some((turn) => turn.reply.running.value),
  );

  /** Where this panel is; a click on "Summarize this page" right after opening waits for it rather than doing nothing. */
  private placement: Promise<PanelPlacement> | undefined;
  private hub: TypedPort<PanelHello, PanelIntentMessage> | undefined;

  constructor(private readonly onSettled: () => void) {
    this.summary = new ReplySession(undefined, onSettled);
    this.ask = new ReplySession(undefined, onSettled);
    this.rewrite = new ReplySession(undefined, onSettled);
    this.draft = new DraftController(async () => {
      this.placement ??= currentPlacement();
      return { panel: await this.placement };
    }, onSettled);
  }

  async connect(): Promise<void> {
    this.placement ??= currentPlacement();
    const [stored, placement] = await Promise.all([summaryOptions.getValue(), this.placement, this.draft.load()]);
    this.options.value = normalizeRequestOptions(stored);
    const hub = connectPort<PanelHello, PanelIntentMessage>(PORT_PANEL);
    hub.onMessage((message) => this.handleIntent(message.intent));
    hub.post({ type: 'panel/hello', placement });
    this.hub = hub;
  }

  dispose(): void {
    this.hub?.disconnect();
    this.summary.dispose();
    this.ask.dispose();
    this.rewrite.dispose();
    this.draft.dispose();
    this.turns.value.forEach((turn) => turn.reply.dispose());
  }

  setOptions(options: SummaryRequestOptions): void {
    this.options.value = options;
    void summaryOptions.setValue(options);
  }

  summarizePage(target?: PageTarget): void {
    if (!target) {
      this.placement ??= currentPlacement();
      void this.placement.then((panel) => this.summarizePage({ panel }));
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
  submitQuestion(question: string, onSettled?: (state: ReplyState) => void): void {
    const conversationId = this.conversationId.value;
    if (!conversationId) {
      this.ask.start({ kind: 'ask', prompt: question }, onSettled);
      return;
    }
    const reply = new ReplySession(undefined, this.onSettled);
    this.turns.value = [...this.turns.value, { question, reply }];
    reply.start({ kind: 'follow-up', conversationId, question }, onSettled);
  }

  /** Rewrites the selection in that frame; a custom style first asks for the instruction. */
  async startRewrite(tabId: number, frameId: number, style: RewriteStyle): Promise<void> {
    this.notice.value = null;
    this.applyOutcome.value = null;
    void lastRewriteStyle.setValue(style);
    if (style === 'custom') {
      this.pendingCustom.value = { tabId, frameId, instruction: await lastCustomInstruction.getValue() };
      return;
    }
    this.pendingCustom.value = null;
    this.rewrite.start({ kind: 'rewrite', tabId, frameId, style });
  }

  submitCustomRewrite(instruction: string): void {
    const pending = this.pendingCustom.value;
    if (!pending) return;
    void lastCustomInstruction.setValue(instruction);
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
    const outcome = await sendRequest('rewrite/apply', { tabId, frameId, anchorId, text, mode }).catch(
      (error: unknown): { ok: false; error: TacitError } => {
        requestFailed('rewrite/apply', error);
        return { ok: false, error: { code: 'anchor-lost' } };
      },
    );
    this.applyOutcome.value = outcome.ok ? { ok: true, mode } : outcome;
  }

  /** One click out of "too large for this GPU": use the task's lighter model from now on, and try again. */
  async useLightModel(session: ReplySession): Promise<void> {
    const suggestion = session.error.value?.suggestion;
    if (suggestion?.kind !== 'use-light-model') return;
    const { task } = suggestion;
    await taskModels.setValue({ ...(await taskModels.getValue()), [task]: 'light' });
    session.retry();
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
    this.draft.session.stop();
    this.summary.stop();
    this.ask.stop();
    this.rewrite.stop();
    this.turns.value.forEach((turn) => turn.reply.stop());
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
    this.turns.value.forEach((turn) => turn.reply.dispose());
    this.turns.value = [];
  }
}

/** Docked in the browser's side panel (no tab of its own), or opened as a page in a tab or window. */
async function currentPlacement(): Promise<PanelPlacement> {
  const [window, tab] = await Promise.all([browser.windows.getCurrent(), browser.tabs.getCurrent()]);
  return { windowId: window.id ?? -1, docked: tab === undefined };
}
