import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TaskSource } from '../../protocol/messages';
import { PanelController } from '../panel-controller';
import { LIVENESS_CHECK_MS } from '../task-stream';
import { FakePanelBrowser, flush, STATUS } from './fake-panel-browser';

const PAGE: TaskSource = { kind: 'page', title: 'An article', url: 'https://news.example/a', conversationId: 'c1' };
const SELECTION = {
  original: 'pls send it asap',
  editable: true,
  anchorId: 'anchor-1',
  tabId: 4,
  frameId: 2,
  style: 'proofread',
} as const;

async function setup() {
  const browser = new FakePanelBrowser();
  const panel = new PanelController(browser.deps);
  await panel.connect();
  return { browser, panel };
}

/** Summarizes the page beside the panel and lets it finish with the given text. */
async function summarized(text = 'The summary.') {
  const { browser, panel } = await setup();
  panel.summarizePage();
  await flush();
  const summary = browser.last('summarize-page');
  summary.send({ type: 'task/source', source: PAGE });
  summary.delta(text);
  summary.done();
  return { browser, panel, summary };
}

afterEach(() => vi.useRealTimers());

describe('PanelController: connecting', () => {
  it('says hello with its placement, takes the stored summary options and asks how the GPU is', async () => {
    const browser = new FakePanelBrowser();
    browser.settings.summaryOptions.value = { type: 'tldr', length: 'short', language: 'de' };
    const panel = new PanelController(browser.deps);
    await panel.connect();
    await flush();
    expect(browser.hubPorts).toHaveLength(1);
    expect(browser.hubPorts[0]!.posted).toEqual([{ type: 'panel/hello', placement: browser.placement }]);
    expect(panel.options.value).toEqual({ type: 'tldr', length: 'short', language: 'de' });
    expect(browser.requestsOf('panel/status')).toHaveLength(1);
    expect(panel.status.value).toEqual(STATUS);
  });

  it('replaces stored options that are no longer valid with the defaults', async () => {
    const browser = new FakePanelBrowser();
    browser.settings.summaryOptions.value = { type: 'poem', length: 'medium', language: '' } as never;
    const panel = new PanelController(browser.deps);
    await panel.connect();
    expect(panel.options.value).toEqual({ type: 'key-points', length: 'medium', language: 'page' });
  });

  it('stores the summary options the user picks', async () => {
    const { browser, panel } = await setup();
    panel.setOptions({ type: 'headline', length: 'long', language: 'page' });
    expect(browser.settings.summaryOptions.value).toEqual({ type: 'headline', length: 'long', language: 'page' });
  });
});

