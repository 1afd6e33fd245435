import { describe, expect, it, vi, type Mock } from 'vitest';
import type { GpuCapabilities } from '../../models/types';
import type { EngineRunHandlers } from '../engine-client';
import { FakePort } from '../../protocol/__tests__/fake-port';
import type {
  BackgroundToPanel,
  EngineHostSettings,
  GenerateRequest,
  PanelToBackground,
} from '../../protocol/messages';
import { ConversationStore } from '../../tasks/common/conversations';
import type { TaskEnvironment } from '../../tasks/common/model-choice';
import { prebuiltRecord } from '../../models/registry';
import type { PageAccess } from '../../tasks/summarize/run';
import { servePanelPort, type TaskServiceDeps } from '../task-service';

const GPU: GpuCapabilities = {
  usable: true,
  precision: 'f32',
  hasShaderF16: false,
  isFallbackAdapter: true,
  adapterName: 'google swiftshader',
  maxBufferSize: 2 ** 30,
  maxStorageBufferBindingSize: 2 ** 30,
};

const WITH_GPU: TaskEnvironment = {
  capabilities: GPU,
  mirrorUrl: null,
  scriptedEngine: false,
  gpuBudgetMB: 4000,
  ramBudgetMB: 4096,
  taskModels: {},
  taskEngines: {},
  engines: { gpu: true, cpu: true },
  cpuThreads: 1,
  customModels: [],
};

/** The user keeps chat on the GPU: what it cannot run there is refused, not moved to the CPU. */
const CHAT_ON_GPU: TaskEnvironment = { ...WITH_GPU, taskEngines: { chat: 'gpu' } };

const SETTINGS: EngineHostSettings = { idleTimeoutMs: 60_000 };

interface FakeRun {
  request: GenerateRequest;
  settings: EngineHostSettings;
  handlers: EngineRunHandlers;
  cancel: Mock<() => void>;
}

/** Ask tasks never read pages; a call here would be a routing mistake. */
const NO_PAGE_ACCESS: PageAccess = {
  resolveTab: () => Promise.reject(new Error('ask must not read tabs')),
  tabInfo: () => Promise.reject(new Error('ask must not read tabs')),
  readPage: () => Promise.reject(new Error('ask must not read pages')),
  readSelection: () => Promise.reject(new Error('ask must not read pages')),
  uiLanguage: () => 'en',
};

/** Ask tasks never read a selection. */
const NO_SELECTION_ACCESS: TaskServiceDeps['selectionAccess'] = {
  tabInfo: async () => ({ ok: false, error: { code: 'tab-closed' } }),
  capture: async () => ({ ok: false, error: { code: 'empty-selection' } }),
};

/** Ask tasks never read mail. */
const NO_MAIL_ACCESS: TaskServiceDeps['mailAccess'] = {
  resolveTab: () => Promise.reject(new Error('ask must not read tabs')),
  tabInfo: () => Promise.reject(new Error('ask must not read tabs')),
  readThread: () => Promise.reject(new Error('ask must not read mail')),
  uiLanguage: () => 'en',
};

/** Lets the service get past its awaits (environment, settings, prepareEngine). */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A prepareEngine the test finishes by hand, to act while the engine host is still starting. */
function slowPrepare() {
  let ready!: () => void;
  const prepareEngine = () => new Promise<void>((resolve) => (ready = resolve));
  return { prepareEngine, ready: () => ready() };
}

function setup(overrides: Partial<TaskServiceDeps> = {}, environment: TaskEnvironment = WITH_GPU) {
  const runs: FakeRun[] = [];
  const port = new FakePort<BackgroundToPanel, PanelToBackground>();
  const deps: TaskServiceDeps = {
    environment: async () => environment,
    engineSettings: async () => SETTINGS,
    prepareEngine: async () => undefined,
    startEngineRun: (request, settings, handlers) => {
      const run: FakeRun = { request, settings, handlers, cancel: vi.fn<() => void>() };
      runs.push(run);
      return run;
    },
    watchTab: () => () => undefined,
    pageAccess: NO_PAGE_ACCESS,
    selectionAccess: NO_SELECTION_ACCESS,
    mailAccess: NO_MAIL_ACCESS,
    conversations: new ConversationStore(),
    ...overrides,
  };
  servePanelPort(port, deps);
  const ask = (requestId: string, prompt = 'Why is the sky blue?') =>
    port.deliver({ type: 'task/start', requestId, task: { kind: 'ask', prompt } });
  const cancel = (requestId: string) => port.deliver({ type: 'task/cancel', requestId });
  return { port, runs, ask, cancel };
}

