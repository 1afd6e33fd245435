/**
 * Summary conversations kept for follow-up questions, in the background's memory only: page text is never
 * written to storage. If the service worker restarts they are gone, and a follow-up says so.
 */
import type { ChatMessage } from '../../offscreen/engines/types';

const MAX_CONVERSATIONS = 16;

interface Conversation {
  messages: ChatMessage[];
  /** The addresses in the page the summary read and in the user's questions: the links answers may show. */
  links: Set<string>;
}

export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();

  create(messages: ChatMessage[], links: readonly string[] = []): string {
    const id = crypto.randomUUID();
    this.conversations.set(id, { messages, links: new Set(links) });
    // Oldest first in a Map: drop the least recently created beyond the cap.
    while (this.conversations.size > MAX_CONVERSATIONS) {
      const oldest = this.conversations.keys().next().value;
      if (oldest === undefined) break;
      this.conversations.delete(oldest);
    }
    return id;
  }

  get(id: string): ChatMessage[] | undefined {
    return this.conversations.get(id)?.messages;
  }

  links(id: string): string[] {
    return [...(this.conversations.get(id)?.links ?? [])];
  }

  append(id: string, ...messages: ChatMessage[]): void {
    this.conversations.get(id)?.messages.push(...messages);
  }

  addLinks(id: string, links: readonly string[]): void {
    const conversation = this.conversations.get(id);
    links.forEach((link) => conversation?.links.add(link));
  }
}
