/** The OpenAI-style chat message every task prompt is built from and the engine consumes. */

export type ChatRole = 'system' | 'user' | 'assistant';

export interface ChatMessage {
  role: ChatRole;
  content: string;
}