describe('servePanelPort', () => {
  it("starts one engine run with the chat model, the user's question and the engine settings", async () => {
    const { runs, ask } = setup();
    ask('r1', 'Why is the sky blue?');
    await settle();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.request.record.model_id).toBe('Qwen2.5-1.5B-Instruct-q4f32_1-MLC');
    expect(runs[0]!.request.messages.at(-1)).toEqual({ role: 'user', content: 'Why is the sky blue?' });
    expect(runs[0]!.settings).toEqual(SETTINGS);
  });

  it('plans a task for the context window of the model it will run on, not a default', async () => {
    // A custom rewrite model with a 1024-token window: a selection the default 4096 window would take is too long.
    const small = {
      ...prebuiltRecord('Qwen2.5-0.5B-Instruct-q4f32_1-MLC')!,
      model_id: 'Small-Window-q4f32_1-MLC',
      overrides: { context_window_size: 1024 },
    };
    const selection = Array.from({ length: 500 }, (_, index) => `word${index}`).join(' ');
    const selectionAccess: TaskServiceDeps['selectionAccess'] = {
      tabInfo: async () => ({ ok: true, value: { tabId: 1, title: 'Notes', url: 'https://example.com/' } }),
      capture: async () => ({
        ok: true,
        value: { ok: true, kind: 'text-field', text: selection, editable: true, anchorId: 'a1' } as never,
      }),
    };
    const rewrite = (environment: TaskEnvironment) => {
      const { port, runs } = setup({ selectionAccess }, environment);
      port.deliver({
        type: 'task/start',
        requestId: 'r1',
        task: { kind: 'rewrite', tabId: 1, frameId: 0, style: 'formal' },
      });
      return { port, runs };
    };
    const onSmall = rewrite({ ...WITH_GPU, customModels: [small], taskModels: { rewrite: small.model_id } });
    await settle();
    expect(onSmall.runs).toHaveLength(0);
    expect(onSmall.port.posted.at(-1)).toMatchObject({ type: 'task/error', error: { code: 'selection-too-long' } });
    const onDefault = rewrite(WITH_GPU);
    await settle();
    expect(onDefault.runs).toHaveLength(1);
  });

  it('uses the f16 model on an adapter with shader-f16', async () => {
    const { runs, ask } = setup({}, { ...WITH_GPU, capabilities: { ...GPU, precision: 'f16', hasShaderF16: true } });
    ask('r1');
    await settle();
    expect(runs[0]!.request.record.model_id).toBe('Qwen2.5-1.5B-Instruct-q4f16_1-MLC');
  });

  it('fetches the weights and the model library from the mirror, keeping their paths', async () => {
    const { runs, ask } = setup({}, { ...WITH_GPU, mirrorUrl: 'https://models.example.org/hf' });
    ask('r1');
    await settle();
    const { record } = runs[0]!.request;
    if ('format' in record) throw new Error('expected a WebLLM record');
    expect(record.model).toBe('https://models.example.org/hf/mlc-ai/Qwen2.5-1.5B-Instruct-q4f32_1-MLC');
    expect(record.model_lib.startsWith('https://models.example.org/hf/mlc-ai/binary-mlc-llm-libs/')).toBe(true);
    expect(record.model_lib.endsWith('-webgpu.wasm')).toBe(true);
  });

  it('runs on the scripted engine without a usable GPU', async () => {
    const { runs, ask } = setup(
      {},
      { ...WITH_GPU, capabilities: { ...GPU, usable: false, reason: 'no-adapter' }, scriptedEngine: true },
    );
    ask('r1');
    await settle();
    expect(runs).toHaveLength(1);
  });

  it('tells the panel why WebGPU cannot run a task kept on the GPU, without starting a run', async () => {
    const { port, runs, ask } = setup(
      {},
      { ...CHAT_ON_GPU, capabilities: { ...GPU, usable: false, reason: 'no-adapter' } },
    );
    ask('r1');
    await settle();
    expect(port.posted).toEqual([
      { type: 'task/error', requestId: 'r1', error: { code: 'no-webgpu', reason: 'no-adapter' } },
    ]);
    expect(runs).toHaveLength(0);
  });

  it('without a usable GPU, runs the task on the CPU and tells the panel so, with the speed to expect', async () => {
    const { port, runs, ask } = setup(
      {},
      { ...WITH_GPU, capabilities: { ...GPU, usable: false, reason: 'no-adapter' } },
    );
    ask('r1');
    await settle();
    expect(runs[0]!.request.record).toMatchObject({ format: 'gguf', model_id: 'Qwen2.5-1.5B-Instruct-Q4_K_M-GGUF' });
    runs[0]!.handlers.onGenerating('Qwen2.5-1.5B-Instruct-Q4_K_M-GGUF');
    await settle();
    expect(port.posted).toContainEqual({
      type: 'task/phase',
      requestId: 'r1',
      phase: {
        phase: 'generating',
        modelId: 'Qwen2.5-1.5B-Instruct-Q4_K_M-GGUF',
        use: { device: 'cpu', cpuReason: 'no-gpu', expectedTokensPerSecond: 3 },
      },
    });
  });

  it('says the engine is unavailable when the GPU could not be probed for a task kept on the GPU', async () => {
    const { port, ask } = setup({}, { ...CHAT_ON_GPU, capabilities: null });
    ask('r1');
    await settle();
    expect(port.posted).toEqual([{ type: 'task/error', requestId: 'r1', error: { code: 'engine-unavailable' } }]);
  });

  it('refuses an empty question without starting a run', async () => {
    const { port, runs, ask } = setup();
    ask('r1', '   ');
    await settle();
    expect(port.posted).toEqual([{ type: 'task/error', requestId: 'r1', error: { code: 'invalid-request' } }]);
    expect(runs).toHaveLength(0);
  });

  it('relays the run as phases, text, and done', async () => {
    const { port, runs, ask } = setup();
    ask('r1');
    await settle();
    const { handlers } = runs[0]!;
    handlers.onLoading('Qwen', { fraction: 0.5, loadedBytes: 10, totalBytes: 20 });
    handlers.onGenerating('Qwen');
    handlers.onDelta('The sky ');
    handlers.onDelta('scatters light.');
    handlers.onDone(false);
    await settle();
    expect(port.posted).toEqual([
      {
        type: 'task/phase',
        requestId: 'r1',
        phase: {
          phase: 'loading-model',
          modelId: 'Qwen',
          progress: { fraction: 0.5, loadedBytes: 10, totalBytes: 20 },
          use: { device: 'gpu' },
        },
      },
      { type: 'task/phase', requestId: 'r1', phase: { phase: 'generating', modelId: 'Qwen', use: { device: 'gpu' } } },
      { type: 'task/delta', requestId: 'r1', text: 'The sky ' },
      { type: 'task/delta', requestId: 'r1', text: 'scatters light.' },
      { type: 'task/done', requestId: 'r1', stopped: false },
    ]);
  });

  it('merges a flood of engine deltas: the first goes at once, the rest follow within a frame, all before done', async () => {
    const { port, runs, ask } = setup();
    ask('r1');
    await settle();
    const { handlers } = runs[0]!;
    handlers.onGenerating('Qwen');
    const tokens = Array.from({ length: 1000 }, (_, index) => `w${index} `);
    tokens.forEach((token) => handlers.onDelta(token));
    const deltas = () => port.posted.filter((message) => message.type === 'task/delta');
    expect(deltas()).toEqual([{ type: 'task/delta', requestId: 'r1', text: 'w0 ' }]);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(deltas()).toEqual([
      { type: 'task/delta', requestId: 'r1', text: 'w0 ' },
      { type: 'task/delta', requestId: 'r1', text: tokens.slice(1).join('') },
    ]);
    handlers.onDelta('last');
    handlers.onDone(false);
    await settle();
    expect(port.posted.slice(-2)).toEqual([
      { type: 'task/delta', requestId: 'r1', text: 'last' },
      { type: 'task/done', requestId: 'r1', stopped: false },
    ]);
  });

  it('sends text still waiting ahead of an error', async () => {
    const { port, runs, ask } = setup();
    ask('r1');
    await settle();
    const { handlers } = runs[0]!;
    handlers.onGenerating('Qwen');
    handlers.onDelta('The sky ');
    handlers.onDelta('is ');
    handlers.onError({ code: 'engine-crashed' });
    await settle();
    expect(port.posted.slice(-3)).toEqual([
      { type: 'task/delta', requestId: 'r1', text: 'The sky ' },
      { type: 'task/delta', requestId: 'r1', text: 'is ' },
      { type: 'task/error', requestId: 'r1', error: { code: 'engine-crashed' } },
    ]);
  });

  it('tells the panel where its run waits in the engine queue', async () => {
    const { port, runs, ask } = setup();
    ask('r1');
    await settle();
    runs[0]!.handlers.onQueued(2);
    runs[0]!.handlers.onQueued(1);
    runs[0]!.handlers.onGenerating('Qwen');
    runs[0]!.handlers.onDone(false);
    await settle();
    expect(port.posted).toEqual([
      { type: 'task/phase', requestId: 'r1', phase: { phase: 'queued', position: 2 } },
      { type: 'task/phase', requestId: 'r1', phase: { phase: 'queued', position: 1 } },
      { type: 'task/phase', requestId: 'r1', phase: { phase: 'generating', modelId: 'Qwen', use: { device: 'gpu' } } },
      { type: 'task/done', requestId: 'r1', stopped: false },
    ]);
  });

  it("sends all of one panel's runs as one engine client, and another panel's as a different one", async () => {
    const first = setup();
    const second = setup();
    first.ask('r1');
    first.ask('r2');
    second.ask('r1');
    await settle();
    const [a, b] = first.runs.map((run) => run.request.clientId);
    const c = second.runs[0]!.request.clientId;
    expect(a).toEqual(expect.any(String));
    expect(b).toBe(a);
    expect(c).toEqual(expect.any(String));
    expect(c).not.toBe(a);
  });

  it('refuses a model larger than the GPU budget without starting a run, suggesting the light model', async () => {
    const { port, runs, ask } = setup({}, { ...CHAT_ON_GPU, gpuBudgetMB: 1500, taskModels: { chat: 'default' } });
    ask('r1');
    await settle();
    expect(runs).toHaveLength(0);
    expect(port.posted).toEqual([
      {
        type: 'task/error',
        requestId: 'r1',
        error: {
          code: 'model-too-large',
          neededMB: 1889,
          budgetMB: 1500,
          suggestion: { kind: 'use-light-model', task: 'chat' },
        },
      },
    ]);
  });

  it('relays an engine error', async () => {
    const { port, runs, ask } = setup();
    ask('r1');
    await settle();
    runs[0]!.handlers.onError({ code: 'model-download-failed', host: 'huggingface.co', status: 404 });
    await settle();
    expect(port.posted).toEqual([
      {
        type: 'task/error',
        requestId: 'r1',
        error: { code: 'model-download-failed', host: 'huggingface.co', status: 404 },
      },
    ]);
  });

  it('cancels only the run the panel cancels, and relays its stopped done', async () => {
    const { port, runs, ask, cancel } = setup();
    ask('r1');
    ask('r2');
    await settle();
    cancel('r1');
    expect(runs[0]!.cancel).toHaveBeenCalledTimes(1);
    expect(runs[1]!.cancel).not.toHaveBeenCalled();
    runs[0]!.handlers.onDone(true);
    await settle();
    expect(port.posted).toEqual([{ type: 'task/done', requestId: 'r1', stopped: true }]);
  });

  it('reports a cancelled run as stopped even if the engine finished it anyway', async () => {
    const { port, runs, ask, cancel } = setup();
    ask('r1');
    await settle();
    cancel('r1');
    runs[0]!.handlers.onDone(false);
    await settle();
    expect(port.posted.at(-1)).toEqual({ type: 'task/done', requestId: 'r1', stopped: true });
  });

  it('does not start a run cancelled while the engine was being prepared', async () => {
    const prepare = slowPrepare();
    const { port, runs, ask, cancel } = setup({ prepareEngine: prepare.prepareEngine });
    ask('r1');
    await settle();
    cancel('r1');
    prepare.ready();
    await settle();
    expect(runs).toHaveLength(0);
    expect(port.posted).toEqual([{ type: 'task/done', requestId: 'r1', stopped: true }]);
  });

  it('cancels every running task when the panel closes', async () => {
    const { runs, ask, port } = setup();
    ask('r1');
    ask('r2');
    await settle();
    runs[1]!.handlers.onDone(false);
    await settle();
    port.disconnectFromPeer();
    expect(runs[0]!.cancel).toHaveBeenCalledTimes(1);
    expect(runs[1]!.cancel).not.toHaveBeenCalled();
  });

  it('does not start a task whose panel closed while the engine was being prepared', async () => {
    const prepare = slowPrepare();
    const { port, runs, ask } = setup({ prepareEngine: prepare.prepareEngine });
    ask('r1');
    await settle();
    port.disconnectFromPeer();
    prepare.ready();
    await settle();
    expect(runs).toHaveLength(0);
  });

  it('says the engine is unavailable when it cannot be prepared', async () => {
    const { port, runs, ask } = setup({
      prepareEngine: async () => {
        throw new Error('Only a single offscreen document may be created.');
      },
    });
    ask('r1');
    await settle();
    expect(runs).toHaveLength(0);
    expect(port.posted).toHaveLength(1);
    expect(port.posted[0]).toMatchObject({
      type: 'task/error',
      requestId: 'r1',
      error: { code: 'engine-unavailable' },
    });
  });
});

