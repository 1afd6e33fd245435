import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../offscreen/engines/types';
import { ConversationStore } from '../../common/conversations';
import { runFollowUp } from '../run';
import { TaskFailure } from '../../common/task-context';
import { fakeTaskContext } from '../../common/__tests__/fake-task-context';

/** A summary conversation as runSummary leaves it: system prompt, fenced page, summary. */
function summaryConversation(): ChatMessage[] {
  return [
    { role: 'system', content: 'You are Tacit, a summarizer.' },
    { role: 'user', content: '<<<BEGIN PAGE abcd1234>>>\nThe gauge was read hourly.\n<<<END PAGE abcd1234>>>' },
    { role: 'assistant', content: '- The gauge was read hourly.' },
  ];
}

function setup(answer = 'Every hour.', stopped = false) {
  const conversations = new ConversationStore();
  const id = conversations.create(summaryConversation());
  const fake = fakeTaskContext({ answer: () => ({ text: answer, stopped }) });
  return { conversations, id, fake };
}

describe('runFollowUp', () => {
  it('allows links to the addresses of the summarized page and of the questions', async () => {
    const conversations = new ConversationStore();
    const id = conversations.create(summaryConversation(), ['https://example.com/gauge']);
    const fake = fakeTaskContext({ answer: () => ({ text: 'See https://evil.example/?d=1', stopped: false }) });

    await runFollowUp(id, 'Is https://example.com/a the same?', fake.ctx, conversations);
    await runFollowUp(id, 'And www.example.com?', fake.ctx, conversations);

    expect(fake.links()).toEqual([
      ['https://example.com/gauge', 'https://example.com/a'],
      ['https://example.com/gauge', 'https://example.com/a', 'http://www.example.com?', 'http://www.example.com'],
    ]);
  });

  it('asks the chat model with the whole conversation followed by the question, streamed', async () => {
    const { conversations, id, fake } = setup();

    await runFollowUp(id, '  How often was it read?  ', fake.ctx, conversations);

    expect(fake.generations).toHaveLength(1);
    expect(fake.generations[0]).toMatchObject({
      task: 'chat',
      stream: true,
      messages: [...summaryConversation(), { role: 'user', content: 'How often was it read?' }],
    });
  });

  it('remembers the question and its answer, so the next question sees both', async () => {
    const { conversations, id, fake } = setup('Every hour.');

    const outcome = await runFollowUp(id, ' How often was it read?\n', fake.ctx, conversations);
    await runFollowUp(id, 'Since when?', fake.ctx, conversations);

    expect(outcome).toEqual({ stopped: false });
    const turns = [
      { role: 'user', content: 'How often was it read?' },
      { role: 'assistant', content: 'Every hour.' },
    ];
    expect(fake.generations[1]!.messages).toEqual([
      ...summaryConversation(),
      ...turns,
      { role: 'user', content: 'Since when?' },
    ]);
    expect(conversations.get(id)).toEqual([
      ...summaryConversation(),
      ...turns,
      { role: 'user', content: 'Since when?' },
      { role: 'assistant', content: 'Every hour.' },
    ]);
  });

  it('a stopped answer is not remembered', async () => {
    const { conversations, id, fake } = setup('Every ho', true);

    const outcome = await runFollowUp(id, 'How often was it read?', fake.ctx, conversations);

    expect(outcome).toEqual({ stopped: true });
    expect(conversations.get(id)).toEqual(summaryConversation());
  });

  it('a conversation the background no longer knows fails with conversation-expired', async () => {
    const { conversations, fake } = setup();

    const run = runFollowUp('forgotten-id', 'How often was it read?', fake.ctx, conversations);

    await expect(run).rejects.toBeInstanceOf(TaskFailure);
    await expect(run).rejects.toMatchObject({ failure: { code: 'conversation-expired' } });
    expect(fake.generations).toEqual([]);
  });

  it('an empty question is an invalid request and asks nothing', async () => {
    const { conversations, id, fake } = setup();

    await expect(runFollowUp(id, '   ', fake.ctx, conversations)).rejects.toMatchObject({
      failure: { code: 'invalid-request' },
    });
    expect(fake.generations).toEqual([]);
    expect(conversations.get(id)).toEqual(summaryConversation());
  });

  it('a chat model whose window cannot hold the page and the question fails with context-too-small', async () => {
    const conversations = new ConversationStore();
    const id = conversations.create(summaryConversation());
    const fake = fakeTaskContext({ contextWindow: 520 });

    await expect(runFollowUp(id, 'How often was it read?', fake.ctx, conversations)).rejects.toMatchObject({
      failure: { code: 'context-too-small' },
    });
    expect(fake.contextWindowAsked).toEqual(['chat']);
    expect(fake.generations).toEqual([]);
  });
});
