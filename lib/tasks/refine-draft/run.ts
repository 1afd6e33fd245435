/** Reworks a finished reply draft in one style (shorter, more formal, …) with the draft model, keeping it tied to its conversation. */
import { tacitError } from '../../core/errors';
import type { TaskRequest } from '../../protocol/messages';
import { buildRewritePrompt } from '../rewrite/prompt';
import { REWRITE_TEMPERATURE } from '../rewrite/styles';
import { finishRewrite, rewriteAnswerTokens } from '../rewrite/run';
import { TaskFailure, type TaskContext, type TaskOutcome } from '../common/task-context';

export async function runRefineDraft(
  task: Extract<TaskRequest, { kind: 'refine-draft' }>,
  ctx: TaskContext,
): Promise<TaskOutcome> {
  // The draft is the user's text now, but it was written from mail: it stays fenced as data like any selection.
  const prompt = buildRewritePrompt({ style: task.style, text: task.text });
  if (!prompt.ok)
    throw new TaskFailure(tacitError(prompt.error.code === 'empty-text' ? 'empty-selection' : 'invalid-request'));
  ctx.source({ kind: 'mail', conversationId: '', ...task.conversation });
  const { text, stopped } = await ctx.generate({
    task: 'draft',
    messages: prompt.messages,
    maxTokens: rewriteAnswerTokens(task.style, task.text),
    temperature: REWRITE_TEMPERATURE[task.style],
    stream: true,
  });
  if (stopped) return { stopped };
  ctx.result({ text: finishRewrite(task.style, text, task.text).text });
  return { stopped: false };
}
