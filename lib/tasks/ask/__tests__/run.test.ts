import { describe, expect, it } from 'vitest';
import { runAsk } from '../run';
import { fakeTaskContext } from '../../common/__tests__/fake-task-context';

describe('runAsk', () => {
  it('allows links only to the addresses in the question, before the answer is generated', async () => {
    const fake = fakeTaskContext();

    await runAsk('What is on https://example.org/guide?', fake.ctx);

    expect(fake.events.map((entry) => entry.event)).toEqual(['links', 'generate']);
    expect(fake.links()).toEqual([['https://example.org/guide?', 'https://example.org/guide']]);
  });
});
