import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TaskSource } from '../../protocol/messages';
import { PanelController } from '../panel-controller';
import { LIVENESS_CHECK_MS } from '../task-stream';
import { FakePanelBrowser, flush, STATUS } from './fake-panel-browser';
import { StorageWriteError } from '../../settings/storage-write-error';

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

  it('keeps the previous summary options when storage is full, says so, and clears that once a choice is saved', async () => {
    const { browser, panel } = await setup();
    const before = panel.options.value;
    browser.settings.summaryOptions.refuseWith = new StorageWriteError('storage-full', 'summaryOptions', 'Error');
    panel.setOptions({ type: 'headline', length: 'long', language: 'page' });
    await flush();
    expect(panel.options.value).toEqual(before);
    expect(browser.settings.summaryOptions.value).toBeNull();
    expect(panel.choiceNotSaved.value).toBe('storage-full');
    expect(browser.diagnostics).toContainEqual({
      code: 'storage-write-failed',
      details: { item: 'summaryOptions', error: 'StorageWriteError' },
    });

    browser.settings.summaryOptions.refuseWith = undefined;
    panel.setOptions({ type: 'tldr', length: 'short', language: 'page' });
    await flush();
    expect(panel.options.value).toEqual({ type: 'tldr', length: 'short', language: 'page' });
    expect(panel.choiceNotSaved.value).toBeNull();
  });

  it('keeps the previous reply options when storage is full, and says so', async () => {
    const { browser, panel } = await setup();
    const before = panel.draft.options.value;
    browser.settings.draftOptions.refuseWith = new Error('QUOTA_BYTES quota exceeded');
    panel.draft.setOptions({ tone: 'casual', length: 'long', language: 'page' });
    await flush();
    expect(panel.draft.options.value).toEqual(before);
    expect(panel.choiceNotSaved.value).toBe('storage-full');
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

  it('says the lighter model could not be chosen when storage is full, instead of trying the same model again', async () => {
    const { browser, panel } = await setup();
    browser.settings.taskModels.refuseWith = new StorageWriteError('storage-full', 'taskModels', 'Error');
    panel.summarizePage({ tabId: 3 });
    browser.last().send({
      type: 'task/error',
      error: { code: 'gpu-device-lost', suggestion: { kind: 'use-light-model', task: 'summarize' } },
    });
    await panel.useLightModel(panel.summary);
    expect(browser.started).toHaveLength(1);
    expect(panel.choiceNotSaved.value).toBe('storage-full');
    expect(panel.summary.error.value).toMatchObject({ code: 'gpu-device-lost' });
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
    expect(panel.rewrite.stream.text.value).toBe('Send it');
    expect(panel.rewrite.stream.state.value).toBe('stopped');
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
    expect(panel.rewrite.stream.text.value).toContain('Sure!');
    const changes = [{ from: 'pls', to: 'Please', reason: 'spelling' }];
    rewrite.send({ type: 'task/result', result: { text: 'Please send it ASAP', changes } });
    rewrite.done();
    expect(panel.rewrite.stream.text.value).toBe('Please send it ASAP');
    expect(panel.rewrite.stream.result.value?.changes).toEqual(changes);
    expect(panel.rewrite.stream.source.value?.selection).toEqual(SELECTION);
  });

  it('asks for a custom instruction first, offering the last one, and remembers the new one', async () => {
    const { browser, panel } = await setup();
    browser.settings.lastCustomInstruction.value = 'Make it rhyme';
    await panel.startRewrite(4, 2, 'custom');
    expect(panel.rewrite.pendingCustom.value).toEqual({ tabId: 4, frameId: 2, instruction: 'Make it rhyme' });
    expect(browser.started).toHaveLength(0);

    panel.rewrite.submitCustom('Make it sound like a pirate');
    expect(panel.rewrite.pendingCustom.value).toBeNull();
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
    await panel.rewrite.applyTo('replace');
    expect(browser.requestsOf('rewrite/apply')).toEqual([
      { tabId: 4, frameId: 2, anchorId: 'anchor-1', text: 'Please send it ASAP', mode: 'replace' },
    ]);
    expect(panel.rewrite.applyOutcome.value).toEqual({ ok: true, mode: 'replace', undoSteps: 1 });

    browser.answers['rewrite/apply'] = async () => Promise.reject(new Error('tab gone'));
    await panel.rewrite.applyTo('insert-below');
    expect(panel.rewrite.applyOutcome.value).toEqual({ ok: false, error: { code: 'anchor-lost' } });
  });

  it('rewrites a selection too long for one pass in parts when asked', async () => {
    const { browser, panel } = await setup();
    await panel.startRewrite(4, 2, 'formal');
    browser.last().send({ type: 'task/error', error: { code: 'selection-too-long', words: 2400, maxWords: 1500 } });
    panel.rewrite.inParts();
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

describe('PanelController: cards', () => {
  it("clears the old page's summary and title at once when another page is summarized, and shows the new title as soon as it is known", async () => {
    const { browser, panel } = await summarized('Old page summary.');
    panel.summarizePage({ tabId: 9 });
    expect(panel.summary.text.value).toBe('');
    expect(panel.summary.source.value).toBeNull();
    expect(panel.conversationId.value).toBeNull();
    const other = { ...PAGE, title: 'Another article', url: 'https://news.example/b', conversationId: '' };
    browser.last('summarize-page').send({ type: 'task/source', source: other });
    expect(panel.summary.source.value).toEqual(other);
    expect(panel.summary.text.value).toBe('');
  });

  it('Regenerate keeps the summary on screen until the new text arrives', async () => {
    const { browser, panel } = await summarized('First version.');
    panel.regenerate();
    expect(panel.summary.text.value).toBe('First version.');
    browser.last('summarize-page').delta('Second version.');
    expect(panel.summary.text.value).toBe('Second version.');
  });

  it('dismissing the summary stops it, and its follow-ups go with it', async () => {
    const { browser, panel } = await summarized();
    panel.submitQuestion('Who wrote it?');
    const followUp = browser.last('follow-up');
    panel.dismissSummary();
    expect(followUp.cancelled || followUp.port.closedByUs).toBe(true);
    expect(panel.turns.value).toEqual([]);
    expect(panel.summary.state.value).toBe('empty');
    expect(panel.summary.text.value).toBe('');
    expect(panel.conversationId.value).toBeNull();
    expect(panel.busy.value).toBe(false);

    panel.summarizePage({ tabId: 3 });
    const running = browser.last('summarize-page');
    panel.dismissSummary();
    expect(running.cancelled).toBe(true);
    running.delta('late text');
    expect(panel.summary.text.value).toBe('');
  });

  it('dismisses one follow-up card, a free answer, and a notice', async () => {
    const { browser, panel } = await summarized();
    panel.submitQuestion('Who wrote it?');
    browser.last('follow-up').delta('The editors.');
    browser.last('follow-up').done();
    panel.submitQuestion('When?');
    const [first, second] = panel.turns.value;
    panel.dismissTurn(first!);
    expect(panel.turns.value).toEqual([second]);

    panel.dismissSummary();
    panel.submitQuestion('What is WebGPU?');
    expect(panel.askedQuestion.value).toBe('What is WebGPU?');
    browser.last('ask').delta('An API.');
    panel.dismissAsk();
    expect(panel.ask.state.value).toBe('empty');
    expect(panel.askedQuestion.value).toBe('');

    browser.hubPorts[0]!.deliver({
      type: 'panel/intent',
      intent: { kind: 'show-error', error: { code: 'restricted-page', page: 'web-store' } },
    });
    panel.dismissNotice();
    expect(panel.notice.value).toBeNull();
  });

  it('a new task clears cards that hold only an error; a failed card with text stays', async () => {
    const { browser, panel } = await setup();
    panel.summarizePage({ tabId: 3 });
    browser.last('summarize-page').send({ type: 'task/error', error: { code: 'empty-page' } });
    await panel.startRewrite(4, 2, 'shorter');
    const rewrite = browser.last('rewrite');
    rewrite.delta('Half a rewrite');
    rewrite.send({ type: 'task/error', error: { code: 'gpu-device-lost' } });

    panel.submitQuestion('Anything?');
    expect(panel.summary.state.value).toBe('empty');
    expect(panel.summary.error.value).toBeNull();
    expect(panel.rewrite.stream.state.value).toBe('error');
    expect(panel.rewrite.stream.text.value).toBe('Half a rewrite');
  });

  it("passes a long summary's question on, and the user's answer back", async () => {
    const { browser, panel } = await setup();
    panel.summarizePage({ tabId: 3 });
    const summary = browser.last('summarize-page');
    const question = { kind: 'large-summary', parts: 48, words: 40_000, firstParts: 20, secondsAll: 600 } as const;
    summary.send({ type: 'task/question', question });
    expect(panel.summary.question.value).toEqual(question);
    panel.summary.answer({ kind: 'large-summary', parts: 'all' });
    expect(summary.port.posted.at(-1)).toEqual({
      type: 'task/answer',
      requestId: summary.requestId,
      answer: { kind: 'large-summary', parts: 'all' },
    });
  });
});

describe('PanelController: a rewrite card', () => {
  async function rewritten(text = 'Please send it ASAP', options: { stop?: boolean } = {}) {
    const { browser, panel } = await setup();
    browser.answers['rewrite/apply'] = async () => ({ ok: true, undoSteps: 1 });
    await panel.startRewrite(4, 2, 'proofread');
    const rewrite = browser.last('rewrite');
    rewrite.send({ type: 'task/source', source: { ...PAGE, kind: 'rewrite', selection: SELECTION } });
    rewrite.delta(text);
    if (options.stop) {
      panel.stopAll();
      rewrite.done(true);
    } else {
      rewrite.send({ type: 'task/result', result: { text, changes: [] } });
      rewrite.done();
    }
    return { browser, panel, rewrite };
  }

  it('offers Replace once done, and waits while the text is being written', async () => {
    const { browser, panel } = await setup();
    await panel.startRewrite(4, 2, 'proofread');
    const rewrite = browser.last('rewrite');
    rewrite.send({ type: 'task/source', source: { ...PAGE, kind: 'rewrite', selection: SELECTION } });
    rewrite.delta('Please');
    expect(panel.rewrite.apply.value).toEqual({ kind: 'wait' });
    rewrite.send({ type: 'task/result', result: { text: 'Please send it', changes: [] } });
    rewrite.done();
    expect(panel.rewrite.apply.value).toEqual({ kind: 'ready', partial: false });
  });

  it('offers no Replace for a selection that is not editable', async () => {
    const { browser, panel } = await setup();
    await panel.startRewrite(4, 2, 'shorter');
    const rewrite = browser.last('rewrite');
    rewrite.send({
      type: 'task/source',
      source: { ...PAGE, kind: 'rewrite', selection: { ...SELECTION, editable: false } },
    });
    rewrite.delta('Short');
    rewrite.done();
    expect(panel.rewrite.apply.value).toEqual({ kind: 'none' });
    expect(panel.rewrite.stream.copyable.value).toBe(true);
  });

  it('after Stop offers Replace as partial, with the text written so far cleaned like a finished rewrite', async () => {
    const { browser, panel } = await rewritten('Please send it ASAP\n---CHANGES---\n- "pls" → "Please"', {
      stop: true,
    });
    expect(panel.rewrite.stream.state.value).toBe('stopped');
    expect(panel.rewrite.output.value).toBe('Please send it ASAP');
    expect(panel.rewrite.apply.value).toEqual({ kind: 'ready', partial: true });
    expect(panel.rewrite.stream.copyable.value).toBe(true);
    await panel.rewrite.applyTo('replace');
    expect(browser.requestsOf('rewrite/apply')).toEqual([
      { tabId: 4, frameId: 2, anchorId: 'anchor-1', text: 'Please send it ASAP', mode: 'replace' },
    ]);
  });

  it('disables Replace and says why once the tab of the selection closes or navigates', async () => {
    const { browser, panel } = await rewritten();
    expect(browser.watchedTabs.has(SELECTION.tabId)).toBe(true);
    browser.watchedTabs.get(SELECTION.tabId)!('page-navigated');
    expect(panel.rewrite.apply.value).toEqual({ kind: 'gone', reason: { code: 'page-navigated' } });
    await panel.rewrite.applyTo('replace');
    expect(browser.requestsOf('rewrite/apply')).toEqual([]);
  });

  it('disables Replace once the page says the selection is no longer there', async () => {
    const { browser, panel } = await rewritten();
    browser.answers['rewrite/apply'] = async () => ({ ok: false, error: { code: 'anchor-lost' } });
    await panel.rewrite.applyTo('replace');
    expect(panel.rewrite.apply.value).toEqual({ kind: 'gone', reason: { code: 'anchor-lost' } });
  });

  it('dismissing the card stops watching its tab and empties it; the next rewrite starts afresh', async () => {
    const { browser, panel } = await rewritten();
    panel.rewrite.dismiss();
    expect(browser.watchedTabs.size).toBe(0);
    expect(panel.rewrite.stream.state.value).toBe('empty');
    expect(panel.rewrite.apply.value).toEqual({ kind: 'none' });
    await panel.startRewrite(5, 0, 'shorter');
    expect(panel.rewrite.stream.text.value).toBe('');
  });
});

describe('PanelController: the engine in the status line', () => {
  it('hears that the engine unloaded at idle, asks for the status again, and says so until a task starts', async () => {
    const { browser, panel } = await setup();
    browser.answers['panel/status'] = async () => ({
      capabilities: null,
      engine: { engine: 'webllm', loadedModels: ['Qwen2.5-1.5B-Instruct-q4f32_1-MLC'], busy: false },
    });
    panel.submitQuestion('Hello');
    browser.last('ask').done();
    await flush();
    expect(panel.engine.value).toEqual({
      kind: 'loaded',
      modelIds: ['Qwen2.5-1.5B-Instruct-q4f32_1-MLC'],
      onCpu: [],
    });

    browser.answers['panel/status'] = async () => STATUS;
    const asked = browser.requestsOf('panel/status').length;
    browser.hubPorts[0]!.deliver({ type: 'panel/engine', change: 'idle-unload' });
    await flush();
    expect(browser.requestsOf('panel/status')).toHaveLength(asked + 1);
    expect(panel.engine.value).toEqual({ kind: 'stopped', idleUnload: true });

    panel.submitQuestion('Again');
    browser.last('ask').send({ type: 'task/phase', phase: { phase: 'queued', position: 1 } });
    expect(panel.engine.value).toEqual({ kind: 'waiting', position: 1 });
    browser.last('ask').done();
    await flush();
    expect(panel.engine.value).toEqual({ kind: 'stopped', idleUnload: false });
  });
});