describe('PanelController: summaries', () => {
  it('summarizes the page beside the panel, streams the text and refreshes the status when done', async () => {
    const { browser, panel } = await setup();
    panel.summarizePage();
    expect(panel.busy.value).toBe(false); // the placement is not known yet
    await flush();
    const summary = browser.last('summarize-page');
    expect(summary.task).toEqual({
      kind: 'summarize-page',
      target: { panel: browser.placement },
      options: { type: 'key-points', length: 'medium', language: 'page' },
    });
    expect(panel.busy.value).toBe(true);

    summary.send({
      type: 'task/phase',
      phase: { phase: 'loading-model', modelId: 'Qwen', progress: { fraction: 0.5 } },
    });
    expect(panel.phase.value).toEqual({ phase: 'loading-model', modelId: 'Qwen', progress: { fraction: 0.5 } });
    summary.send({ type: 'task/source', source: PAGE });
    summary.delta('- First point\n');
    summary.delta('- Second point');
    // Text after the first delta reaches the screen once per frame.
    await expect.poll(() => panel.summary.text.value).toBe('- First point\n- Second point');
    expect(panel.summary.source.value).toEqual(PAGE);
    expect(panel.conversationId.value).toBe('c1');

    const statusRequests = browser.requestsOf('panel/status').length;
    summary.done();
    expect(panel.busy.value).toBe(false);
    expect(panel.phase.value).toBeNull();
    expect(panel.summary.state.value).toBe('done');
    expect(browser.requestsOf('panel/status')).toHaveLength(statusRequests + 1);
  });

  it('summarizes the tab or selection an intent names, and shows the page view', async () => {
    const { browser, panel } = await setup();
    panel.showView('reply');
    browser.hubPorts[0]!.deliver({ type: 'panel/intent', intent: { kind: 'summarize-page', tabId: 12 } });
    expect(panel.view.value).toBe('page');
    expect(browser.last().task).toMatchObject({ kind: 'summarize-page', target: { tabId: 12 } });

    browser.hubPorts[0]!.deliver({
      type: 'panel/intent',
      intent: { kind: 'summarize-selection', tabId: 12, frameId: 3 },
    });
    expect(browser.last().task).toMatchObject({ kind: 'summarize-selection', tabId: 12, frameId: 3 });
    expect(browser.last('summarize-page').cancelled).toBe(true);
  });

  it('runs the last summary again with the options chosen since', async () => {
    const { browser, panel } = await summarized();
    panel.setOptions({ type: 'tldr', length: 'short', language: 'page' });
    panel.regenerate();
    expect(browser.started).toHaveLength(2);
    expect(browser.last().task).toEqual({
      kind: 'summarize-page',
      target: { panel: browser.placement },
      options: { type: 'tldr', length: 'short', language: 'page' },
    });
  });

  it('shows an error while keeping the text written before it', async () => {
    const { browser, panel } = await setup();
    panel.summarizePage({ tabId: 3 });
    const summary = browser.last();
    summary.delta('Half a summary');
    summary.send({ type: 'task/error', error: { code: 'gpu-device-lost' } });
    expect(panel.summary.state.value).toBe('error');
    expect(panel.summary.error.value).toEqual({ code: 'gpu-device-lost' });
    expect(panel.summary.text.value).toBe('Half a summary');
    expect(panel.busy.value).toBe(false);
  });

  it('switches the task to the lighter model and tries again when the error suggests it', async () => {
    const { browser, panel } = await setup();
    browser.settings.taskModels.value = { chat: 'light' };
    panel.summarizePage({ tabId: 3 });
    browser.last().send({
      type: 'task/error',
      error: {
        code: 'model-too-large',
        neededMB: 1630,
        budgetMB: 1200,
        suggestion: { kind: 'use-light-model', task: 'summarize' },
      },
    });
    await panel.useLightModel(panel.summary);
    expect(browser.settings.taskModels.value).toEqual({ chat: 'light', summarize: 'light' });
    expect(browser.started).toHaveLength(2);
    expect(browser.last().task).toEqual(browser.started[0]!.task);
    expect(panel.summary.error.value).toBeNull();
  });

  it('leaves the model alone when the error suggests nothing', async () => {
    const { browser, panel } = await setup();
    panel.summarizePage({ tabId: 3 });
    browser.last().send({ type: 'task/error', error: { code: 'empty-page' } });
    await panel.useLightModel(panel.summary);
    expect(browser.settings.taskModels.value).toEqual({});
    expect(browser.started).toHaveLength(1);
  });
});

describe('PanelController: questions', () => {
  it('asks a free question when no page was summarized, and says when it was answered', async () => {
    const { browser, panel } = await setup();
    const settled = vi.fn();
    panel.submitQuestion('What is WebGPU?', settled);
    const ask = browser.last();
    expect(ask.task).toEqual({ kind: 'ask', prompt: 'What is WebGPU?' });
    ask.delta('A graphics ');
    ask.delta('API.');
    await expect.poll(() => panel.ask.text.value).toBe('A graphics API.');
    expect(panel.turns.value).toEqual([]);
    ask.done();
    expect(settled).toHaveBeenCalledWith('done');
  });

  it('asks about the summarized page as a follow-up that keeps its own answer under the question', async () => {
    const { browser, panel } = await summarized();
    panel.submitQuestion('Who wrote it?');
    const first = browser.last('follow-up');
    expect(first.task).toEqual({ kind: 'follow-up', conversationId: 'c1', question: 'Who wrote it?' });
    expect(panel.busy.value).toBe(true);
    first.delta('Ada.');
    first.done();

    panel.submitQuestion('When?');
    browser.last('follow-up').delta('In 1843.');
    expect(panel.turns.value.map((turn) => [turn.question, turn.answer.text.value])).toEqual([
      ['Who wrote it?', 'Ada.'],
      ['When?', 'In 1843.'],
    ]);
    expect(panel.summary.text.value).toBe('The summary.');
    expect(panel.ask.state.value).toBe('empty');
  });

  it('a new summary starts a new conversation: the follow-ups go, and so do their ports', async () => {
    const { browser, panel } = await summarized();
    panel.submitQuestion('Who wrote it?');
    const followUp = browser.last('follow-up');
    panel.summarizePage({ tabId: 9 });
    expect(panel.turns.value).toEqual([]);
    expect(followUp.port.closedByUs).toBe(true);
    expect(panel.busy.value).toBe(true);
    browser.last('summarize-page').done();
    expect(panel.busy.value).toBe(false);
  });
});

