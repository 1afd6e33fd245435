/** Follow-up questions about a summarized page: the fenced page stays first in context, later turns are plain Q&A. */

import type { ChatMessage } from '../../offscreen/engines/types';

export interface FollowUpOptions {
  /** When given with countTokens, the oldest Q&A turns are dropped until the conversation fits. */
  budgetTokens?: number;
  countTokens?: (text: string) => number;
}

export type FollowUpResult =
  | { ok: true; messages: ChatMessage[] }
  | { ok: false; error: { code: 'empty-question' | 'missing-page-context' | 'context-too-small' } };

/** Turns kept no matter what: the system prompt, the fenced page and the summary. */
const PINNED_TURNS = 3;

/**
 * Appends the user's question to a summary conversation ([system, user with fenced page, assistant summary,
 * ...Q&A]). The question is the user's own words, so it goes in unfenced.
 */
export function buildFollowUpMessages(
  history: readonly ChatMessage[],
  question: string,
  options: FollowUpOptions = {},
): FollowUpResult {
  const trimmedQuestion = question.trim();
  if (!trimmedQuestion) return { ok: false, error: { code: 'empty-question' } };
  const [system, page, summary] = history;
  if (system?.role !== 'system' || page?.role !== 'user' || summary?.role !== 'assistant') {
    return { ok: false, error: { code: 'missing-page-context' } };
  }

  const pinned: ChatMessage[] = [system, page, summary];
  let turns = completedTurns(history.slice(PINNED_TURNS));
  const ask: ChatMessage = { role: 'user', content: trimmedQuestion };
  const { budgetTokens, countTokens } = options;
  if (budgetTokens !== undefined && countTokens) {
    const size = (messages: readonly ChatMessage[]): number =>
      messages.reduce((sum, message) => sum + countTokens(message.content), 0);
    const fixed = size(pinned) + size([ask]);
    if (fixed > budgetTokens) return { ok: false, error: { code: 'context-too-small' } };
    while (turns.length > 0 && fixed + size(turns) > budgetTokens) turns = turns.slice(2);
  }
  return { ok: true, messages: [...pinned, ...turns, ask] };
}

/** Earlier Q&A as whole user/assistant pairs; an unanswered or out-of-order message is dropped. */
function completedTurns(messages: readonly ChatMessage[]): ChatMessage[] {
  const pairs: ChatMessage[] = [];
  for (let i = 0; i + 1 < messages.length; i++) {
    const question = messages[i];
    const answer = messages[i + 1];
    if (question?.role === 'user' && answer?.role === 'assistant') {
      pairs.push(question, answer);
      i++;
    }
  }
  return pairs;
}
