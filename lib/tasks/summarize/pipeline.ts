/** Summarizes a text in one pass, or in parts then combined (map-reduce) when it exceeds the model's context. */
import type { ChatMessage } from '../../offscreen/engines/types';
import { chunkText } from '../common/chunk';
import { tacitError } from '../../core/errors';
import type { SummaryRequestOptions } from '../../protocol/messages';
import { countModelTokens } from '../common/model-tokens';
import { TaskFailure, type TaskContext } from '../common/task-context';
import { stripEchoedFenceMarkers } from '../common/untrusted';
import { buildChunkSummaryPrompt, buildCombinePrompt } from './map-reduce';
import type { SummaryLength } from './types';
import { chooseOutputLanguage } from '../common/output-language';
import { planSummary } from './plan';
import { buildSummaryPrompt } from './prompt';
import { reduceSummaries } from './reduce';

/** System prompt, fences and reminders. */
const PROMPT_RESERVE_TOKENS = 600;
const OUTPUT_RESERVE_TOKENS: Record<SummaryLength, number> = { short: 256, medium: 400, long: 640 };

export interface SummaryInput {
  text: string;
  title?: string;
  url?: string;
  lang?: string;
  /** An email conversation read by lib/webmail rather than an ordinary page. */
  mail?: boolean;
}

export interface SummaryResult {
  stopped: boolean;
  /** The prompt and the summary, for follow-up questions; null when stopped before the summary was written. */
  conversation: ChatMessage[] | null;
}

export async function runSummary(
  input: SummaryInput,
  options: SummaryRequestOptions,
  uiLanguage: string,
  ctx: TaskContext,
): Promise<SummaryResult> {
  const outputLanguage = chooseOutputLanguage(input.lang, options.language, uiLanguage);
  const outputReserve = OUTPUT_RESERVE_TOKENS[options.length];
  const plan = planSummary(
    countModelTokens(input.text),
    await ctx.contextWindow('summarize'),
    PROMPT_RESERVE_TOKENS,
    outputReserve,
  );
  const common = {
    type: options.type,
    length: options.length,
    outputLanguage,
    title: input.title,
    url: input.url,
    mail: input.mail,
  };

  if (plan.mode === 'context-too-small') throw new TaskFailure(tacitError('context-too-small'));
  if (plan.mode === 'single') {
    return finalSummary(buildSummaryPrompt({ ...common, text: input.text }), outputReserve, ctx);
  }

  const chunks = chunkText(input.text, plan.chunkBudgetTokens, countModelTokens);
  const parts: string[] = [];
  for (const chunk of chunks) {
    if (ctx.signal.aborted) return { stopped: true, conversation: null };
    ctx.phase({ phase: 'summarizing-part', part: chunk.index + 1, total: chunks.length });
    const part = await ctx.generate({
      task: 'summarize',
      messages: buildChunkSummaryPrompt(chunk.text, chunk.index, chunks.length, common),
      maxTokens: plan.partMaxTokens,
      stream: false,
    });
    if (part.stopped) return { stopped: true, conversation: null };
    parts.push(stripEchoedFenceMarkers(part.text).trim());
  }

  const reduced = await reduceSummaries(parts, {
    budgetTokens: plan.chunkBudgetTokens,
    outputReserveTokens: outputReserve,
    countTokens: countModelTokens,
    mergeGroup: async (summaries, maxTokens) => {
      ctx.phase({ phase: 'combining' });
      const merged = await ctx.generate({
        task: 'summarize',
        messages: buildCombinePrompt(summaries, { ...common, stage: 'intermediate' }),
        maxTokens,
        stream: false,
      });
      return stripEchoedFenceMarkers(merged.text).trim();
    },
  });
  if (!reduced.ok) throw new TaskFailure(tacitError('context-too-small'));
  if (ctx.signal.aborted) return { stopped: true, conversation: null };
  ctx.phase({ phase: 'combining' });
  return finalSummary(buildCombinePrompt(reduced.summaries, { ...common, stage: 'final' }), outputReserve, ctx);
}

async function finalSummary(messages: ChatMessage[], maxTokens: number, ctx: TaskContext): Promise<SummaryResult> {
  const { text, stopped } = await ctx.generate({ task: 'summarize', messages, maxTokens, stream: true });
  return { stopped, conversation: stopped ? null : [...messages, { role: 'assistant', content: text }] };
}
