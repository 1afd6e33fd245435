import { beforeEach, describe, expect, it, vi } from 'vitest';
import { scriptedRequestLog } from '../engines/scripted-engine';
import { finished, ggufRecord, messagesFor, record, setupHost, sleep } from './engine-host-harness';

const SMALL = record('Small-Model-MLC', 1000);
const MEDIUM = record('Medium-Model-MLC', 1500);
const LARGE = record('Large-Model-MLC', 1200);

beforeEach(() => {
  scriptedRequestLog.length = 0;
});

/** A host whose models share a 3000 MB budget: SMALL and MEDIUM fit together, LARGE needs one of them gone. */
function setup(idleTimeoutMs?: number) {
  const host = setupHost({ tokenDelayMs: 1, tokenCount: 4 }, idleTimeoutMs);
  host.settings.gpuBudgetMB = 3000;
  return host;
}

function prompts(): Array<string | undefined> {
  return scriptedRequestLog.map((entry) => entry.messages.at(-1)?.content);
}

describe('EngineHost with several models', () => {
  it('keeps two models that fit the budget loaded, and serves the first again without reloading it', async () => {
    const { engines, events, host, port, generate } = setup();
    generate('a', { model: SMALL });
    generate('b', { model: MEDIUM });
    generate('c', { model: SMALL, prompt: 'again' });
    expect(await finished(port, 'c')).toEqual({ type: 'engine/done', requestId: 'c', stopped: false });

    expect(events).toEqual(['load Small-Model-MLC', 'load Medium-Model-MLC']);
    expect(engines).toHaveLength(2);
    expect(engines[0]!.log.map((entry) => entry.messages.at(-1)?.content)).toEqual(['hello world', 'again']);
    expect(messagesFor(port, 'c').some((m) => m.type === 'engine/loading')).toBe(false);
    expect(host.status().loadedModels).toEqual(['Small-Model-MLC', 'Medium-Model-MLC']);
  });

  it('evicts the least recently used model, not the first loaded, when a third one does not fit', async () => {
    const { engines, events, host, port, generate } = setup();
    generate('a', { model: SMALL });
    generate('b', { model: MEDIUM });
    // Using SMALL again leaves MEDIUM as the least recently used.
    generate('c', { model: SMALL });
    generate('d', { model: LARGE });
    expect(await finished(port, 'd')).toMatchObject({ type: 'engine/done', stopped: false });

    expect(events).toEqual([
      'load Small-Model-MLC',
      'load Medium-Model-MLC',
      'unload Medium-Model-MLC',
      'load Large-Model-MLC',
    ]);
    expect(engines[1]!.loadedModels()).toEqual([]);
    expect(host.status().loadedModels).toEqual(['Small-Model-MLC', 'Large-Model-MLC']);

    generate('e', { model: SMALL });
    await finished(port, 'e');
    expect(engines).toHaveLength(3);
    expect(messagesFor(port, 'e').some((m) => m.type === 'engine/loading')).toBe(false);
  });

  it('evicts other models when the budget shrinks below what is loaded, keeping the requested one', async () => {
    const { events, host, port, settings, generate } = setup();
    generate('a', { model: SMALL });
    generate('b', { model: MEDIUM });
    await finished(port, 'b');
    settings.gpuBudgetMB = 1200;
    generate('c', { model: SMALL });
    expect(await finished(port, 'c')).toMatchObject({ type: 'engine/done', stopped: false });
    expect(events).toEqual(['load Small-Model-MLC', 'load Medium-Model-MLC', 'unload Medium-Model-MLC']);
    expect(host.status().loadedModels).toEqual(['Small-Model-MLC']);
  });

  it('refuses a model larger than the whole budget, keeping what is loaded', async () => {
    const { createEngine, events, host, port, generate } = setup();
    generate('a', { model: SMALL });
    await finished(port, 'a');
    generate('b', { model: record('Huge-Model-MLC', 3100.6) });
    expect(await finished(port, 'b')).toEqual({
      type: 'engine/error',
      requestId: 'b',
      error: { code: 'model-too-large', neededMB: 3101, budgetMB: 3000 },
    });
    expect(createEngine).toHaveBeenCalledTimes(1);
    expect(events).toEqual(['load Small-Model-MLC']);
    expect(host.status().loadedModels).toEqual(['Small-Model-MLC']);
  });

  it("takes turns between clients, telling the other client's waiting request it is next", async () => {
    const { port, generate } = setup();
    generate('x1', { clientId: 'tab-1', prompt: 'x1' });
    generate('x2', { clientId: 'tab-1', prompt: 'x2' });
    generate('x3', { clientId: 'tab-1', prompt: 'x3' });
    generate('y1', { clientId: 'tab-2', prompt: 'y1' });
    await Promise.all(['x1', 'x2', 'x3', 'y1'].map((id) => finished(port, id)));

    expect(prompts()).toEqual(['x1', 'y1', 'x2', 'x3']);
    expect(messagesFor(port, 'y1').filter((m) => m.type === 'engine/queued')).toEqual([
      { type: 'engine/queued', requestId: 'y1', position: 1 },
    ]);
    // tab-1's second request moved back one place when tab-2 arrived.
    const x2Positions = messagesFor(port, 'x2').flatMap((m) => (m.type === 'engine/queued' ? [m.position] : []));
    expect(x2Positions).toEqual([1, 2, 1]);
    expect(messagesFor(port, 'x1').some((m) => m.type === 'engine/queued')).toBe(false);
  });

  it.each([
    ['DeviceLostError: The WebGPU device was lost', 'gpu-device-lost'],
    ['RangeError: Failed to allocate buffer: out of memory', 'out-of-gpu-memory'],
  ])(
    'unloads a model whose reply failed with "%s", and loads it afresh for the next request',
    async (message, code) => {
      const { engines, events, host, port, generate } = setup();
      generate('a', { model: SMALL });
      generate('b', { model: MEDIUM });
      await finished(port, 'b');
      vi.spyOn(engines[0]!, 'generate').mockRejectedValueOnce(new Error(message));
      generate('c', { model: SMALL });
      expect(await finished(port, 'c')).toMatchObject({ type: 'engine/error', error: { code } });

      expect(events.slice(2)).toEqual(['unload Small-Model-MLC']);
      expect(engines[0]!.loadedModels()).toEqual([]);
      expect(host.status().loadedModels).toEqual(['Medium-Model-MLC']);

      generate('d', { model: SMALL, prompt: 'after the failure' });
      expect(await finished(port, 'd')).toMatchObject({ type: 'engine/done', stopped: false });
      expect(events.slice(2)).toEqual(['unload Small-Model-MLC', 'load Small-Model-MLC']);
      expect(engines).toHaveLength(3);
      expect(engines[2]!.log.map((entry) => entry.messages.at(-1)?.content)).toEqual(['after the failure']);
    },
  );

  it('keeps a model loaded after a reply failure that does not concern the GPU', async () => {
    const { engines, events, port, generate } = setup();
    generate('a', { model: SMALL });
    await finished(port, 'a');
    vi.spyOn(engines[0]!, 'generate').mockRejectedValueOnce(new Error('Tokenizer hiccup'));
    generate('b', { model: SMALL });
    expect(await finished(port, 'b')).toMatchObject({ type: 'engine/error', error: { code: 'unknown' } });
    generate('c', { model: SMALL });
    expect(await finished(port, 'c')).toMatchObject({ type: 'engine/done', stopped: false });
    expect(events).toEqual(['load Small-Model-MLC']);
    expect(engines).toHaveLength(1);
  });

  it('unloads every model when idle, and only then reports idleness', async () => {
    const { events, host, onIdle, port, generate } = setup(30);
    generate('a', { model: SMALL });
    generate('b', { model: MEDIUM });
    await finished(port, 'b');
    await vi.waitFor(() => expect(onIdle).toHaveBeenCalled(), { interval: 2 });

    expect(events).toEqual([
      'load Small-Model-MLC',
      'load Medium-Model-MLC',
      'unload Small-Model-MLC',
      'unload Medium-Model-MLC',
      'idle',
    ]);
    expect(host.status().loadedModels).toEqual([]);
    await sleep(60);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});

describe('EngineHost with GPU and CPU models', () => {
  const CPU_SMALL = ggufRecord('Small-GGUF', 800);
  const CPU_LARGE = ggufRecord('Large-GGUF', 1500);

  function mixed() {
    const host = setupHost({ tokenDelayMs: 1, tokenCount: 3 });
    host.settings.gpuBudgetMB = 1600;
    host.settings.ramBudgetMB = 2000;
    return host;
  }

  it('budgets GPU memory and RAM apart: a CPU model never evicts a GPU model, nor the other way round', async () => {
    const { createEngine, events, host, port, generate } = mixed();
    generate('a', { model: MEDIUM });
    generate('b', { model: CPU_SMALL });
    generate('c', { model: CPU_LARGE });
    expect(await finished(port, 'c')).toMatchObject({ type: 'engine/done', stopped: false });
    expect(events).toEqual([
      'load Medium-Model-MLC',
      'load Small-GGUF',
      // 800 + 1500 MB exceed the 2000 MB of RAM: the CPU model goes, the GPU model stays.
      'unload Small-GGUF',
      'load Large-GGUF',
    ]);
    expect(createEngine.mock.calls.map(([, requested]) => requested.model_id)).toEqual([
      'Medium-Model-MLC',
      'Small-GGUF',
      'Large-GGUF',
    ]);
    expect(host.status()).toMatchObject({ loadedModels: ['Medium-Model-MLC', 'Large-GGUF'], onCpu: ['Large-GGUF'] });
  });

  it('refuses a CPU model larger than the whole RAM budget, in words about memory, not the GPU', async () => {
    const { port, generate } = mixed();
    generate('a', { model: ggufRecord('Huge-GGUF', 2500) });
    expect(await finished(port, 'a')).toEqual({
      type: 'engine/error',
      requestId: 'a',
      error: { code: 'model-too-large-for-ram', neededMB: 2500, budgetMB: 2000 },
    });
  });
});
