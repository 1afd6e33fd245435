/** The Reply view's state: the user's intent and options, the streamed draft (which the user may edit), and inserting it. */
import { computed, effect, signal } from '@preact/signals';
import type { TacitError } from '../core/errors';
import type { DraftRefinement, PageTarget } from '../protocol/messages';
import { recordRequestFailures } from '../protocol/diagnostics';
import { normalizeDraftOptions } from '../tasks/draft/options';
import type { DraftOptions } from '../tasks/draft/types';
import type { PanelDeps, StoredValue } from './panel-deps';
import type { TaskStream } from './task-stream';

export type InsertOutcome =
  { ok: true; opened: boolean; nameLeftToSignature: boolean } | { ok: false; error: TacitError };

export interface DraftDeps extends Pick<PanelDeps, 'sendRequest' | 'requestSiteAccess' | 'recordDiagnostic'> {
  draftOptions: StoredValue<DraftOptions | null>;
  /** How saving the options went: the error storage refused them with, or null once saved. */
  choiceSaved(item: 'draftOptions', error: unknown): void;
  /** The conversation beside the panel now: the user may have opened another one since the panel opened. */
  target(): Promise<PageTarget>;
}

export class DraftController {
  readonly intent = signal('');
  readonly options = signal<DraftOptions>(normalizeDraftOptions(undefined));
  /** The user's edits to the finished draft; null while they have not touched it. */
  readonly edited = signal<string | null>(null);
  readonly insertOutcome = signal<InsertOutcome | null>(null);
  /** The draft as it was before the last rework, so one click can go back to it (and forth again). */
  readonly previous = signal<string | null>(null);
  /** Bumped when the user asked for the Reply view from outside the panel: the intent field takes the focus. */
  readonly focusIntent = signal(0);
  /** What Insert and Copy use: the user's edited text, else the draft as written. */
  readonly text = computed(() => this.edited.value ?? this.stream.text.value);

  /** Set by Draft again: the user's edits give way to the new draft once its text arrives, and not before. */
  private replaceEditsOnNewText = false;
  /** The draft a rework started from; it becomes "Previous version" once the rework's text arrives (even if stopped). */
  private reworkedFrom: string | null = null;
  private readonly stopWatchingText: () => void;

  constructor(
    /** The stream the drafts and reworks are written into. */
    readonly stream: TaskStream,
    private readonly deps: DraftDeps,
  ) {
    // A new run's first text replaces what is shown; a run that fails first leaves the user's edited draft alone.
    this.stopWatchingText = effect(() => {
      void this.stream.text.value;
      if (!this.replaceEditsOnNewText || !this.stream.running.peek()) return;
      this.replaceEditsOnNewText = false;
      this.edited.value = null;
      this.previous.value = this.reworkedFrom;
      this.reworkedFrom = null;
    });
  }

  async load(): Promise<void> {
    this.options.value = normalizeDraftOptions(await this.deps.draftOptions.getValue());
  }

  /** The Reply view opened: the draft model is likely next, so it is loaded now if it is cached and fits. */
  opened(): void {
    void this.deps
      .sendRequest('model/preload', { task: 'draft' })
      .catch((error: unknown) => recordRequestFailures(this.deps.recordDiagnostic)('model/preload', error));
  }

  /** Storage refused the options: the previous ones stay (shown and used), as they stay stored. */
  setOptions(options: DraftOptions): void {
    const previous = this.options.value;
    this.options.value = options;
    this.deps.draftOptions.setValue(options).then(
      () => this.deps.choiceSaved('draftOptions', null),
      (error: unknown) => {
        if (this.options.value === options) this.options.value = previous;
        this.deps.choiceSaved('draftOptions', error);
      },
    );
  }

  /**
   * Drafts a reply to the conversation beside the panel; `from: 'selection'` is the one-click fallback when the
   * client's open message could not be read: the selected text (or the open message, selected for the user) is read.
   */
  async draft(from?: 'selection'): Promise<void> {
    this.reworkedFrom = null;
    this.replaceEditsOnNewText = true;
    this.insertOutcome.value = null;
    const target = await this.deps.target();
    const request = {
      kind: 'draft-reply',
      target,
      intent: this.intent.value.trim(),
      options: this.options.value,
    } as const;
    this.stream.start(from ? { ...request, from } : request, { keepText: true });
  }

  /** Reworks the draft as it stands (with the user's edits) in one style; a failure leaves it as it was. */
  refine(style: DraftRefinement): void {
    const source = this.stream.source.value;
    const text = this.text.value.trim();
    if (!source?.mail || text === '') return;
    this.replaceEditsOnNewText = true;
    this.reworkedFrom = text;
    this.insertOutcome.value = null;
    this.stream.start(
      { kind: 'refine-draft', text, style, conversation: { title: source.title, url: source.url, mail: source.mail } },
      { keepText: true },
    );
  }

  /** Swaps the shown draft with the one before the last rework. */
  swapWithPrevious(): void {
    const previous = this.previous.value;
    if (previous === null) return;
    this.previous.value = this.text.value;
    this.edited.value = previous;
  }

  edit(text: string): void {
    this.edited.value = text;
  }

  /** Writes the draft into the conversation's reply box; on failure it stays here to copy. */
  async insert(): Promise<void> {
    const mail = this.stream.source.value?.mail;
    const text = this.text.value.trim();
    if (!mail || text === '') return;
    this.insertOutcome.value = await this.deps
      .sendRequest('reply/insert', {
        tabId: mail.tabId,
        text,
        conversation: mail.conversation,
      })
      .catch((error: unknown): InsertOutcome => {
        recordRequestFailures(this.deps.recordDiagnostic)('reply/insert', error);
        return { ok: false, error: { code: 'reply-insert-failed' } };
      });
  }

  /** The user dismissed the draft card: a running draft stops, and the draft, its edits and its previous version go. */
  dismiss(): void {
    this.replaceEditsOnNewText = false;
    this.reworkedFrom = null;
    this.edited.value = null;
    this.previous.value = null;
    this.insertOutcome.value = null;
    this.stream.clear();
  }

  /** Lets Tacit read this webmail site when asked (a browser prompt), then drafts again. Call straight from the click. */
  async grantSiteAccess(): Promise<void> {
    const suggestion = this.stream.error.value?.suggestion;
    if (suggestion?.kind !== 'grant-site-access') return;
    const granted = await this.deps.requestSiteAccess(suggestion.origin);
    if (granted) this.stream.retry();
  }

  /** Stops following the stream; the panel's stream registry closes the stream itself. */
  dispose(): void {
    this.stopWatchingText();
  }
}
