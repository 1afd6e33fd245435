import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scriptedRequestLog } from '../engines/scripted-engine';
import { finished, ggufRecord, messagesFor, record, replyText, setupHost as setup, sleep } from './engine-host-harness';

beforeEach(() => {
  scriptedRequestLog.length = 0;
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('EngineHost', () => {
  it('streams a reply: loading, then generating, then deltas, then done', async () => {
    const { port, generate } = setup();
    generate('a');
    expect(await finished(port, 'a')).toEqual({ type: 'engine/done', requestId: 'a', stopped: false });

    const types = messagesFor(port, 'a').map((message) => message.type);
    const firstGenerating = types.indexOf('engine/generating');
    expect(types.slice(0, firstGenerating).every((type) => type === 'engine/loading')).toBe(true);
    expect(firstGenerating).toBeGreaterThan(0);
    expect(types.slice(firstGenerating + 1, -1).every((type) => type === 'engine/delta')).toBe(true);
    expect(types.at(-1)).toBe('engine/done');
    expect(messagesFor(port, 'a')).toContainEqual({
      type: 'engine/generating',
      requestId: 'a',
      modelId: 'Test-Model-MLC',
    });
    const loading = messagesFor(port, 'a').filter((m) => m.type === 'engine/loading');
    expect(loading.at(-1)).toMatchObject({ modelId: 'Test-Model-MLC', progress: { fraction: 1 } });
    expect(replyText(port, 'a')).toBe('Scripted reply about: hello world ');
  });

  it('runs two requests one at a time: the second starts only after the first is done', async () => {
    const { port, generate } = setup({ tokenDelayMs: 2, tokenCount: 6 });
    generate('a', { prompt: 'first' });
    generate('b', { prompt: 'second' });
    await finished(port, 'b');

    const aDone = port.posted.findIndex((m) => m.requestId === 'a' && m.type === 'engine/done');
    const bFirst = port.posted.findIndex((m) => m.requestId === 'b' && m.type !== 'engine/queued');
    // Until then it was told it waits first in line.
    expect(messagesFor(port, 'b')[0]).toEqual({ type: 'engine/queued', requestId: 'b', position: 1 });
    expect(aDone).toBeGreaterThanOrEqual(0);
    expect(bFirst).toBeGreaterThan(aDone);
    expect(replyText(port, 'a')).toContain('first');
    expect(replyText(port, 'b')).toContain('second');
    // The model stayed loaded, so the second request does not load it again.
    expect(messagesFor(port, 'b').some((m) => m.type === 'engine/loading')).toBe(false);
  });

  it('stops the running reply quickly on cancel and sends nothing after done', async () => {
    const { port, generate, cancel } = setup({ tokenDelayMs: 20, tokenCount: 100 });
    generate('a');
    await vi.waitFor(() => expect(messagesFor(port, 'a').some((m) => m.type === 'engine/delta')).toBe(true), {
      interval: 2,
    });
    const cancelledAt = Date.now();
    cancel('a');
    expect(await finished(port, 'a')).toEqual({ type: 'engine/done', requestId: 'a', stopped: true });
    expect(Date.now() - cancelledAt).toBeLessThan(500);

    const postedAtDone = port.posted.length;
    await sleep(80);
    expect(port.posted.length).toBe(postedAtDone);
    expect(port.posted.at(-1)?.type).toBe('engine/done');
    expect(messagesFor(port, 'a').filter((m) => m.type === 'engine/delta').length).toBeLessThan(10);
  });

  it('answers a cancelled queued request with a stopped done, without loading its model', async () => {
    const { engines, events, host, port, generate, cancel } = setup({ tokenDelayMs: 2, tokenCount: 8 });
    generate('a', { prompt: 'first' });
    generate('b', { prompt: 'second', model: record('Other-Model-MLC') });
    cancel('b');
    expect(await finished(port, 'b')).toEqual({ type: 'engine/done', requestId: 'b', stopped: true });
    expect(messagesFor(port, 'b')).toEqual([
      { type: 'engine/queued', requestId: 'b', position: 1 },
      { type: 'engine/done', requestId: 'b', stopped: true },
    ]);
    expect((await finished(port, 'a')).type).toBe('engine/done');
    await sleep(20);
    expect(engines).toHaveLength(1);
    expect(events).toEqual(['load Test-Model-MLC']);
    expect(host.status().loadedModels).toEqual(['Test-Model-MLC']);
    expect(scriptedRequestLog.map((entry) => entry.messages.at(-1)?.content)).toEqual(['first']);
  });

  it("cancels a disconnected port's running and queued requests, and still serves other ports", async () => {
    const { port, connect, generate } = setup({ tokenDelayMs: 5, tokenCount: 30 });
    const other = connect();
    generate('a', { prompt: 'first' });
    generate('a2', { prompt: 'queued on the same port' });
    generate('b', { prompt: 'other port', port: other });
    await vi.waitFor(() => expect(messagesFor(port, 'a').some((m) => m.type === 'engine/delta')).toBe(true), {
      interval: 2,
    });
    port.disconnectFromPeer();

    expect(await finished(other, 'b')).toEqual({ type: 'engine/done', requestId: 'b', stopped: false });
    expect(replyText(other, 'b')).toContain('other port');
    expect(await finished(port, 'a')).toMatchObject({ type: 'engine/done', stopped: true });
    expect(messagesFor(port, 'a2').filter((m) => m.type !== 'engine/queued')).toEqual([
      { type: 'engine/done', requestId: 'a2', stopped: true },
    ]);
    expect(scriptedRequestLog.map((entry) => entry.messages.at(-1)?.content)).toEqual(['first', 'other port']);
  });

  it('reports an HTTP error from the model source after a download failure', async () => {
    const fetchSpy = vi.fn(async () => new Response(null, { status: 404 }));
    vi.stubGlobal('fetch', fetchSpy);
    const { port, generate } = setup({ failLoadWith: 'TypeError: Failed to fetch' });
    generate('a');
    expect(await finished(port, 'a')).toEqual({
      type: 'engine/error',
      requestId: 'a',
      error: { code: 'model-download-failed', host: 'huggingface.co', status: 404 },
    });
    expect(String(fetchSpy.mock.calls[0]?.[0 as never])).toBe(
      'https://huggingface.co/mlc-ai/Test-Model-MLC/resolve/main/mlc-chat-config.json',
    );
  });

  it('reports the model source as unreachable when asking it fails too', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const { port, generate } = setup({ failLoadWith: "TypeError: Failed to execute 'add' on 'Cache': Request failed" });
    generate('a');
    expect(await finished(port, 'a')).toEqual({
      type: 'engine/error',
      requestId: 'a',
      error: { code: 'model-source-unreachable', host: 'huggingface.co' },
    });
  });

  it('keeps the original download failure when the model source answers fine', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 200 })),
    );
    const { port, generate } = setup({ failLoadWith: "TypeError: Failed to execute 'add' on 'Cache': Request failed" });
    generate('a');
    expect(await finished(port, 'a')).toEqual({
      type: 'engine/error',
      requestId: 'a',
      error: { code: 'model-download-failed', host: 'huggingface.co' },
    });
  });

  it('does not ask the model source about failures that are not downloads', async () => {
    const fetchSpy = vi.fn(async () => new Response(null, { status: 404 }));
    vi.stubGlobal('fetch', fetchSpy);
    const { port, generate } = setup({
      failLoadWith: 'DeviceLostError: The WebGPU device was lost while loading the model.',
    });
    generate('a');
    expect(await finished(port, 'a')).toMatchObject({ type: 'engine/error', error: { code: 'gpu-device-lost' } });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('keeps serving after a failure, and the next request loads and replies', async () => {
    const { settings, port, generate } = setup({
      failLoadWith: 'DeviceLostError: device lost',
      tokenDelayMs: 1,
      tokenCount: 4,
    });
    generate('a');
    await finished(port, 'a');
    settings.scripted = { tokenDelayMs: 1, tokenCount: 4 };
    generate('b', { prompt: 'again' });
    expect(await finished(port, 'b')).toEqual({ type: 'engine/done', requestId: 'b', stopped: false });
    expect(replyText(port, 'b')).toContain('again');
  });

  it('loads a model afresh when its engine dropped it after a failure (a crashed llama.cpp worker)', async () => {
    const { engines, events, host, port, generate } = setup({ tokenDelayMs: 1, tokenCount: 4 });
    const model = ggufRecord('Test-Model-GGUF', 64);
    generate('a', { model });
    await finished(port, 'a');
    await engines[0]!.unload();
    generate('b', { model, prompt: 'again' });
    expect(await finished(port, 'b')).toEqual({ type: 'engine/done', requestId: 'b', stopped: false });
    expect(replyText(port, 'b')).toContain('again');
    expect(engines).toHaveLength(2);
    expect(events).toEqual(['load Test-Model-GGUF', 'unload Test-Model-GGUF', 'load Test-Model-GGUF']);
    // Counted against the memory budget once more.
    expect(host.status()).toMatchObject({ loadedModels: ['Test-Model-GGUF'], onCpu: ['Test-Model-GGUF'] });
  });

  it('records a failed load for the diagnostics: model, step, code and error class, never the message', async () => {
    const { port, diagnostics, generate } = setup({ failLoadWith: 'DeviceLostError: device lost at https://x.test/a' });
    generate('a');
    await finished(port, 'a');
    expect(diagnostics).toEqual([
      {
        code: 'engine-run-failed',
        details: { step: 'load', model: 'Test-Model-MLC', error: 'gpu-device-lost', reason: 'Error' },
      },
    ]);
  });

  it('records a model that fails to unload, and still goes idle', async () => {
    const { engines, port, diagnostics, onIdle, generate } = setup({ tokenDelayMs: 1, tokenCount: 2 }, 20);
    generate('a');
    await finished(port, 'a');
    engines[0]!.unload = () => Promise.reject(new TypeError('GPUDevice.destroy failed'));
    await vi.waitFor(() => expect(onIdle).toHaveBeenCalled(), { timeout: 1000 });
    expect(diagnostics).toEqual([
      { code: 'engine-unload-failed', details: { model: 'Test-Model-MLC', error: 'TypeError' } },
    ]);
  });

  it('applies new engine settings to a model that stays loaded', async () => {
    const { engines, port, settings, generate } = setup();
    generate('a');
    await finished(port, 'a');
    settings.scripted = { tokenDelayMs: 1, reply: 'A different reply.' };
    generate('b');
    await finished(port, 'b');
    expect(engines).toHaveLength(1);
    expect(replyText(port, 'b')).toBe('A different reply.');
  });

  it('reports an engine that fails without an error value, and keeps serving the next request', async () => {
    const { createEngine, engines, port, generate } = setup();
    createEngine.mockImplementationOnce(() => Promise.reject(undefined));
    generate('a');
    generate('b', { prompt: 'next one' });
    expect(await finished(port, 'a')).toMatchObject({ type: 'engine/error', error: { code: 'unknown' } });
    expect(await finished(port, 'b')).toEqual({ type: 'engine/done', requestId: 'b', stopped: false });
    expect(engines).toHaveLength(1);
    expect(engines[0]!.log).toHaveLength(1);
  });

  it('unloads the model and reports idleness once, after the idle timeout', async () => {
    const { host, engines, port, onIdle, generate } = setup({ tokenDelayMs: 1, tokenCount: 3 }, 30);
    generate('a');
    await finished(port, 'a');
    expect(onIdle).not.toHaveBeenCalled();
    expect(engines[0]!.loadedModels()).toEqual(['Test-Model-MLC']);

    await vi.waitFor(() => expect(onIdle).toHaveBeenCalled(), { interval: 2 });
    expect(engines[0]!.loadedModels()).toEqual([]);
    expect(host.status().loadedModels).toEqual([]);
    await sleep(80);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('still unloads and reports idleness when the last request was cancelled mid-reply', async () => {
    const { host, port, onIdle, generate, cancel } = setup({ tokenDelayMs: 10, tokenCount: 50 }, 30);
    generate('a');
    await vi.waitFor(() => expect(messagesFor(port, 'a').some((m) => m.type === 'engine/delta')).toBe(true), {
      interval: 2,
    });
    cancel('a');
    await finished(port, 'a');
    await vi.waitFor(() => expect(onIdle).toHaveBeenCalledTimes(1), { timeout: 500, interval: 5 });
    expect(host.status().loadedModels).toEqual([]);
  });

  it('does not go idle while new work arrived before the idle timeout', async () => {
    const { engines, port, onIdle, generate } = setup({ tokenDelayMs: 15, tokenCount: 12 }, 60);
    generate('a', { prompt: 'first' });
    await finished(port, 'a');
    generate('b', { prompt: 'second' });
    // 'b' runs for about 12 × 15 ms, well past the 60 ms timeout the end of 'a' started.
    await sleep(120);
    expect(onIdle).not.toHaveBeenCalled();
    expect(engines).toHaveLength(1);
    expect(engines[0]!.loadedModels()).toEqual(['Test-Model-MLC']);

    await finished(port, 'b');
    expect(messagesFor(port, 'b').some((m) => m.type === 'engine/loading')).toBe(false);
    await vi.waitFor(() => expect(onIdle).toHaveBeenCalledTimes(1), { interval: 2 });
  });

  it('reports whether it is busy and which models are loaded', async () => {
    const { host, port, generate } = setup({ tokenDelayMs: 5, tokenCount: 6 });
    expect(host.status()).toEqual({ engine: 'webllm', loadedModels: [], onCpu: [], busy: false });
    generate('a');
    expect(host.status().busy).toBe(true);
    await finished(port, 'a');
    await vi.waitFor(() => expect(host.status().busy).toBe(false), { interval: 2 });
    expect(host.status()).toEqual({ engine: 'scripted', loadedModels: ['Test-Model-MLC'], onCpu: [], busy: false });
  });
});