describe('PanelController: Stop', () => {
  it('stops every running task, follow-ups included, and keeps what each had written', async () => {
    const { browser, panel } = await summarized();
    panel.submitQuestion('Who wrote it?');
    const answer = browser.last('follow-up');
    answer.delta('Ada ');
    await panel.startRewrite(4, 2, 'shorter');
    const rewrite = browser.last('rewrite');
    rewrite.delta('Send it');

    panel.stopAll();
    expect(answer.cancelled).toBe(true);
    expect(rewrite.cancelled).toBe(true);
    expect(browser.last('summarize-page').cancelled).toBe(false);
    answer.delta('Lovelace');
    answer.done(true);
    rewrite.done(true);
    expect(panel.busy.value).toBe(false);
    expect(panel.turns.value[0]!.answer.text.value).toBe('Ada ');
    expect(panel.turns.value[0]!.answer.state.value).toBe('stopped');
    expect(panel.rewrite.text.value).toBe('Send it');
    expect(panel.rewrite.state.value).toBe('stopped');
    expect(panel.summary.state.value).toBe('done');
  });

  it('stops the draft and the rewrite too', async () => {
    const { browser, panel } = await setup();
    browser.hubPorts[0]!.deliver({
      type: 'panel/intent',
      intent: { kind: 'rewrite', tabId: 4, frameId: 2, style: 'shorter' },
    });
    await flush();
    panel.showView('reply');
    await panel.draft.draft();
    panel.stopAll();
    expect(browser.last('rewrite').cancelled).toBe(true);
    expect(browser.last('draft-reply').cancelled).toBe(true);
  });
});

describe('PanelController: the status line', () => {
  it('shows what the task started last is doing, then the one still running', async () => {
    const { browser, panel } = await setup();
    panel.submitQuestion('Anything new?');
    const ask = browser.last('ask');
    ask.send({ type: 'task/phase', phase: { phase: 'generating', modelId: 'Qwen' } });
    panel.summarizePage({ tabId: 3 });
    const summary = browser.last('summarize-page');
    summary.send({ type: 'task/phase', phase: { phase: 'queued', position: 1 } });
    expect(panel.phase.value).toEqual({ phase: 'queued', position: 1 });
    ask.send({ type: 'task/phase', phase: { phase: 'generating', modelId: 'Qwen-light' } });
    expect(panel.phase.value).toEqual({ phase: 'queued', position: 1 });
    summary.send({ type: 'task/error', error: { code: 'unknown', cause: 'Error: boom' } });
    expect(panel.phase.value).toEqual({ phase: 'generating', modelId: 'Qwen-light' });
    ask.done();
    expect(panel.phase.value).toBeNull();
  });
});

describe('PanelController: rewrites', () => {
  it('rewrites in the style the intent names, remembers it, and shows the cleaned-up result instead of the raw text', async () => {
    const { browser, panel } = await setup();
    browser.hubPorts[0]!.deliver({
      type: 'panel/intent',
      intent: { kind: 'rewrite', tabId: 4, frameId: 2, style: 'proofread' },
    });
    await flush();
    const rewrite = browser.last();
    expect(rewrite.task).toEqual({ kind: 'rewrite', tabId: 4, frameId: 2, style: 'proofread' });
    expect(browser.settings.lastRewriteStyle.value).toBe('proofread');

    rewrite.send({ type: 'task/source', source: { ...PAGE, kind: 'rewrite', selection: SELECTION } });
    rewrite.delta('Sure! Here is the text: Please send it ASAP\n---CHANGES---');
    expect(panel.rewrite.text.value).toContain('Sure!');
    const changes = [{ from: 'pls', to: 'Please', reason: 'spelling' }];
    rewrite.send({ type: 'task/result', result: { text: 'Please send it ASAP', changes } });
    rewrite.done();
    expect(panel.rewrite.text.value).toBe('Please send it ASAP');
    expect(panel.rewrite.result.value?.changes).toEqual(changes);
    expect(panel.rewrite.source.value?.selection).toEqual(SELECTION);
  });

  it('asks for a custom instruction first, offering the last one, and remembers the new one', async () => {
    const { browser, panel } = await setup();
    browser.settings.lastCustomInstruction.value = 'Make it rhyme';
    await panel.startRewrite(4, 2, 'custom');
    expect(panel.pendingCustom.value).toEqual({ tabId: 4, frameId: 2, instruction: 'Make it rhyme' });
    expect(browser.started).toHaveLength(0);

    panel.submitCustomRewrite('Make it sound like a pirate');
    expect(panel.pendingCustom.value).toBeNull();
    expect(browser.last().task).toEqual({
      kind: 'rewrite',
      tabId: 4,
      frameId: 2,
      style: 'custom',
      customInstruction: 'Make it sound like a pirate',
    });
    expect(browser.settings.lastCustomInstruction.value).toBe('Make it sound like a pirate');
  });

  it('puts the result back into the page where the selection was, and says how it went', async () => {
    const { browser, panel } = await setup();
    browser.answers['rewrite/apply'] = async () => ({ ok: true, undoSteps: 1 });
    await panel.startRewrite(4, 2, 'proofread');
    const rewrite = browser.last();
    rewrite.send({ type: 'task/source', source: { ...PAGE, kind: 'rewrite', selection: SELECTION } });
    rewrite.delta('Please send it ASAP');
    rewrite.done();
    await panel.applyRewrite('replace');
    expect(browser.requestsOf('rewrite/apply')).toEqual([
      { tabId: 4, frameId: 2, anchorId: 'anchor-1', text: 'Please send it ASAP', mode: 'replace' },
    ]);
    expect(panel.applyOutcome.value).toEqual({ ok: true, mode: 'replace', undoSteps: 1 });

    browser.answers['rewrite/apply'] = async () => Promise.reject(new Error('tab gone'));
    await panel.applyRewrite('insert-below');
    expect(panel.applyOutcome.value).toEqual({ ok: false, error: { code: 'anchor-lost' } });
  });

  it('rewrites a selection too long for one pass in parts when asked', async () => {
    const { browser, panel } = await setup();
    await panel.startRewrite(4, 2, 'formal');
    browser.last().send({ type: 'task/error', error: { code: 'selection-too-long', words: 2400, maxWords: 1500 } });
    panel.rewriteInParts();
    expect(browser.last().task).toEqual({ kind: 'rewrite', tabId: 4, frameId: 2, style: 'formal', inParts: true });
  });
});

