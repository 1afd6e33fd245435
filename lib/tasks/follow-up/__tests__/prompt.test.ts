import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../offscreen/engines/types';
import { buildFollowUpMessages } from '../prompt';
import { buildSummaryPrompt } from '../../summarize/prompt';

const [system, page] = buildSummaryPrompt({
  type: 'tldr',
  length: 'short',
  text: 'The museum opens on Sunday at 10.',
  outputLanguage: { code: 'en', name: 'English' },
  nonce: 'page01',
});
const summaryTurn: ChatMessage[] = [system!, page!, { role: 'assistant', content: 'The museum opens Sunday.' }];

describe('buildFollowUpMessages', () => {
  it('keeps the fenced page first and appends the question as a plain user turn', () => {
    const result = buildFollowUpMessages(summaryTurn, '  When does it open? ');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.messages.slice(0, 3)).toEqual(summaryTurn);
    expect(result.messages[1]!.content).toContain('<<<BEGIN PAGE page01>>>');
    expect(result.messages[3]).toEqual({ role: 'user', content: 'When does it open?' });
    expect(result.messages[3]!.content).not.toContain('<<<');
  });

  it('keeps earlier questions and answers in order', () => {
    const history: ChatMessage[] = [
      ...summaryTurn,
      { role: 'user', content: 'Where?' },
      { role: 'assistant', content: 'The page does not say.' },
    ];
    const result = buildFollowUpMessages(history, 'Price?');
    expect(result.ok && result.messages.map((m) => m.content).slice(3)).toEqual([
      'Where?',
      'The page does not say.',
      'Price?',
    ]);
  });

  it('drops an unanswered earlier question', () => {
    const history: ChatMessage[] = [...summaryTurn, { role: 'user', content: 'Interrupted?' }];
    const result = buildFollowUpMessages(history, 'Price?');
    expect(result.ok && result.messages.map((m) => m.content).slice(3)).toEqual(['Price?']);
  });

  it('drops the oldest turns, never the page, to fit the budget', () => {
    const history: ChatMessage[] = [
      ...summaryTurn,
      { role: 'user', content: 'q1' },
      { role: 'assistant', content: 'a1' },
      { role: 'user', content: 'q2' },
      { role: 'assistant', content: 'a2' },
    ];
    const countTokens = (text: string): number => text.length;
    const fixed = summaryTurn.reduce((sum, m) => sum + m.content.length, 0) + 'q3'.length;
    const result = buildFollowUpMessages(history, 'q3', { budgetTokens: fixed + 4, countTokens });
    expect(result.ok && result.messages.map((m) => m.content).slice(3)).toEqual(['q2', 'a2', 'q3']);
    expect(buildFollowUpMessages(history, 'q3', { budgetTokens: fixed - 1, countTokens })).toEqual({
      ok: false,
      error: { code: 'context-too-small' },
    });
  });

  it('refuses an empty question or a history without the page', () => {
    expect(buildFollowUpMessages(summaryTurn, '   ')).toEqual({ ok: false, error: { code: 'empty-question' } });
    expect(buildFollowUpMessages([system!], 'Why?')).toEqual({ ok: false, error: { code: 'missing-page-context' } });
  });
});
