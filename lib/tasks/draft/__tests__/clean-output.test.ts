import { describe, expect, it } from 'vitest';
import { cleanDraftOutput } from '../clean-output';

const BODY = 'Hi Anna,\n\nTuesday at 12:30 works for me. I will book a table.\n\nBest,\nTom';

describe('cleanDraftOutput: preambles', () => {
  it.each([
    ['Here is a draft reply:\n\n'],
    ["Sure! Here's a friendly reply to Anna's email:\n"],
    ['Sure!\n\nHere is the email:\n'],
    ['Certainly, happy to help. Here is a suggested response:\n'],
    ['Draft:\n'],
    ['**Suggested reply:**\n\n'],
    ['Hier ist ein Entwurf für deine Antwort:\n\n'],
    ['Voici une réponse possible :\n'],
  ])('strips %j', (preamble) => {
    expect(cleanDraftOutput(`${preamble}${BODY}`)).toBe(BODY);
  });

  it('strips an intro on the same line as the greeting', () => {
    expect(cleanDraftOutput(`Here is a draft reply: ${BODY}`)).toBe(BODY);
    expect(cleanDraftOutput(`Draft: ${BODY}`)).toBe(BODY);
  });

  it('keeps first lines that are the reply itself', () => {
    const replies = [
      BODY,
      'Sure, Tuesday works for me.\n\nBest,\nTom',
      'Sure!\n\nTuesday works for me.\n\nBest,\nTom',
      'Here is my plan for the launch:\n- Monday: copy\n- Tuesday: ship\n\nTom',
      'Here is my reply to your questions:\n1. Yes\n2. No\n\nTom',
      'Great news: the contract is signed!\n\nTom',
      'Of course. I will send the slides tonight.',
      'Re: the budget, I agree with your numbers.\n\nTom',
    ];
    for (const reply of replies) expect(cleanDraftOutput(reply)).toBe(reply);
  });

  it('never empties a reply that is only an intro-like line', () => {
    expect(cleanDraftOutput('Here is the email:')).toBe('Here is the email:');
  });
});

describe('cleanDraftOutput: subject lines', () => {
  it.each([
    ['Subject: Re: Lunch on Friday\n\n'],
    ['**Subject:** Lunch\n'],
    ['Re: Lunch on Friday\n\n'],
    ['Betreff: AW: Mittagessen\n\n'],
  ])('strips %j', (subject) => {
    expect(cleanDraftOutput(`${subject}${BODY}`)).toBe(BODY);
  });

  it('strips a preamble and a subject together', () => {
    expect(cleanDraftOutput(`Sure! Here's a draft reply:\n\nSubject: Re: Lunch\n\n${BODY}`)).toBe(BODY);
    expect(cleanDraftOutput(`Subject: Re: Lunch\n---\nBody:\n${BODY}`)).toBe(BODY);
  });
});

describe('cleanDraftOutput: trailing remarks', () => {
  it.each([
    ["Let me know if you'd like any changes!"],
    ['Feel free to adjust it as needed.'],
    ['Feel free to adjust the tone or details to fit your style.'],
    ['---\n\nI hope this draft works for you. Let me know if you want me to make it more formal.'],
    ['Note: I assumed the booking is for two people.'],
    ['You can replace the time if needed.'],
    ['Lass mich wissen, ob du Änderungen möchtest.'],
  ])('strips %j after the sign-off', (remark) => {
    expect(cleanDraftOutput(`${BODY}\n\n${remark}`)).toBe(BODY);
  });

  it('strips an offer about the draft even without a sign-off', () => {
    const body = 'Hi Anna,\n\nTuesday works for me.';
    expect(cleanDraftOutput(`${body}\n\nLet me know if you'd like any changes to this draft.`)).toBe(body);
    expect(cleanDraftOutput(`${body}\n\nFeel free to adjust the tone.`)).toBe(body);
  });

  it('keeps closing lines that belong to the email', () => {
    const replies = [
      'Hi Anna,\n\nTuesday works for me.\n\nLet me know if you need anything else.\n\nBest,\nTom',
      'Hi Anna,\n\nTuesday works for me.\n\nLet me know if you need anything else.',
      'Hi Anna,\n\nThanks for the update!\n\nFeel free to reach out if the plan changes.',
      "Hi Anna,\n\nHere are the slides.\n\nLet me know if you'd like any changes to the schedule.",
      'Hi Anna,\n\nSee you Tuesday.\n\nBest,\nTom\n\nP.S. Feel free to bring Ben along.',
    ];
    for (const reply of replies) expect(cleanDraftOutput(reply)).toBe(reply);
  });
});

describe('cleanDraftOutput: wrappers', () => {
  it('unwraps code fences and quotes', () => {
    expect(cleanDraftOutput(`\`\`\`\n${BODY}\n\`\`\``)).toBe(BODY);
    expect(cleanDraftOutput(`\`\`\`text\n${BODY}\n\`\`\``)).toBe(BODY);
    expect(cleanDraftOutput(`"${BODY}"`)).toBe(BODY);
    expect(cleanDraftOutput(`Here is a draft reply:\n\n“${BODY}”`)).toBe(BODY);
  });

  it('keeps quotes that do not wrap the whole reply', () => {
    const reply = '"Tuesday" works, but "Wednesday" would be better.\n\nTom';
    expect(cleanDraftOutput(reply)).toBe(reply);
  });

  it('removes echoed fence markers', () => {
    expect(cleanDraftOutput(`<<<BEGIN EMAIL abcd1234>>>\n${BODY}\n<<<END EMAIL abcd1234>>>`)).toBe(BODY);
  });

  it('normalises line endings and trims, keeping inner blank lines', () => {
    expect(cleanDraftOutput(`\r\n  ${BODY.replace(/\n/g, '\r\n')}  \r\n`)).toBe(BODY);
  });
});

describe('cleanDraftOutput: one sign-off', () => {
  it('drops a repeated closing and the short form of a name signed twice', () => {
    expect(cleanDraftOutput(`${BODY}\n\nBest,\nTom`)).toBe(BODY);
    expect(cleanDraftOutput(`${BODY} Baker`.replace('Best,\nTom Baker', 'Best,\nTom\nTom Baker'))).toBe(
      'Hi Anna,\n\nTuesday at 12:30 works for me. I will book a table.\n\nBest,\nTom Baker',
    );
  });

  it('keeps two different names, and a name that is not under a sign-off', () => {
    const signedForTwo = 'Hi Anna,\n\nSee you Tuesday.\n\nBest,\nTom\nSara';
    expect(cleanDraftOutput(signedForTwo)).toBe(signedForTwo);
    const list = 'Hi Anna,\n\nThe team:\nTom\nTom Baker';
    expect(cleanDraftOutput(list)).toBe(list);
  });
});
