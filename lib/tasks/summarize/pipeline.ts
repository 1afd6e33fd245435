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
import { estimateGenerations, FIRST_PARTS_OFFER, LARGE_SUMMARY_PARTS, planSummary, type SummaryPlan } from './plan';
import { buildSummaryPrompt, type PageKind } from './prompt';
import { reduceSummaries } from './reduce';

/** System prompt, fences and reminders. */
const PROMPT_RESERVE_TOKENS = 600;
const OUTPUT_RESERVE_TOKENS: Record<SummaryLength, number> = { short: 256, medium: 400, long: 640 };

export interface SummaryInput {
  text: string;
  title?: string;
  url?: string;
  lang?: string;
  /** An email conversation read by lib/webmail, or a page that lists stories, rather than an ordinary page. */
  kind?: PageKind;
}

export interface SummaryResult {
  stopped: boolean;
  /** The prompt and the summary, for follow-up questions; null when stopped before the summary was written. */
  conversation: ChatMessage[] | null;
  /** Set when the user chose to summarize only the first parts of a long page. */
  coverage?: { parts: number; total: number };
}

const STOPPED: SummaryResult = { stopped: true, conversation: null };

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
    kind: input.kind,
  };

  if (plan.mode === 'context-too-small') throw new TaskFailure(tacitError('context-too-small'));
  if (plan.mode === 'single') {
    return finalSummary(buildSummaryPrompt({ ...common, text: input.text }), outputReserve, ctx);
  }

  const chunks = chunkText(input.text, plan.chunkBudgetTokens, countModelTokens);
  const mapped = await summarizeParts(input.text, chunks, plan, outputReserve, common, ctx);
  if (!mapped) return STOPPED;
  const { parts, coverage } = mapped;

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
  if (ctx.signal.aborted) return STOPPED;
  ctx.phase({ phase: 'combining' });
  const summary = await finalSummary(
    buildCombinePrompt(reduced.summaries, { ...common, stage: 'final' }),
    outputReserve,
    ctx,
  );
  return coverage ? { ...summary, coverage } : summary;
}

type MapReducePlan = Extract<SummaryPlan, { mode: 'map-reduce' }>;
type PartPromptOptions = Parameters<typeof buildChunkSummaryPrompt>[3];

/**
 * Notes on each part, in order, with the time left at the pace measured so far. A page of more than
 * LARGE_SUMMARY_PARTS parts asks the user after the first part, whose time says what the rest takes on this machine:
 * every part, or only the first FIRST_PARTS_OFFER. Null when stopped.
 */
async function summarizeParts(
  text: string,
  chunks: ReturnType<typeof chunkText>,
  plan: MapReducePlan,
  outputReserve: number,
  common: PartPromptOptions,
  ctx: TaskContext,
): Promise<{ parts: string[]; coverage?: { parts: number; total: number } } | null> {
  const total = chunks.length;
  const pace = new GenerationPace((parts) => estimateGenerations(parts, plan.chunkBudgetTokens, outputReserve));
  let planned = total;
  const parts: string[] = [];
  for (const chunk of chunks) {
    if (chunk.index >= planned) break;
    if (ctx.signal.aborted) return null;
    if (chunk.index === 1 && total > LARGE_SUMMARY_PARTS) {
      const answer = await ctx.confirm({
        kind: 'large-summary',
        parts: total,
        words: text.match(/\S+/g)?.length ?? 0,
        firstParts: FIRST_PARTS_OFFER,
        secondsAll: pace.secondsFor(total),
        secondsFirst: pace.secondsFor(FIRST_PARTS_OFFER),
      });
      if (!answer || ctx.signal.aborted) return null;
      if (answer.parts !== 'all') planned = Math.max(1, Math.min(total, Math.floor(answer.parts)));
    }
    const secondsLeft = pace.secondsLeft(planned, chunk.index);
    ctx.phase({ phase: 'summarizing-part', part: chunk.index + 1, total: planned, secondsLeft });
    const part = await ctx.generate({
      task: 'summarize',
      // The prompt names the part's place in the whole page, even when only the first parts are summarized.
      messages: buildChunkSummaryPrompt(chunk.text, chunk.index, total, common),
      maxTokens: plan.partMaxTokens,
      stream: false,
    });
    if (part.stopped) return null;
    pace.record(part.generatingMs);
    parts.push(stripEchoedFenceMarkers(part.text).trim());
  }
  return planned < total ? { parts, coverage: { parts: planned, total } } : { parts };
}

/** The average time of the part generations so far, and what the rest of a summary takes at that pace. */
class GenerationPace {
  private totalMs = 0;
  private count = 0;

  constructor(private readonly generationsFor: (parts: number) => number) {}

  record(generatingMs: number | undefined): void {
    if (generatingMs === undefined) return;
    this.totalMs += generatingMs;
    this.count++;
  }

  /** A whole summary of `parts` parts (merges and final combine included); undefined before anything was timed. */
  secondsFor(parts: number): number | undefined {
    return this.count === 0 ? undefined : (this.generationsFor(parts) * this.totalMs) / this.count / 1000;
  }

  /** What is left of a summary of `parts` parts when `done` of them are written. */
  secondsLeft(parts: number, done: number): number | undefined {
    return this.count === 0 ? undefined : ((this.generationsFor(parts) - done) * this.totalMs) / this.count / 1000;
  }
}

async function finalSummary(messages: ChatMessage[], maxTokens: number, ctx: TaskContext): Promise<SummaryResult> {
  const { text, stopped } = await ctx.generate({ task: 'summarize', messages, maxTokens, stream: true });
  return { stopped, conversation: stopped ? null : [...messages, { role: 'assistant', content: text }] };
}
