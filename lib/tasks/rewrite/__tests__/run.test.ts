import { describe, expect, it } from 'vitest';
import type { CapturedSelection } from '../../../page/editing/types';
import type { FrameRef, TabRead, TabInfo } from '../../../background/tab-scripts/types';
import { tacitError, type TacitError } from '../../../core/errors';
import type { TaskRequest } from '../../../protocol/messages';
import { maxRewriteInputTokens, runRewrite, type SelectionAccess } from '../run';
import { MAX_CUSTOM_INSTRUCTION_LENGTH, REWRITE_TEMPERATURE } from '../styles';
import type { RewriteStyle } from '../types';
import { countModelTokens } from '../../common/model-tokens';
import { TaskFailure } from '../../common/task-context';
import { fakeTaskContext, type FakeTaskContextOptions } from '../../common/__tests__/fake-task-context';
import { splitAtFence } from '../../common/__tests__/fenced';

type RewriteTask = Extract<TaskRequest, { kind: 'rewrite' }>;

const TAB: TabInfo = { tabId: 21, title: 'Compose - Mail', url: 'https://mail.example.com/compose' };
/** What the user selected, with its line breaks; Chrome's selectionText would have flattened them. */
const SELECTED = 'hey team,\n\nthe release is moved to friday.\ncheers, Ana';

const task = (style: RewriteStyle, extra: Partial<RewriteTask> = {}): RewriteTask => ({
  kind: 'rewrite',
  tabId: TAB.tabId,
  frameId: 4,
  style,
  ...extra,
});

const captured = (text: string, overrides: Partial<CapturedSelection> = {}): CapturedSelection => ({
  ok: true,
  anchorId: 'anchor-7',
  text,
  editable: true,
  kind: 'text-field',
  ...overrides,
});

/** SelectionAccess over one tab whose frame holds `text`; logs each call so tests see what was read, and where. */
function fakeAccess(text = SELECTED, overrides: Partial<SelectionAccess> = {}) {
  const calls: string[] = [];
  const access: SelectionAccess = {
    tabInfo: async (tabId) => {
      calls.push(`tabInfo ${tabId}`);
      return { ok: true, value: TAB };
    },
    capture: async (frame: FrameRef, tabUrl) => {
      calls.push(`capture tab ${frame.tabId} frame ${frame.frameId} url ${tabUrl}`);
      return { ok: true, value: captured(text) };
    },
    ...overrides,
  };
  return { access, calls };
}

const captureFails = (error: TacitError): Partial<SelectionAccess> => ({
  capture: async (): Promise<TabRead<CapturedSelection>> => ({ ok: false, error }),
});

const answering = (text: string): FakeTaskContextOptions => ({ answer: () => ({ text, stopped: false }) });

async function failureOf(promise: Promise<unknown>): Promise<TacitError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(TaskFailure);
  return (error as TaskFailure).failure;
}

