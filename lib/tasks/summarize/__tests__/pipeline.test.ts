import { describe, expect, it } from 'vitest';
import type { SummaryRequestOptions } from '../../../protocol/messages';
import {
  LONG_ARTICLE_CLOSING,
  LONG_ARTICLE_OPENING,
  longArticleBody,
} from '../../../../tests/fixtures/pages/long-article';
import { countModelTokens } from '../../common/model-tokens';
import { estimateGenerations, FIRST_PARTS_OFFER, LARGE_SUMMARY_PARTS, planSummary } from '../plan';
import { pageDataBlock, summarySystemPrompt } from '../prompt';
import { runSummary } from '../pipeline';
import { TaskFailure } from '../../common/task-context';
import { fakeTaskContext, type FakeTaskContextOptions } from '../../common/__tests__/fake-task-context';
import { splitAtFence } from '../../common/__tests__/fenced';

const OPTIONS: SummaryRequestOptions = { type: 'key-points', length: 'medium', language: 'page' };

const SHORT_TEXT = 'The harbour gauge was read every hour.\n\nIts records began in 1911 and run to this day.';

/** The fixture article as extracted structured text: headings, paragraphs and list items, blank lines between. */
function articleText(words: number): string {
  return longArticleBody(words)
    .replace(/<h([1-6])>/g, (_tag, level: string) => `${'#'.repeat(Number(level))} `)
    .replace(/<li>/g, '- ')
    .replace(/<\/(h[1-6]|p|li|pre)>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .trim();
}

const LONG_TEXT = articleText(60_000);

/** Part notes for map-reduce runs: the part prompts answered with "- note on part n", the final with "Final summary". */
function notesThenSummary() {
  return fakeTaskContext({
    answer: (options, call) => ({
      text: options.stream ? 'Final summary' : `- note on part ${call + 1}`,
      stopped: false,
    }),
  });
}

/** How many parts the text is summarized in, with the default 4096-token window. */
async function partCountOf(text: string): Promise<number> {
  const probe = notesThenSummary();
  await runSummary({ text }, OPTIONS, 'en', probe.ctx);
  return probe.generations.filter((generation) => !generation.stream).length;
}

/** The text inside the one PART fence of a part prompt's user message. */
function partText(messages: { role: string; content: string }[]): string {
  const user = messages.find((message) => message.role === 'user');
  return splitAtFence(user!.content, 'PART').inside;
}

describe('runSummary, one pass', () => {
  it('generates once, streamed, with the page fenced in the prompt; the conversation is the prompt plus the summary', async () => {
    const fake = fakeTaskContext();

    const result = await runSummary(
      { text: SHORT_TEXT, title: 'Tide records', url: 'https://example.com/tides' },
      OPTIONS,
      'en',
      fake.ctx,
    );

    expect(fake.generations).toHaveLength(1);
    const [generation] = fake.generations;
    expect(generation!.stream).toBe(true);
    expect(generation!.task).toBe('summarize');
    const [system, user] = generation!.messages;
    expect(system).toEqual({
      role: 'system',
      content: summarySystemPrompt('key-points', 'medium', { code: 'en', name: 'English' }),
    });
    expect(user!.role).toBe('user');
    expect(splitAtFence(user!.content, 'PAGE').inside).toBe(
      pageDataBlock(SHORT_TEXT, 'Tide records', 'https://example.com/tides'),
    );
    expect(result).toEqual({
      stopped: false,
      conversation: [...generation!.messages, { role: 'assistant', content: 'Summary 1' }],
    });
  });

  it('a stopped summary leaves no conversation to follow up on', async () => {
    const fake = fakeTaskContext({ answer: () => ({ text: 'Half a sum', stopped: true }) });

    const result = await runSummary({ text: SHORT_TEXT }, OPTIONS, 'en', fake.ctx);

    expect(result).toEqual({ stopped: true, conversation: null });
  });

  it('a context window too small for any page text fails with context-too-small, before generating', async () => {
    const fake = fakeTaskContext({ contextWindow: 700 });

    const run = runSummary({ text: SHORT_TEXT }, OPTIONS, 'en', fake.ctx);

    await expect(run).rejects.toBeInstanceOf(TaskFailure);
    await expect(run).rejects.toMatchObject({ failure: { code: 'context-too-small' } });
    expect(fake.generations).toEqual([]);
    expect(fake.contextWindowAsked).toEqual(['summarize']);
  });
});

describe('runSummary, output language', () => {
  const systemPromptFor = async (lang: string | undefined, language: string, uiLanguage = 'en') => {
    const fake = fakeTaskContext();
    await runSummary({ text: SHORT_TEXT, lang }, { ...OPTIONS, language }, uiLanguage, fake.ctx);
    return fake.generations[0]!.messages[0]!.content;
  };

  it("follows the page's language", async () => {
    const system = await systemPromptFor('de-DE', 'page');
    expect(system).toContain('Write in German');
    expect(system).not.toContain('Write in English');
  });

  it("the user's chosen language wins over the page's", async () => {
    const system = await systemPromptFor('de-DE', 'fr');
    expect(system).toContain('Write in French');
    expect(system).not.toContain('German');
  });

  it('falls back to the browser language when the page declares none', async () => {
    expect(await systemPromptFor(undefined, 'page', 'es-419')).toContain('Write in Spanish');
  });
});

describe('runSummary, long pages in parts', () => {
  it('summarizes every part in order without streaming, then combines the notes in one streamed generation', async () => {
    const fake = notesThenSummary();

    const result = await runSummary({ text: LONG_TEXT }, OPTIONS, 'en', fake.ctx);

    const parts = fake.generations.filter((generation) => !generation.stream);
    const total = parts.length;
    expect(total).toBeGreaterThan(5);
    expect(fake.generations).toHaveLength(total + 1);
    expect(fake.generations.at(-1)!.stream).toBe(true);

    // Each part phase comes right before its generation; "combining" comes before the final one. A page this long
    // asks before its second part (the generations were not timed here, so the question has no times).
    const expected = [
      ...parts.flatMap((options, index) => [
        ...(index === 1 ? [{ event: 'confirm', question: fake.questions()[0] }] : []),
        { event: 'phase', phase: { phase: 'summarizing-part', part: index + 1, total } },
        { event: 'generate', options },
      ]),
      { event: 'phase', phase: { phase: 'combining' } },
      { event: 'generate', options: fake.generations.at(-1) },
    ];
    expect(fake.events).toEqual(expected);

    expect(result.stopped).toBe(false);
    expect(result.conversation).toEqual([
      ...fake.generations.at(-1)!.messages,
      { role: 'assistant', content: 'Final summary' },
    ]);
  });

  it('the parts together hold the whole page, in order, nothing dropped', async () => {
    const fake = notesThenSummary();

    await runSummary({ text: LONG_TEXT }, OPTIONS, 'en', fake.ctx);

    const chunks = fake.generations
      .filter((generation) => !generation.stream)
      .map((generation) => partText(generation.messages));
    expect(chunks.join('')).toBe(LONG_TEXT);
    expect(chunks[0]).toContain(LONG_ARTICLE_OPENING);
    expect(chunks.at(-1)).toContain(LONG_ARTICLE_CLOSING);
    const sections = LONG_TEXT.match(/^### Section \d+\.\d+$/gm) ?? [];
    expect(sections.length).toBeGreaterThan(100);
    for (const section of sections) {
      expect(
        chunks.some((chunk) => chunk.split('\n').includes(section)),
        section,
      ).toBe(true);
    }
  });

  it("caps each part's notes at the plan's part max tokens", async () => {
    // A small window makes the part cap (half the page budget) smaller than the summary's own output reserve.
    const text = articleText(2_000);
    const plan = planSummary(countModelTokens(text), 1_500, 600, 400);
    expect(plan.mode).toBe('map-reduce');
    if (plan.mode !== 'map-reduce') return;
    expect(plan.partMaxTokens).toBeLessThan(400);
    const fake = fakeTaskContext({
      contextWindow: 1_500,
      answer: (options, call) => ({ text: options.stream ? 'Final summary' : `- note ${call + 1}`, stopped: false }),
    });

    await runSummary({ text }, OPTIONS, 'en', fake.ctx);

    const parts = fake.generations.filter((generation) => !generation.stream);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.maxTokens).toBe(plan.partMaxTokens);
  });

  it('gives the combine step every part note in page order, without echoed fence markers', async () => {
    const fake = fakeTaskContext({
      answer: (options, call) => ({
        text: options.stream
          ? 'Final summary'
          : `<<<BEGIN PART abcd1234>>>\n- note on part ${call + 1}\n<<<END PART abcd1234>>>`,
        stopped: false,
      }),
    });

    await runSummary({ text: LONG_TEXT }, OPTIONS, 'en', fake.ctx);

    const total = fake.generations.length - 1;
    const notes = splitAtFence(fake.generations.at(-1)!.messages.at(-1)!.content, 'NOTES').inside;
    const expected = Array.from(
      { length: total },
      (_, i) => `Part ${i + 1} of ${total}:\n- note on part ${i + 1}`,
    ).join('\n\n');
    expect(notes).toBe(expected);
  });

  it('a part generation that comes back stopped ends the run: no more parts, no combining, no conversation', async () => {
    const fake = fakeTaskContext({ answer: (_options, call) => ({ text: '- partial', stopped: call === 1 }) });

    const result = await runSummary({ text: LONG_TEXT }, OPTIONS, 'en', fake.ctx);

    expect(result).toEqual({ stopped: true, conversation: null });
    expect(fake.generations).toHaveLength(2);
    expect(fake.phases()).not.toContainEqual({ phase: 'combining' });
  });

  it('a stop signalled while a part was generating starts no further part', async () => {
    const fake = fakeTaskContext({
      answer: (_options, call, stop) => {
        if (call === 2) stop();
        return { text: '- note', stopped: false };
      },
    });

    const result = await runSummary({ text: LONG_TEXT }, OPTIONS, 'en', fake.ctx);

    expect(result).toEqual({ stopped: true, conversation: null });
    expect(fake.generations).toHaveLength(3);
  });

  it('a stop signalled during the last part skips the final summary', async () => {
    const total = await partCountOf(LONG_TEXT);
    const fake = fakeTaskContext({
      answer: (_options, call, stop) => {
        if (call === total - 1) stop();
        return { text: '- note', stopped: false };
      },
    });

    const result = await runSummary({ text: LONG_TEXT }, OPTIONS, 'en', fake.ctx);

    expect(result).toEqual({ stopped: true, conversation: null });
    expect(fake.generations).toHaveLength(total);
    expect(fake.generations.some((generation) => generation.stream)).toBe(false);
  });

  it('a stop while merging the notes of a very long page skips the final summary', async () => {
    // In a small window the notes of a 60,000-word page need merging before the final combine.
    const fake = fakeTaskContext({
      contextWindow: 1_500,
      answer: (options, call, stop) => {
        const merging = options.messages[0]!.content.includes('Merge notes');
        if (merging) stop();
        return {
          text: `- note ${call + 1} on tide gauges, harbour records and the survey of the estuary`,
          stopped: merging,
        };
      },
    });

    const result = await runSummary({ text: LONG_TEXT }, OPTIONS, 'en', fake.ctx);

    expect(fake.phases()).toContainEqual({ phase: 'combining' });
    expect(result).toEqual({ stopped: true, conversation: null });
    expect(fake.generations.some((generation) => generation.stream)).toBe(false);
  });
});

describe('runSummary, a page of more than LARGE_SUMMARY_PARTS parts', () => {
  /** Part notes that each took 2 s to write, and a final summary. */
  function timedNotes(confirm?: FakeTaskContextOptions['confirm']) {
    return fakeTaskContext({
      answer: (options, call) => ({
        text: options.stream ? 'Final summary' : `- note on part ${call + 1}`,
        stopped: false,
        generatingMs: 2000,
      }),
      confirm,
    });
  }

  it('asks after the first part, saying its size and what all or the first parts take at the measured pace', async () => {
    const fake = timedNotes();
    await runSummary({ text: LONG_TEXT }, OPTIONS, 'en', fake.ctx);
    const total = fake.generations.filter((generation) => !generation.stream).length;
    expect(total).toBeGreaterThan(LARGE_SUMMARY_PARTS);
    const [question] = fake.questions();
    const plan = planSummary(countModelTokens(LONG_TEXT), 4096, 600, 400);
    const budget = plan.mode === 'map-reduce' ? plan.chunkBudgetTokens : 0;
    expect(question).toEqual({
      kind: 'large-summary',
      parts: total,
      words: LONG_TEXT.split(/\s+/).length,
      firstParts: FIRST_PARTS_OFFER,
      secondsAll: 2 * estimateGenerations(total, budget, 400),
      secondsFirst: 2 * estimateGenerations(FIRST_PARTS_OFFER, budget, 400),
    });
    expect(fake.events.findIndex((event) => event.event === 'confirm')).toBe(2);
    expect(fake.questions()).toHaveLength(1);
  });

  it('says the time left from the measured pace with each part after the first', async () => {
    const fake = timedNotes();
    await runSummary({ text: LONG_TEXT }, OPTIONS, 'en', fake.ctx);
    const parts = fake.phases().flatMap((phase) => (phase.phase === 'summarizing-part' ? [phase] : []));
    expect(parts[0]!.secondsLeft).toBeUndefined();
    const left = parts.slice(1).map((phase) => phase.secondsLeft!);
    left.slice(1).forEach((seconds, index) => expect(seconds).toBe(left[index]! - 2));
    expect(left.at(-1)).toBeGreaterThan(0);
  });

  it('summarizes only the first parts when the user chooses so, and says what the summary covers', async () => {
    const fake = timedNotes(() => ({ kind: 'large-summary', parts: FIRST_PARTS_OFFER }));
    const result = await runSummary({ text: LONG_TEXT }, OPTIONS, 'en', fake.ctx);
    const parts = fake.generations.filter((generation) => !generation.stream);
    const total = fake.questions()[0]!.parts;
    expect(parts).toHaveLength(FIRST_PARTS_OFFER);
    expect(result.coverage).toEqual({ parts: FIRST_PARTS_OFFER, total });
    expect(result.stopped).toBe(false);
    expect(
      fake
        .phases()
        .filter((phase) => phase.phase === 'summarizing-part')
        .at(-1),
    ).toMatchObject({
      part: FIRST_PARTS_OFFER,
      total: FIRST_PARTS_OFFER,
    });
    // Each prompt still names the part's place in the whole page.
    expect(parts.at(-1)!.messages.at(-1)!.content).toContain(`part ${FIRST_PARTS_OFFER} of ${total}`);
    expect(LONG_TEXT).toContain(LONG_ARTICLE_CLOSING);
    const prompts = parts.map((generation) => partText(generation.messages)).join('\n');
    expect(prompts).not.toContain(LONG_ARTICLE_CLOSING);
  });

  it('ends without another generation when the user stops instead of answering', async () => {
    const fake = timedNotes((_question, stop) => {
      stop();
      return null;
    });
    const result = await runSummary({ text: LONG_TEXT }, OPTIONS, 'en', fake.ctx);
    expect(result).toEqual({ stopped: true, conversation: null });
    expect(fake.generations).toHaveLength(1);
  });

  it('does not ask for a page of LARGE_SUMMARY_PARTS parts or fewer', async () => {
    const fake = timedNotes();
    await runSummary({ text: articleText(8_000) }, OPTIONS, 'en', fake.ctx);
    expect(fake.generations.filter((generation) => !generation.stream).length).toBeGreaterThan(1);
    expect(fake.questions()).toEqual([]);
  });
});
