/** Rewrites the selection the user right-clicked: reads it where it is, streams the rewrite, then cleans it up. */
import type { FrameRef, TabInfo, TabRead } from '../../background/tab-scripts/types';
import type { CapturedSelection } from '../../page/editing/types';
import { tacitError } from '../../core/errors';
import type { TaskRequest, TaskResult } from '../../protocol/messages';
import { buildRewritePrompt } from './prompt';
import { cleanRewriteOutput } from './clean-output';
import { readProofreadOutput } from './proofread';
import { REWRITE_TEMPERATURE } from './styles';
import type { RewriteStyle } from './types';
import { chunkText } from '../common/chunk';
import { countModelTokens } from '../common/model-tokens';
import { TaskFailure, valueOrFail, type TaskContext, type TaskOutcome } from '../common/task-context';

export interface SelectionAccess {
  tabInfo(tabId: number): Promise<TabRead<TabInfo>>;
  capture(frame: FrameRef, tabUrl: string | undefined): Promise<TabRead<CapturedSelection>>;
}

/** System prompt and fences (the largest style prompt measures about 480 tokens). */
const PROMPT_RESERVE_TOKENS = 600;
/** Room the answer gets beyond its expected length. */
const ANSWER_SLACK_TOKENS = 64;
/** How long the output may be relative to the input, per style. */
const OUTPUT_FACTOR: Record<RewriteStyle, number> = {
  proofread: 1.5,
  formal: 1.4,
  friendly: 1.4,
  shorter: 0.8,
  longer: 2.2,
  simpler: 1.3,
  custom: 1.6,
};

/** Room for the rewrite of `text` in a style: its expected length and some slack. */
export function rewriteAnswerTokens(style: RewriteStyle, text: string): number {
  return Math.ceil(countModelTokens(text) * OUTPUT_FACTOR[style]) + ANSWER_SLACK_TOKENS;
}

/** The longest selection (in model tokens) a style can rewrite within the context window. */
export function maxRewriteInputTokens(style: RewriteStyle, contextWindow: number): number {
  return Math.floor((contextWindow - PROMPT_RESERVE_TOKENS - ANSWER_SLACK_TOKENS) / (1 + OUTPUT_FACTOR[style]));
}

type RewriteTask = Extract<TaskRequest, { kind: 'rewrite' }>;

export async function runRewrite(task: RewriteTask, ctx: TaskContext, access: SelectionAccess): Promise<TaskOutcome> {
  ctx.phase({ phase: 'reading-page' });
  const tab = valueOrFail(await access.tabInfo(task.tabId));
  const frame = { tabId: task.tabId, frameId: task.frameId };
  const { text: original, editable, anchorId } = valueOrFail(await access.capture(frame, tab.url || undefined));

  const inputTokens = countModelTokens(original);
  const limit = maxRewriteInputTokens(task.style, await ctx.contextWindow('rewrite'));
  const parts = inputTokens > limit ? splitForRewrite(original, inputTokens, limit, task) : [original];
  // Fail before anything is shown if the request itself is unusable (no text, no instruction).
  promptFor(task, parts[0] ?? original);
  ctx.source({
    kind: 'rewrite',
    title: tab.title,
    url: tab.url,
    conversationId: '',
    selection: { original, editable, anchorId, tabId: task.tabId, frameId: task.frameId, style: task.style },
  });
  const results: TaskResult[] = [];
  for (const [index, part] of parts.entries()) {
    if (parts.length > 1) {
      ctx.phase({ phase: 'rewriting-part', part: index + 1, total: parts.length });
      if (index > 0) ctx.delta('\n\n');
    }
    const { text, stopped } = await ctx.generate({
      task: 'rewrite',
      messages: promptFor(task, part),
      maxTokens: rewriteAnswerTokens(task.style, part),
      temperature: REWRITE_TEMPERATURE[task.style],
      stream: true,
    });
    if (stopped) return { stopped };
    results.push(finishRewrite(task.style, text, part));
  }
  ctx.result(joinResults(results));
  return { stopped: false };
}

/** Too long for one pass: refused with the option to go part by part, or split at paragraphs when that was chosen. */
function splitForRewrite(original: string, inputTokens: number, limit: number, task: RewriteTask): string[] {
  if (!task.inParts) {
    const words = original.split(/\s+/).filter(Boolean).length;
    const maxWords = Math.floor((words * limit) / inputTokens);
    throw new TaskFailure({
      ...tacitError('selection-too-long', { words, maxWords }),
      suggestion: { kind: 'rewrite-in-parts' },
    });
  }
  return chunkText(original, limit, countModelTokens).map((chunk) => chunk.text);
}

function promptFor(task: RewriteTask, text: string) {
  const prompt = buildRewritePrompt(
    task.style === 'custom'
      ? { style: 'custom', text, customInstruction: task.customInstruction ?? '' }
      : { style: task.style, text },
  );
  if (prompt.ok) return prompt.messages;
  const { code } = prompt.error;
  if (code === 'instruction-too-long') {
    const length = (task.customInstruction ?? '').trim().length;
    throw new TaskFailure(tacitError('instruction-too-long', { length, maxLength: prompt.error.maxLength }));
  }
  throw new TaskFailure(
    tacitError(
      code === 'empty-text'
        ? 'empty-selection'
        : code === 'empty-instruction'
          ? 'empty-instruction'
          : 'invalid-request',
    ),
  );
}

/** Parts keep the whitespace between them (clean-up restores each part's own leading and trailing space). */
function joinResults(results: TaskResult[]): TaskResult {
  const text = results.map((result) => result.text).join('');
  const changes = results.flatMap((result) => result.changes ?? []);
  return results.some((result) => result.changes) ? { text, changes } : { text };
}

export function finishRewrite(style: RewriteStyle, raw: string, original: string): TaskResult {
  if (style !== 'proofread') return { text: cleanRewriteOutput(raw, original) };
  const { corrected, changes } = readProofreadOutput(raw, original);
  return { text: corrected, changes };
}
