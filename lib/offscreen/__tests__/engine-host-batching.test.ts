import { beforeEach, describe, expect, it, vi } from 'vitest';
import { scriptedEmitTimes } from '../engines/scripted-engine';
import { finished, messagesFor, replyText, setupHost as setup } from './engine-host-harness';

const FLOOD = Array.from({ length: 2000 }, (_, index) => `w${index} `);

beforeEach(() => {
  scriptedEmitTimes.length = 0;
});

describe('EngineHost batching', () => {
  it('sends the first token alone and merges a flood into a few messages, in order and complete', async () => {
    const { port, generate } = setup({ tokens: FLOOD, tokenDelayMs: 0 });
    generate('a');
    expect(await finished(port, 'a')).toEqual({ type: 'engine/done', requestId: 'a', stopped: false });
    const deltas = messagesFor(port, 'a').filter((message) => message.type === 'engine/delta');
    expect(deltas[0]).toEqual({ type: 'engine/delta', requestId: 'a', text: 'w0 ' });
    expect(deltas.length).toBeLessThan(FLOOD.length / 10);
    expect(replyText(port, 'a')).toBe(FLOOD.join(''));
    expect(messagesFor(port, 'a').at(-1)?.type).toBe('engine/done');
  });

  it('sends tokens that come further apart than a frame one by one', async () => {
    const { port, generate } = setup({ tokenDelayMs: 25, tokenCount: 5 });
    generate('a');
    await finished(port, 'a');
    const deltas = messagesFor(port, 'a').filter((message) => message.type === 'engine/delta');
    expect(deltas.map((delta) => (delta.type === 'engine/delta' ? delta.text : ''))).toEqual([
      'Scripted ',
      'reply ',
      'about: ',
      'hello ',
      'world ',
    ]);
  });

  it('on cancel, sends every token written before it, then done, and nothing after', async () => {
    const { port, generate, cancel } = setup({ tokens: FLOOD, tokenDelayMs: 0, recordEmitTimes: true });
    generate('a');
    await vi.waitFor(() => expect(scriptedEmitTimes.length).toBeGreaterThan(50), { interval: 1 });
    cancel('a');
    const written = scriptedEmitTimes.length;
    expect(await finished(port, 'a')).toEqual({ type: 'engine/done', requestId: 'a', stopped: true });
    expect(written).toBeLessThan(FLOOD.length);
    expect(replyText(port, 'a')).toBe(FLOOD.slice(0, written).join(''));
    expect(messagesFor(port, 'a').at(-1)?.type).toBe('engine/done');
  });
});
