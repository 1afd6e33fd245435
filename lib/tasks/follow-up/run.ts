/** A question about the page just summarized, answered in the same conversation so the engine reuses its context. */
import { tacitError } from '../../core/errors';
import type { ConversationStore } from '../common/conversations';
import { buildFollowUpMessages } from './prompt';
import { countModelTokens } from '../common/model-tokens';
import { linksIn } from '../common/source-links';
import { TaskFailure, type TaskContext, type TaskOutcome } from '../common/task-context';

const ANSWER_RESERVE_TOKENS = 512;

export async function runFollowUp(
  conversationId: string,
  question: string,
  ctx: TaskContext,
  conversations: ConversationStore,
): Promise<TaskOutcome> {
  const history = conversations.get(conversationId);
  if (!history) throw new TaskFailure(tacitError('conversation-expired'));
  const built = buildFollowUpMessages(history, question, {
    budgetTokens: (await ctx.contextWindow('chat')) - ANSWER_RESERVE_TOKENS,
    countTokens: countModelTokens,
  });
  if (!built.ok) {
    throw new TaskFailure(tacitError(built.error.code === 'empty-question' ? 'invalid-request' : 'context-too-small'));
  }
  // The page the summary read and the user's questions; never earlier answers, which the model wrote.
  const questionLinks = linksIn(question);
  ctx.allowLinks([...new Set([...conversations.links(conversationId), ...questionLinks])]);
  const { text, stopped } = await ctx.generate({
    task: 'chat',
    messages: built.messages,
    maxTokens: ANSWER_RESERVE_TOKENS,
    stream: true,
  });
  if (!stopped) {
    conversations.append(
      conversationId,
      { role: 'user', content: question.trim() },
      { role: 'assistant', content: text },
    );
    conversations.addLinks(conversationId, questionLinks);
  }
  return { stopped };
}
