/** Test helper: a TaskContext that records everything a task does, in order, and answers generations from a script. */
import type { TaskPhase, TaskResult, TaskSource } from '../../../protocol/messages';
import type { TaskKind } from '../../../models/types';
import type { GenerateOptions, Generation, TaskContext } from '../task-context';

export type TaskEvent =
  | { event: 'phase'; phase: TaskPhase }
  | { event: 'source'; source: TaskSource }
  | { event: 'links'; links: string[] }
  | { event: 'result'; result: TaskResult }
  | { event: 'generate'; options: GenerateOptions }
  | { event: 'watchTab'; tabId: number };

export interface FakeTaskContextOptions {
  /** Tokens, for every task kind; 4096 unless given. */
  contextWindow?: number;
  /** Answers generate call `call` (0-based); by default "Summary 1", "Summary 2", … never stopped. */
  answer?: (options: GenerateOptions, call: number, stop: () => void) => Generation;
}

export function fakeTaskContext(options: FakeTaskContextOptions = {}) {
  const controller = new AbortController();
  const events: TaskEvent[] = [];
  const generations: GenerateOptions[] = [];
  const contextWindowAsked: TaskKind[] = [];
  const answer = options.answer ?? ((_options, call) => ({ text: `Summary ${call + 1}`, stopped: false }));
  const stop = () => controller.abort();
  const ctx: TaskContext = {
    requestId: 'request-1',
    signal: controller.signal,
    phase: (phase) => events.push({ event: 'phase', phase }),
    delta: () => undefined,
    source: (source) => events.push({ event: 'source', source }),
    allowLinks: (links) => events.push({ event: 'links', links }),
    result: (result) => events.push({ event: 'result', result }),
    generate: async (generateOptions) => {
      events.push({ event: 'generate', options: generateOptions });
      generations.push(generateOptions);
      return answer(generateOptions, generations.length - 1, stop);
    },
    watchTab: (tabId) => events.push({ event: 'watchTab', tabId }),
    contextWindow: async (task) => {
      contextWindowAsked.push(task);
      return options.contextWindow ?? 4096;
    },
  };
  const phases = () => events.flatMap((entry) => (entry.event === 'phase' ? [entry.phase] : []));
  const sources = () => events.flatMap((entry) => (entry.event === 'source' ? [entry.source] : []));
  const links = () => events.flatMap((entry) => (entry.event === 'links' ? [entry.links] : []));
  return { ctx, events, generations, phases, sources, links, stop, contextWindowAsked };
}