describe('PanelController: intents and views', () => {
  it('opens the Reply view from outside: focuses the intent field and preloads the draft model once', async () => {
    const { browser, panel } = await setup();
    browser.hubPorts[0]!.deliver({ type: 'panel/intent', intent: { kind: 'open-reply', tabId: 21 } });
    expect(panel.view.value).toBe('reply');
    expect(panel.draft.focusIntent.value).toBe(1);
    expect(browser.requestsOf('model/preload')).toEqual([{ task: 'draft' }]);
    panel.showView('reply');
    expect(browser.requestsOf('model/preload')).toHaveLength(1);
  });

  it('shows a refusal that came with an intent, and clears it with the next summary', async () => {
    const { browser, panel } = await setup();
    browser.hubPorts[0]!.deliver({
      type: 'panel/intent',
      intent: { kind: 'show-error', error: { code: 'restricted-page', page: 'web-store' } },
    });
    expect(panel.notice.value).toEqual({ code: 'restricted-page', page: 'web-store' });
    panel.summarizePage({ tabId: 3 });
    expect(panel.notice.value).toBeNull();
  });
});

describe('PanelController: a stopped service worker', () => {
  it('keeps the text and says why when the task port closes, and the next question opens a new port', async () => {
    const { browser, panel } = await setup();
    panel.submitQuestion('Tell me a long story');
    const ask = browser.last();
    ask.delta('Once upon a time');
    ask.port.disconnectFromPeer();
    expect(panel.ask.state.value).toBe('error');
    expect(panel.ask.error.value).toEqual({ code: 'background-restarted' });
    expect(panel.ask.text.value).toBe('Once upon a time');
    expect(panel.busy.value).toBe(false);

    panel.submitQuestion('Again');
    expect(browser.last().port).not.toBe(ask.port);
    browser.last().delta('Twice upon a time');
    expect(panel.ask.text.value).toBe('Twice upon a time');
  });

  it('ends a task the background has forgotten (a restart that closed no port), asking over the injected requests', async () => {
    vi.useFakeTimers();
    const { browser, panel } = await setup();
    browser.answers['task/running'] = async () => ({ running: false });
    panel.submitQuestion('Tell me a long story');
    const ask = browser.last();
    ask.delta('Once upon a time');
    await vi.advanceTimersByTimeAsync(LIVENESS_CHECK_MS * 2);
    expect(browser.requestsOf('task/running')).toEqual([{ requestId: ask.requestId }, { requestId: ask.requestId }]);
    expect(panel.ask.state.value).toBe('error');
    expect(panel.ask.error.value).toEqual({ code: 'background-restarted' });
    expect(panel.ask.text.value).toBe('Once upon a time');
  });

  it('counts a liveness question nobody answers as running', async () => {
    vi.useFakeTimers();
    const { browser, panel } = await setup();
    delete browser.answers['task/running'];
    panel.submitQuestion('Tell me a long story');
    await vi.advanceTimersByTimeAsync(LIVENESS_CHECK_MS * 5);
    expect(browser.requestsOf('task/running')).toHaveLength(5);
    expect(panel.ask.state.value).toBe('running');
  });
});

describe('PanelController: closing', () => {
  it('closes the hub and every task port it opened', async () => {
    const { browser, panel } = await summarized();
    panel.submitQuestion('Who wrote it?');
    await panel.startRewrite(4, 2, 'shorter');
    panel.dispose();
    expect(browser.hubPorts[0]!.closedByUs).toBe(true);
    expect(browser.taskPorts.length).toBeGreaterThanOrEqual(3);
    expect(browser.taskPorts.every((port) => port.closedByUs)).toBe(true);
  });
});
