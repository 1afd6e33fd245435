/**
 * Summary conversations kept for follow-up questions, in the background's memory only: page text is never
 * written to storage. If the service worker restarts they are gone, and a follow-up says so.
 */
import type { ChatMessage } from '../../offscreen/engines/types';

const MAX_CONVERSATIONS = 16;

export class ConversationStore {
  private readonly conversations = new Map<string, ChatMessage[]>();

  create(messages: ChatMessage[]): string {
    const id = crypto.randomUUID();
    this.conversations.set(id, messages);
    // Oldest first in a Map: drop the least recently created beyond the cap.
    while (this.conversations.size > MAX_CONVERSATIONS) {
      const oldest = this.conversations.keys().next().value;
      if (oldest === undefined) break;
      this.conversations.delete(oldest);
    }
    return id;
  }

  get(id: string): ChatMessage[] | undefined {
    return this.conversations.get(id);
  }

  append(id: string, ...messages: ChatMessage[]): void {
    const history = this.conversations.get(id);
    if (history) history.push(...messages);
  }
}
