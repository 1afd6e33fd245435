import { describe, expect, it } from 'vitest';
import type { MailSource, TaskRequest } from '../../../protocol/messages';
import { runRefineDraft } from '../run';
import { rewriteAnswerTokens } from '../../rewrite/run';
import type { TaskFailure } from '../../common/task-context';
import { fakeTaskContext } from '../../common/__tests__/fake-task-context';

const MAIL: MailSource = {
  tabId: 5,
  conversation: { client: 'gmail', ids: ['thread:t1'], messageIds: [], subject: 'Planning the offsite' },
  client: 'gmail',
  replyingTo: 'Ana Ortiz',
  messageCount: 2,
  omittedMessages: 0,
  unreadMessages: 0,
  fromSelection: false,
};
const DRAFT =
  'Hi Ana,\n\nThursday at 3 pm works well for me, and I will book the big meeting room for us.\n\nBest,\nSam';

function task(
  style: Extract<TaskRequest, { kind: 'refine-draft' }>['style'],
  text = DRAFT,
): Extract<TaskRequest, { kind: 'refine-draft' }> {
  return {
    kind: 'refine-draft',
    text,
    style,
    conversation: { title: 'Planning the offsite', url: 'https://mail.google.com/x', mail: MAIL },
  };
}

describe('runRefineDraft', () => {
  it('reworks the draft on the draft model, fenced as data, and keeps it tied to its conversation', async () => {
    const fake = fakeTaskContext({
      answer: () => ({
        text: 'Here is the shorter text:\n\nHi Ana,\n\nThursday 3 pm works; I will book the room.\n\nBest,\nSam',
        stopped: false,
      }),
    });
    await runRefineDraft(task('shorter'), fake.ctx);

    expect(fake.sources()).toEqual([
      { kind: 'mail', conversationId: '', title: 'Planning the offsite', url: 'https://mail.google.com/x', mail: MAIL },
    ]);
    const [generation] = fake.generations;
    expect(generation!.task).toBe('draft');
    const [system, user] = generation!.messages;
    expect(system!.content).toContain('noticeably shorter');
    expect(system!.content).not.toContain('Thursday');
    expect(user!.content).toMatch(/<<<BEGIN TEXT [a-z0-9]+>>>\nHi Ana,/);
    expect(generation!.maxTokens).toBe(rewriteAnswerTokens('shorter', DRAFT));
    expect(fake.events.at(-1)).toEqual({
      event: 'result',
      result: { text: 'Hi Ana,\n\nThursday 3 pm works; I will book the room.\n\nBest,\nSam' },
    });
  });

  it('an empty draft is refused without asking the engine', async () => {
    const fake = fakeTaskContext();
    const failure = await runRefineDraft(task('formal', '   '), fake.ctx).catch((error: TaskFailure) => error.failure);
    expect(failure).toEqual({ code: 'empty-selection' });
    expect(fake.generations).toEqual([]);
  });
});
