import type { ModelRecord } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import type { ChatMessage, LoadProgress } from '../types';
import { ScriptedEngine } from '../scripted-engine';

const RECORD: ModelRecord = {
  model: 'https://huggingface.co/mlc-ai/Test-Model-MLC',
  model_id: 'Test-Model-MLC',
  model_lib: 'https://example.com/libs/Test-Model-webgpu.wasm',
};

async function reply(
  engine: ScriptedEngine,
  messages: ChatMessage[],
): Promise<{ text: string; deltas: string[]; stopped: boolean }> {
  const deltas: string[] = [];
  const { stopped } = await engine.generate(RECORD.model_id, { messages }, (text) => deltas.push(text));
  return { text: deltas.join(''), deltas, stopped };
}

describe('ScriptedEngine', () => {
  it('replies about the last user message, the same way every time', async () => {
    const engine = new ScriptedEngine({ tokenDelayMs: 0, tokenCount: 10 });
    const messages: ChatMessage[] = [
      { role: 'system', content: 'You are a system prompt' },
      { role: 'user', content: 'first question' },
      { role: 'assistant', content: 'first answer' },
      { role: 'user', content: 'what is the capital of France' },
    ];
    const first = await reply(engine, messages);
    const second = await reply(engine, messages);
    expect(first.text).toBe('Scripted reply about: what is the capital of France token1 ');
    expect(second.text).toBe(first.text);
    expect(first.stopped).toBe(false);
  });

  it('streams the reply as several deltas and quotes at most six words of the prompt', async () => {
    const engine = new ScriptedEngine({ tokenDelayMs: 0, tokenCount: 3 });
    const { deltas } = await reply(engine, [{ role: 'user', content: 'one two three four five six seven eight' }]);
    expect(deltas).toEqual(['Scripted ', 'reply ', 'about: ', 'one ', 'two ', 'three ', 'four ', 'five ', 'six ']);
  });

  it('streams a fixed reply word by word when one is set', async () => {
    const engine = new ScriptedEngine({ tokenDelayMs: 0, reply: 'Hello there,  friend.' });
    const { text, deltas } = await reply(engine, [{ role: 'user', content: 'ignored' }]);
    expect(text).toBe('Hello there,  friend.');
    expect(deltas).toEqual(['Hello ', 'there,  ', 'friend.']);
  });

  it('streams fixed deltas exactly as given, even inside words', async () => {
    const engine = new ScriptedEngine({
      tokenDelayMs: 0,
      tokens: ['<scr', 'ipt>', ' [x](java', 'script:1)'],
      reply: 'ignored',
    });
    const { deltas } = await reply(engine, [{ role: 'user', content: 'hi' }]);
    expect(deltas).toEqual(['<scr', 'ipt>', ' [x](java', 'script:1)']);
  });

  it('records which model was asked what', async () => {
    const engine = new ScriptedEngine({ tokenDelayMs: 0 });
    const messages: ChatMessage[] = [{ role: 'user', content: 'summarise this' }];
    await reply(engine, messages);
    expect(engine.log).toEqual([{ modelId: 'Test-Model-MLC', messages }]);
  });

  it('stops streaming soon after interrupt and says it was stopped', async () => {
    const engine = new ScriptedEngine({ tokenDelayMs: 5, tokenCount: 40 });
    const deltas: string[] = [];
    const result = await engine.generate(RECORD.model_id, { messages: [{ role: 'user', content: 'go' }] }, (text) => {
      deltas.push(text);
      if (deltas.length === 2) engine.interrupt();
    });
    expect(result.stopped).toBe(true);
    expect(deltas).toHaveLength(2);
  });

  it('reports load progress in stages up to the whole model, then lists it as loaded', async () => {
    const engine = new ScriptedEngine();
    const progress: LoadProgress[] = [];
    await engine.load(RECORD, (p) => progress.push(p));
    const download = progress.filter((p) => p.stage === 'download');
    const shaders = progress.filter((p) => p.stage === 'shaders');
    expect(download.length + shaders.length).toBe(progress.length);
    expect(progress.indexOf(shaders[0]!)).toBe(download.length);
    for (const stage of [download, shaders]) {
      expect(stage.at(-1)?.fraction).toBe(1);
      stage.slice(1).forEach((p, index) => expect(p.fraction).toBeGreaterThan(stage[index]!.fraction));
    }
    expect(engine.loadedModels()).toEqual(['Test-Model-MLC']);
  });

  it('does not load an already loaded model again', async () => {
    const engine = new ScriptedEngine();
    await engine.load(RECORD, () => undefined);
    const progress: LoadProgress[] = [];
    await engine.load(RECORD, (p) => progress.push(p));
    expect(progress).toEqual([]);
  });

  it('fails to load with the scripted error and loads nothing', async () => {
    const engine = new ScriptedEngine({ failLoadWith: 'TypeError: Failed to fetch' });
    await expect(engine.load(RECORD, () => undefined)).rejects.toThrow('TypeError: Failed to fetch');
    expect(engine.loadedModels()).toEqual([]);
  });

  it('fails mid-reply with the scripted error after the scripted number of tokens', async () => {
    const engine = new ScriptedEngine({
      tokenDelayMs: 0,
      tokens: ['a ', 'b ', 'c ', 'd '],
      failGenerateWith: 'DeviceLostError: GPU device was lost',
      failAfterTokens: 2,
    });
    const deltas: string[] = [];
    await expect(engine.generate('m', { messages: [] }, (text) => deltas.push(text))).rejects.toThrow(
      'DeviceLostError: GPU device was lost',
    );
    expect(deltas).toEqual(['a ', 'b ']);
  });

  it('forgets the model on unload', async () => {
    const engine = new ScriptedEngine();
    await engine.load(RECORD, () => undefined);
    await engine.unload();
    expect(engine.loadedModels()).toEqual([]);
  });
});
