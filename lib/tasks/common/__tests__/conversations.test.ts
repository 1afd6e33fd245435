import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../offscreen/engines/types';
import { ConversationStore } from '../conversations';

const conversation = (n: number): ChatMessage[] => [
  { role: 'system', content: 'You are Tacit.' },
  { role: 'user', content: `Page ${n}` },
  { role: 'assistant', content: `Summary ${n}` },
];

describe('ConversationStore', () => {
  it('gives each conversation its own id and returns it by that id', () => {
    const store = new ConversationStore();

    const first = store.create(conversation(1));
    const second = store.create(conversation(2));

    expect(first).not.toBe(second);
    expect(store.get(first)).toEqual(conversation(1));
    expect(store.get(second)).toEqual(conversation(2));
    expect(store.get('unknown')).toBeUndefined();
  });

  it('appends turns to the conversation they belong to', () => {
    const store = new ConversationStore();
    const id = store.create(conversation(1));
    const other = store.create(conversation(2));

    store.append(id, { role: 'user', content: 'Why?' }, { role: 'assistant', content: 'Because.' });

    expect(store.get(id)).toEqual([
      ...conversation(1),
      { role: 'user', content: 'Why?' },
      { role: 'assistant', content: 'Because.' },
    ]);
    expect(store.get(other)).toEqual(conversation(2));
  });

  it('appending to an unknown conversation does not create it', () => {
    const store = new ConversationStore();

    store.append('unknown', { role: 'user', content: 'Why?' });

    expect(store.get('unknown')).toBeUndefined();
  });

  it('keeps the 16 most recent conversations and forgets the oldest', () => {
    const store = new ConversationStore();
    const ids = Array.from({ length: 17 }, (_, n) => store.create(conversation(n + 1)));

    expect(store.get(ids[0]!)).toBeUndefined();
    ids.slice(1).forEach((id, n) => expect(store.get(id)).toEqual(conversation(n + 2)));
  });

  it('keeps all of 16 conversations', () => {
    const store = new ConversationStore();
    const ids = Array.from({ length: 16 }, (_, n) => store.create(conversation(n + 1)));

    ids.forEach((id, n) => expect(store.get(id)).toEqual(conversation(n + 1)));
  });
});
