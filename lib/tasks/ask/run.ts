/** A free question to the assistant, typed in the panel. */
import type { ChatMessage } from '../../offscreen/engines/types';
import { tacitError } from '../../core/errors';
import { linksIn } from '../common/source-links';
import { TaskFailure, type TaskContext, type TaskOutcome } from '../common/task-context';

const ASK_SYSTEM_PROMPT =
  "You are Tacit, a helpful assistant that runs privately on the user's own device. " +
  'Answer clearly and concisely. Use Markdown for lists and emphasis; never output HTML.';

export function buildAskMessages(prompt: string): ChatMessage[] {
  return [
    { role: 'system', content: ASK_SYSTEM_PROMPT },
    { role: 'user', content: prompt },
  ];
}

export async function runAsk(prompt: string, ctx: TaskContext): Promise<TaskOutcome> {
  if (prompt.trim() === '') throw new TaskFailure(tacitError('invalid-request'));
  ctx.allowLinks(linksIn(prompt));
  const { stopped } = await ctx.generate({ task: 'chat', messages: buildAskMessages(prompt), stream: true });
  return { stopped };
}