describe('servePanelPort: a summary that asks before going on', () => {
  /** A page of about 40 parts for the 4,096-token window: numbered paragraphs, so every part is distinct. */
  const LONG_PAGE = Array.from({ length: 2400 }, (_, n) => `Paragraph ${n} tells of tide gauge ${n} and its keeper.`)
    .join('\n\n')
    .repeat(4);
  const pageAccess: PageAccess = {
    resolveTab: async () => ({ ok: true, value: 3 }),
    tabInfo: async () => ({ ok: true, value: { tabId: 3, title: 'Tides', url: 'https://tides.example/' } }),
    readPage: async () => ({
      ok: true,
      value: {
        title: 'Tides',
        url: 'https://tides.example/',
        text: LONG_PAGE,
        source: 'readability',
      },
    }),
    readSelection: () => Promise.reject(new Error('not a selection')),
    uiLanguage: () => 'en',
  };

  async function summarizeLongPage() {
    const service = setup({ pageAccess });
    service.port.deliver({
      type: 'task/start',
      requestId: 'r1',
      task: {
        kind: 'summarize-page',
        target: { tabId: 3 },
        options: { type: 'key-points', length: 'medium', language: 'page' },
      },
    });
    await settle();
    // The first part runs; its time is measured from the engine's start of writing.
    const first = service.runs[0]!;
    first.handlers.onGenerating('Qwen');
    first.handlers.onDelta('- a note');
    first.handlers.onDone(false);
    await settle();
    return service;
  }

  it("sends the question to the panel and goes on with the panel's answer", async () => {
    const { port, runs } = await summarizeLongPage();
    const question = port.posted.find((message) => message.type === 'task/question');
    expect(question).toMatchObject({ requestId: 'r1', question: { kind: 'large-summary', firstParts: 20 } });
    expect(question?.type === 'task/question' && question.question.secondsAll).toBeGreaterThanOrEqual(0);
    expect(runs).toHaveLength(1);

    port.deliver({ type: 'task/answer', requestId: 'r1', answer: { kind: 'large-summary', parts: 2 } });
    await settle();
    expect(runs).toHaveLength(2);
    runs[1]!.handlers.onDone(false);
    await settle();
    // Two parts then the final combine, which is streamed.
    expect(runs).toHaveLength(3);
    expect(port.posted.at(-1)).toMatchObject({ type: 'task/phase', phase: { phase: 'combining' } });
  });

  it('ends as stopped, running nothing more, when the panel cancels while the question waits', async () => {
    const { port, runs, cancel } = await summarizeLongPage();
    cancel('r1');
    await settle();
    expect(runs).toHaveLength(1);
    expect(port.posted.at(-1)).toEqual({ type: 'task/done', requestId: 'r1', stopped: true });
  });
});