const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i % 10}`).join(' ');

describe('runRewrite', () => {
  it('captures the selection in the clicked frame of the tab and fences exactly that text in the user message', async () => {
    const fake = fakeTaskContext(answering('Hello team,'));
    const { access, calls } = fakeAccess();

    await runRewrite(task('formal'), fake.ctx, access);

    expect(calls).toEqual([`tabInfo ${TAB.tabId}`, `capture tab ${TAB.tabId} frame 4 url ${TAB.url}`]);
    const messages = fake.generations[0]!.messages;
    expect(messages.map((message) => message.role)).toEqual(['system', 'user']);
    expect(splitAtFence(messages[1]!.content, 'TEXT').inside).toBe(SELECTED);
    expect(messages[0]!.content).not.toContain('release is moved');
  });

  it('posts the selection as a rewrite source before generating, so Replace knows where to put the result', async () => {
    const fake = fakeTaskContext(answering('Hello team,'));

    await runRewrite(task('friendly'), fake.ctx, fakeAccess().access);

    expect(fake.events.map((entry) => entry.event)).toEqual(['phase', 'source', 'generate', 'result']);
    expect(fake.sources()).toEqual([
      {
        kind: 'rewrite',
        title: TAB.title,
        url: TAB.url,
        conversationId: '',
        selection: {
          original: SELECTED,
          editable: true,
          anchorId: 'anchor-7',
          tabId: TAB.tabId,
          frameId: 4,
          style: 'friendly',
        },
      },
    ]);
  });

  it('tells the panel a read-only selection cannot be replaced', async () => {
    const fake = fakeTaskContext(answering('Hello.'));
    const access: SelectionAccess = {
      ...fakeAccess().access,
      capture: async () => ({ ok: true, value: captured('hi there', { editable: false, kind: 'read-only' }) }),
    };

    await runRewrite(task('formal'), fake.ctx, access);

    expect(fake.sources()[0]!.selection!.editable).toBe(false);
  });

  it('streams one rewrite generation at the style temperature', async () => {
    for (const style of ['proofread', 'formal', 'longer'] as const) {
      const fake = fakeTaskContext(answering('Hello team,'));

      await runRewrite(task(style), fake.ctx, fakeAccess().access);

      expect(fake.generations).toHaveLength(1);
      expect(fake.generations[0]).toMatchObject({
        task: 'rewrite',
        stream: true,
        temperature: REWRITE_TEMPERATURE[style],
      });
      expect(fake.contextWindowAsked).toEqual(['rewrite']);
    }
    expect(REWRITE_TEMPERATURE.proofread).not.toBe(REWRITE_TEMPERATURE.longer);
  });

  it('lets the answer grow with the selection, and more for "longer" than for "shorter"', async () => {
    const maxTokens = async (style: RewriteStyle, text: string) => {
      const fake = fakeTaskContext(answering('Done.'));
      await runRewrite(task(style), fake.ctx, fakeAccess(text).access);
      return fake.generations[0]!.maxTokens!;
    };
    const short = words(10);
    const long = words(300);

    expect(await maxTokens('formal', long)).toBeGreaterThan(await maxTokens('formal', short));
    // A same-length rewrite must fit in the answer.
    expect(await maxTokens('formal', long)).toBeGreaterThanOrEqual(countModelTokens(long));
    expect(await maxTokens('longer', long)).toBeGreaterThan(await maxTokens('shorter', long));
  });

  it('returns the cleaned rewrite: the chatty preamble dropped, line breaks kept', async () => {
    const fake = fakeTaskContext(
      answering(
        'Sure! Here is the more formal version:\n\nDear team,\n\nThe release has been moved to Friday.\nKind regards, Ana',
      ),
    );

    const outcome = await runRewrite(task('formal'), fake.ctx, fakeAccess().access);

    expect(outcome).toEqual({ stopped: false });
    expect(fake.events.at(-1)).toEqual({
      event: 'result',
      result: { text: 'Dear team,\n\nThe release has been moved to Friday.\nKind regards, Ana' },
    });
  });

  it('returns the proofread text without the changes section, with the changes computed and the reasons the model gave', async () => {
    const original = 'Teh release is moved to friday.\nCheers';
    const fake = fakeTaskContext(
      answering(
        'The release is moved to Friday.\nCheers\n---CHANGES---\n- "Teh" → "The": spelling\n- "friday" → "Friday": capitalisation',
      ),
    );

    await runRewrite(task('proofread'), fake.ctx, fakeAccess(original).access);

    expect(fake.events.at(-1)).toEqual({
      event: 'result',
      result: {
        text: 'The release is moved to Friday.\nCheers',
        changes: [
          { from: 'Teh', to: 'The', reason: 'spelling' },
          { from: 'friday', to: 'Friday', reason: 'capitalisation' },
        ],
      },
    });
  });

  it('posts no result when the user stopped the rewrite', async () => {
    const fake = fakeTaskContext({
      answer: (_options, _call, stop) => {
        stop();
        return { text: 'Dear te', stopped: true };
      },
    });

    const outcome = await runRewrite(task('formal'), fake.ctx, fakeAccess().access);

    expect(outcome).toEqual({ stopped: true });
    expect(fake.events.filter((entry) => entry.event === 'result')).toEqual([]);
  });

  it.each([
    ['a password field', tacitError('password-field')],
    ['an empty selection', tacitError('empty-selection')],
    ['a browser page', tacitError('restricted-page', { page: 'browser-page' })],
    ['a page Tacit may not script', tacitError('no-page-access')],
  ])('fails with the capture error for %s, and generates nothing', async (_case, error) => {
    const fake = fakeTaskContext();

    expect(
      await failureOf(runRewrite(task('formal'), fake.ctx, fakeAccess(SELECTED, captureFails(error)).access)),
    ).toEqual(error);
    expect(fake.generations).toEqual([]);
    expect(fake.sources()).toEqual([]);
  });

  it('fails with tab-closed when the tab is gone, without reading a frame', async () => {
    const fake = fakeTaskContext();
    const { access, calls } = fakeAccess(SELECTED, {
      tabInfo: async () => ({ ok: false, error: tacitError('tab-closed') }),
    });

    expect(await failureOf(runRewrite(task('formal'), fake.ctx, access))).toEqual(tacitError('tab-closed'));
    expect(calls).toEqual([]);
    expect(fake.generations).toEqual([]);
  });

  it('fails with empty-selection when the captured text is only whitespace', async () => {
    const fake = fakeTaskContext();

    expect(await failureOf(runRewrite(task('formal'), fake.ctx, fakeAccess(' \n\t ').access))).toEqual(
      tacitError('empty-selection'),
    );
    expect(fake.generations).toEqual([]);
  });

  it('refuses a selection too long for the model, saying how many words it has and how many fit', async () => {
    const text = words(1200);
    const fake = fakeTaskContext({ contextWindow: 1000 });

    const failure = await failureOf(runRewrite(task('formal'), fake.ctx, fakeAccess(text).access));

    expect(failure).toEqual({
      code: 'selection-too-long',
      words: 1200,
      maxWords: expect.any(Number),
      suggestion: { kind: 'rewrite-in-parts' },
    });
    if (failure.code !== 'selection-too-long') throw new Error(failure.code);
    const { maxWords } = failure;
    expect(maxWords).toBeGreaterThan(0);
    expect(maxWords).toBeLessThan(1200);
    expect(fake.generations).toEqual([]);
    expect(fake.sources()).toEqual([]);

    // Selecting as many words as the message allows then works.
    const fitting = fakeTaskContext({ contextWindow: 1000 });
    await runRewrite(task('formal'), fitting.ctx, fakeAccess(words(maxWords)).access);
    expect(fitting.generations).toHaveLength(1);
  });

  it('rewrites a selection that just fits the budget', async () => {
    const limit = maxRewriteInputTokens('formal', 1000);
    let count = 1;
    while (countModelTokens(words(count + 1)) <= limit) count++;
    const fake = fakeTaskContext({ contextWindow: 1000 });

    await runRewrite(task('formal'), fake.ctx, fakeAccess(words(count)).access);

    expect(fake.generations).toHaveLength(1);
    expect(
      await failureOf(
        runRewrite(task('formal'), fakeTaskContext({ contextWindow: 1000 }).ctx, fakeAccess(words(count + 1)).access),
      ),
    ).toMatchObject({
      code: 'selection-too-long',
    });
  });

  it('fails with empty-instruction for a custom rewrite without an instruction', async () => {
    for (const customInstruction of [undefined, '   ']) {
      const fake = fakeTaskContext();

      expect(await failureOf(runRewrite(task('custom', { customInstruction }), fake.ctx, fakeAccess().access))).toEqual(
        tacitError('empty-instruction'),
      );
      expect(fake.generations).toEqual([]);
    }
  });

  it('refuses an instruction over the limit with its length, and asks nothing of the engine', async () => {
    const fake = fakeTaskContext();
    const customInstruction = 'x'.repeat(MAX_CUSTOM_INSTRUCTION_LENGTH + 20);
    expect(await failureOf(runRewrite(task('custom', { customInstruction }), fake.ctx, fakeAccess().access))).toEqual(
      tacitError('instruction-too-long', { length: MAX_CUSTOM_INSTRUCTION_LENGTH + 20, maxLength: 500 }),
    );
    expect(fake.generations).toEqual([]);
  });

  it("puts the user's custom instruction in the system prompt, and the selection only in the fence", async () => {
    const fake = fakeTaskContext(answering('Hallo Team,'));

    await runRewrite(task('custom', { customInstruction: 'Translate into German' }), fake.ctx, fakeAccess().access);

    const [system, user] = fake.generations[0]!.messages;
    expect(system!.content).toContain('Translate into German');
    expect(user!.content).not.toContain('Translate into German');
    expect(splitAtFence(user!.content, 'TEXT').inside).toBe(SELECTED);
    expect(fake.generations[0]!.temperature).toBe(REWRITE_TEMPERATURE.custom);
  });
});

describe('maxRewriteInputTokens', () => {
  it('leaves "shorter" more room for input than "longer", whose answer is bigger', () => {
    expect(maxRewriteInputTokens('shorter', 4096)).toBeGreaterThan(maxRewriteInputTokens('longer', 4096));
  });

  it.each(['proofread', 'formal', 'shorter', 'longer'] as const)(
    'leaves room for the prompt and the whole %s answer when the selection is as long as allowed',
    async (style) => {
      const contextWindow = 4096;
      const limit = maxRewriteInputTokens(style, contextWindow);
      let count = 1;
      while (countModelTokens(words(count + 1)) <= limit) count++;
      const fake = fakeTaskContext({ contextWindow });

      await runRewrite(task(style), fake.ctx, fakeAccess(words(count)).access);

      // Measured the way the task itself measures text; an overflow would cut the rewrite off mid-sentence.
      const { messages, maxTokens } = fake.generations[0]!;
      const promptTokens = countModelTokens(messages.map((message) => message.content).join('\n'));
      expect(promptTokens + maxTokens!).toBeLessThanOrEqual(contextWindow);
    },
  );
});
