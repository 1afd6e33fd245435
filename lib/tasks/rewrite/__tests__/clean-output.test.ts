import { describe, expect, it } from 'vitest';
import { cleanRewriteOutput } from '../clean-output';

const ORIGINAL = 'hey, can u send the report by friday?\nthx';

describe('cleanRewriteOutput', () => {
  it.each([
    ['Here is the rewritten text:\n\nCould you send the report by Friday?\nThanks'],
    ["Sure! Here's a more formal version:\nCould you send the report by Friday?\nThanks"],
    ['Sure!\n\nHere is the revised text:\nCould you send the report by Friday?\nThanks'],
    ['Certainly, I can help with that. Here is a more polished version:\nCould you send the report by Friday?\nThanks'],
    ['**Rewritten text:**\nCould you send the report by Friday?\nThanks'],
    ['Formal version:\nCould you send the report by Friday?\nThanks'],
    ['Hier ist der überarbeitete Text:\nCould you send the report by Friday?\nThanks'],
  ])('strips the preamble of %j', (raw) => {
    expect(cleanRewriteOutput(raw, ORIGINAL)).toBe('Could you send the report by Friday?\nThanks');
  });

  it('strips an intro on the same line as the text', () => {
    expect(cleanRewriteOutput("Here's the rewritten text: Could you send it?", 'can u send it')).toBe(
      'Could you send it?',
    );
  });

  it('strips trailing offers and notes, and a separator before them', () => {
    const raw =
      'Could you send the report by Friday?\nThanks\n\n---\n\nLet me know if you would like any further changes!';
    expect(cleanRewriteOutput(raw, ORIGINAL)).toBe('Could you send the report by Friday?\nThanks');
    const notes =
      'Could you send the report by Friday?\nThanks\n\nNote: I replaced "u" with "you".\nI also fixed the capitalisation.';
    expect(cleanRewriteOutput(notes, ORIGINAL)).toBe('Could you send the report by Friday?\nThanks');
    expect(cleanRewriteOutput('Could you send it?\nI hope this helps!', 'can u send it')).toBe('Could you send it?');
  });

  it('keeps line breaks, blank lines and lists', () => {
    const original = 'hi,\n\n- one\n- two\n\nbye';
    const raw = 'Sure! Here is the text:\n\nHello,\n\n- One\n- Two\n\nGoodbye';
    expect(cleanRewriteOutput(raw, original)).toBe('Hello,\n\n- One\n- Two\n\nGoodbye');
  });

  it('keeps legitimate leading text that is not about the rewrite', () => {
    const original = 'here is my plan:\n- a\n- b';
    expect(cleanRewriteOutput('Here is my plan:\n- A\n- B', original)).toBe('Here is my plan:\n- A\n- B');
    expect(cleanRewriteOutput('Here is the text you asked for:\n- A', 'Here is the text you asked for:\n- a')).toBe(
      'Here is the text you asked for:\n- A',
    );
    expect(cleanRewriteOutput('Sure! I will be there at five.', 'sure i’ll be there at 5')).toBe(
      'Sure! I will be there at five.',
    );
    expect(cleanRewriteOutput('Certainly. I will attend the meeting on Monday.', 'ok ill come monday')).toBe(
      'Certainly. I will attend the meeting on Monday.',
    );
  });

  it('keeps closing lines the original had', () => {
    const original = 'pls review\n\nlet me know if u have questions';
    const raw = 'Please review.\n\nLet me know if you have any questions.';
    expect(cleanRewriteOutput(raw, original)).toBe(raw);
  });

  it('unwraps code fences and quotes only when the original had none', () => {
    expect(cleanRewriteOutput('```\nHello there\nfriend\n```', 'hello there\nfriend')).toBe('Hello there\nfriend');
    expect(cleanRewriteOutput('```js\nconst a = 1;\n```', '```js\nconst a=1\n```')).toBe('```js\nconst a = 1;\n```');
    expect(cleanRewriteOutput('"Hello there."', 'hello there')).toBe('Hello there.');
    expect(cleanRewriteOutput('“Hello there.”', 'hello there')).toBe('Hello there.');
    expect(cleanRewriteOutput('"Hello," she said.', '"hello" she said')).toBe('"Hello," she said.');
    expect(cleanRewriteOutput('"Go," she said, "now."', 'go she said now')).toBe('"Go," she said, "now."');
  });

  it('handles a preamble and a code fence together', () => {
    expect(cleanRewriteOutput('Here is the revised text:\n```\nHello\n```\nLet me know!', 'hello')).toBe('Hello');
  });

  it('drops fence marker lines the model echoed', () => {
    expect(cleanRewriteOutput('<<<BEGIN TEXT ab12cd>>>\nHello there.\n<<<END TEXT ab12cd>>>', 'hello there')).toBe(
      'Hello there.',
    );
  });

  it("puts back the original's surrounding whitespace and CRLF line ends", () => {
    expect(cleanRewriteOutput('Hello.', ' hello ')).toBe(' Hello. ');
    expect(cleanRewriteOutput('Line one.\nLine two.', 'line one\r\nline two\r\n')).toBe('Line one.\r\nLine two.\r\n');
  });
});
