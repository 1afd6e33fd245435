/** What a running task can do: report progress, stream text, ask the engine, and fail with a message the user can act on. */
import type { ChatMessage } from '../../offscreen/engines/types';
import type { TacitError } from '../../core/errors';
import type { TaskPhase, TaskResult, TaskSource } from '../../protocol/messages';
import type { TaskKind } from '../../models/types';

/** Thrown inside a task to end it with a specific failure. */
export class TaskFailure extends Error {
  constructor(readonly failure: TacitError) {
    super(failure.code);
  }
}

/** The value of a tab or frame read, or the task ends with the read's error. */
export function valueOrFail<T>(read: { ok: true; value: T } | { ok: false; error: TacitError }): T {
  if (!read.ok) throw new TaskFailure(read.error);
  return read.value;
}

export interface GenerateOptions {
  task: TaskKind;
  messages: ChatMessage[];
  maxTokens?: number;
  temperature?: number;
  /** Stream the text to the panel as it comes (the final answer), or only collect it (a map-reduce part). */
  stream: boolean;
}

export interface Generation {
  text: string;
  stopped: boolean;
}

export interface TaskContext {
  readonly requestId: string;
  /** Aborted when the user stops the task, the panel closes, or the tab it reads goes away. */
  readonly signal: AbortSignal;
  phase(phase: TaskPhase): void;
  delta(text: string): void;
  source(source: TaskSource): void;
  /**
   * The addresses in what the task read and in the user's own words (see source-links.ts): the only links its
   * output may show. Sent before the output, so that a link is never clickable for a moment.
   */
  allowLinks(links: string[]): void;
  /** The cleaned-up final text (and details such as proofread changes), replacing what was streamed. */
  result(result: TaskResult): void;
  generate(options: GenerateOptions): Promise<Generation>;
  /** Stops the task when this tab closes or navigates, failing it with a message that says so. */
  watchTab(tabId: number): void;
  /** The context window, in tokens, of the model this task kind runs on, for planning prompts. */
  contextWindow(task: TaskKind): Promise<number>;
}

export interface TaskOutcome {
  stopped: boolean;
}
