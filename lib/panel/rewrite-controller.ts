/** The rewrite card's state: the streamed rewrite, what Replace would put back, and whether its field is still there. */
import { computed, effect, signal } from '@preact/signals';
import type { TacitError } from '../core/errors';
import { errorName } from '../core/diagnostics';
import { recordRequestFailures } from '../protocol/diagnostics';
import { finishRewrite } from '../tasks/rewrite/run';
import type { RewriteStyle } from '../tasks/rewrite/types';
import type { PanelDeps, PanelSettings } from './panel-deps';
import type { TaskStream } from './task-stream';

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

/** Whether Replace and Insert below are offered, and why not when they are not. */
export type RewriteApply =
  /** Nothing to put back, or a selection that is not editable (Copy only). */
  | { kind: 'none' }
  /** Still being written. */
  | { kind: 'wait' }
  /** partial: the run was stopped or failed, so only the text written until then would go in. */
  | { kind: 'ready'; partial: boolean }
  /** The tab closed or navigated, or the text is no longer where it was. */
  | { kind: 'gone'; reason: TacitError };

/** Apply failures after which the selection cannot be found again. */
const TARGET_LOST: ReadonlySet<TacitError['code']> = new Set(['anchor-lost', 'tab-closed', 'page-navigated']);

export interface RewriteDeps extends Pick<PanelDeps, 'sendRequest' | 'watchTab' | 'recordDiagnostic'> {
  settings: Pick<PanelSettings, 'lastRewriteStyle' | 'lastCustomInstruction'>;
}

export class RewriteController {
  readonly pendingCustom = signal<PendingCustomRewrite | null>(null);
  readonly applyOutcome = signal<ApplyOutcome | null>(null);
  /** Why the selection can no longer be written to; null while it can. */
  readonly targetGone = signal<TacitError | null>(null);
  /**
   * What the card shows and Replace, Insert below and Copy use: the cleaned result once done; after a stop or failure,
   * the text written until then, cleaned the same way (no preamble, no change list). While running: the raw text.
   */
  readonly output = computed(() => {
    const text = this.stream.text.value;
    const state = this.stream.state.value;
    const selection = this.stream.source.value?.selection;
    if ((state !== 'stopped' && state !== 'error') || !selection || text === '' || this.stream.result.value)
      return text;
    return finishRewrite(selection.style, text, selection.original).text;
  });
  /** Whether there is output: what the card's parts above the text read, so that they do not follow every word. */
  readonly hasOutput = computed(() => this.output.value !== '');
  readonly apply = computed((): RewriteApply => {
    const selection = this.stream.source.value?.selection;
    if (!selection?.editable || !this.hasOutput.value) return { kind: 'none' };
    if (this.stream.running.value) return { kind: 'wait' };
    const gone = this.targetGone.value;
    if (gone) return { kind: 'gone', reason: gone };
    return { kind: 'ready', partial: this.stream.state.value !== 'done' };
  });

  private readonly stopWatching: () => void;

  constructor(
    readonly stream: TaskStream,
    private readonly deps: RewriteDeps,
  ) {
    // While a rewrite is shown, its tab is watched: a closed or navigated tab has no field to write to.
    this.stopWatching = effect(() => {
      const tabId = this.stream.source.value?.selection?.tabId;
      if (tabId === undefined) return;
      return this.deps.watchTab(tabId, (reason) => (this.targetGone.value = { code: reason }));
    });
  }

  /** Rewrites the selection in that frame; a custom style first asks for the instruction. */
  async start(tabId: number, frameId: number, style: RewriteStyle): Promise<void> {
    this.applyOutcome.value = null;
    void this.deps.settings.lastRewriteStyle
      .setValue(style)
      .catch((error: unknown) => this.storageWriteFailed('lastRewriteStyle', error));
    if (style === 'custom') {
      this.pendingCustom.value = {
        tabId,
        frameId,
        instruction: await this.deps.settings.lastCustomInstruction.getValue(),
      };
      return;
    }
    this.pendingCustom.value = null;
    this.run({ kind: 'rewrite', tabId, frameId, style });
  }

  submitCustom(instruction: string): void {
    const pending = this.pendingCustom.value;
    if (!pending) return;
    void this.deps.settings.lastCustomInstruction
      .setValue(instruction)
      .catch((error: unknown) => this.storageWriteFailed('lastCustomInstruction', error));
    this.pendingCustom.value = null;
    this.run({
      kind: 'rewrite',
      tabId: pending.tabId,
      frameId: pending.frameId,
      style: 'custom',
      customInstruction: instruction,
    });
  }

  /** A selection too long for one pass: rewrite it paragraph by paragraph instead. */
  inParts(): void {
    const last = this.stream.lastTask;
    if (last?.kind === 'rewrite') this.run({ ...last, inParts: true });
  }

  /** Puts the rewrite into the page; on failure the result stays in the panel to copy. */
  async applyTo(mode: 'replace' | 'insert-below'): Promise<void> {
    const selection = this.stream.source.value?.selection;
    const text = this.output.value;
    if (!selection || text === '' || this.apply.value.kind !== 'ready') return;
    const { tabId, frameId, anchorId } = selection;
    const outcome = await this.deps
      .sendRequest('rewrite/apply', { tabId, frameId, anchorId, text, mode })
      .catch((error: unknown): { ok: false; error: TacitError } => {
        recordRequestFailures(this.deps.recordDiagnostic)('rewrite/apply', error);
        return { ok: false, error: { code: 'anchor-lost' } };
      });
    this.applyOutcome.value = outcome.ok ? { ok: true, mode, undoSteps: outcome.undoSteps } : outcome;
    if (!outcome.ok && TARGET_LOST.has(outcome.error.code)) this.targetGone.value = outcome.error;
  }

  /** The user dismissed the card (a running rewrite stops). */
  dismiss(): void {
    this.pendingCustom.value = null;
    this.applyOutcome.value = null;
    this.targetGone.value = null;
    this.stream.clear();
  }

  dispose(): void {
    this.stopWatching();
  }

  private run(task: Extract<Parameters<TaskStream['start']>[0], { kind: 'rewrite' }>): void {
    this.targetGone.value = null;
    this.applyOutcome.value = null;
    this.stream.start(task);
  }

  /** Storage refused a choice (full): it is not kept for next time; the rewrite itself goes on. */
  private storageWriteFailed(item: string, error: unknown): void {
    this.deps.recordDiagnostic('storage-write-failed', { item, error: errorName(error) });
  }
}
