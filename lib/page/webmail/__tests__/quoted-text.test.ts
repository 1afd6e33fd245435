// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { readMessageText } from '../message-text';
import { quotedTextStart, replyBoundary, trimQuotedText } from '../quoted-text';
import { closeMailWindows, mailDocument } from './mail-fixture';

afterEach(closeMailWindows);

function body(html: string): Element {
  return mailDocument(`<body><div id="m">${html}</div></body>`).getElementById('m')!;
}

describe('trimQuotedText', () => {
  it.each([
    [
      'an English attribution',
      'Sounds good.\n\nOn Mon, 3 Mar 2025 at 09:12, Maya <maya@example.com> wrote:\n> Earlier',
    ],
    [
      'an attribution wrapped over two lines',
      'Sounds good.\n\nOn Mon, 3 Mar 2025 at 09:12, Maya Lindqvist <\nmaya@example.com> wrote:\n\n> Earlier',
    ],
    [
      'a German attribution',
      'Sounds good.\n\nAm 03.03.2025 um 09:12 schrieb Maya Lindqvist <maya@example.com>:\n> Earlier',
    ],
    [
      'Outlook’s Original Message line',
      'Sounds good.\n\n-----Original Message-----\nFrom: Maya\nSent: Monday\nEarlier',
    ],
    [
      'Outlook’s plain-text header block',
      'Sounds good.\n\n________________________________\nFrom: Maya Lindqvist <maya@example.com>\nSent: Monday, March 3, 2025 9:12 AM\nTo: Jonas\nEarlier',
    ],
    ['a delimited signature', 'Sounds good.\n\n-- \nJonas Weber\nHead of Operations'],
    ['trailing > citations', 'Sounds good.\n\n> Earlier line one\n> Earlier line two'],
  ])('cuts at %s', (_name, text) => {
    expect(trimQuotedText(text)).toBe('Sounds good.');
  });

  it('keeps a forwarded message: it is content, not history', () => {
    const outlook =
      'FYI, see below.\n\n________________________________\nFrom: Maya Lindqvist <maya@example.com>\nSent: Monday, March 3, 2025 9:12 AM\nTo: Jonas\nSubject: FW: Venue contract\nThe venue needs the signed contract by Friday.';
    expect(trimQuotedText(outlook)).toBe(outlook);
    const plain =
      'FYI.\n\n---------- Forwarded message ---------\nFrom: Maya\nThe venue needs the signed contract by Friday.';
    expect(trimQuotedText(plain)).toBe(plain);
  });

  it('keeps text that merely mentions writing, and > lines followed by an answer', () => {
    const text = 'On Monday I wrote the report.\n> What about costs?\nThey are in the appendix.';
    expect(trimQuotedText(text)).toBe(text);
    expect(quotedTextStart(text)).toBe(text.length);
  });
});

describe('quoted history in mail HTML', () => {
  it('keeps earlier blockquotes between inline answers and drops only the trailing quote', () => {
    const text = readMessageText(
      body(
        '<blockquote type="cite">Can you come?</blockquote><div>Yes.</div><blockquote type="cite">And bring slides?</blockquote><div>Sure.</div><blockquote type="cite">Thanks, old thread text</blockquote>',
      ),
    );
    expect(text).toBe('> Can you come?\n\nYes.\n\n> And bring slides?\n\nSure.');
  });

  it('keeps every line a writer wrote, even those a web page would drop as furniture', () => {
    const text = readMessageText(
      body(
        '<div>The draft is ready.</div><div>See also: <a href="https://example.com/plan">the plan</a></div><div>Anzeige</div>',
      ),
    );
    expect(text).toBe('The draft is ready.\n\nSee also: the plan\n\nAnzeige');
  });

  it("numbers an ordered list's points, which a reply answers by number", () => {
    const text = readMessageText(body('<div>Two questions:</div><ol><li>Budget?</li><li>Dates?</li></ol>'));
    expect(text).toBe('Two questions:\n\n1. Budget?\n2. Dates?');
  });

  it('keeps a plain blockquote that the message goes on after (a quoted passage, not history)', () => {
    const text = readMessageText(
      body('<div>As the manual says:</div><blockquote>Never run it twice.</blockquote><div>So please wait.</div>'),
    );
    expect(text).toBe('As the manual says:\n\n> Never run it twice.\n\nSo please wait.');
  });

  it('cuts Outlook’s reply header and everything after it, even outside the header element', () => {
    const text = readMessageText(
      body('<div>New text</div><hr><div id="x_divRplyFwdMsg"><b>From:</b> A</div><div>Old body</div>'),
    );
    expect(text).toBe('New text');
  });

  it('keeps a forwarded message in Gmail’s and Outlook’s HTML, and still cuts a reply quote after it', () => {
    const gmail = readMessageText(
      body(
        '<div>FYI, see below.</div><div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>From: Maya<br>Subject: Venue contract</div><br><div>The venue needs the signed contract by Friday.</div></div>',
      ),
    );
    expect(gmail).toContain('FYI, see below.');
    expect(gmail).toContain('The venue needs the signed contract by Friday.');
    const outlook = readMessageText(
      body(
        '<div>FYI</div><div id="x_divRplyFwdMsg"><b>From:</b> Maya<br><b>Sent:</b> Monday<br><b>Subject:</b> FW: Venue contract</div><div>The venue needs the signed contract by Friday.</div>',
      ),
    );
    expect(outlook).toContain('The venue needs the signed contract by Friday.');
    const replyAfterForward = readMessageText(
      body(
        '<div>Thanks, signed.</div><div class="gmail_quote gmail_quote_container"><div class="gmail_attr">On Tue, Jonas wrote:</div><blockquote class="gmail_quote">---------- Forwarded message ---------<br>The venue needs the contract.</blockquote></div>',
      ),
    );
    expect(replyAfterForward).toBe('Thanks, signed.');
  });

  it('finds the reply boundary at the first of signature and quote', () => {
    const root = body(
      '<div>Mine</div><div class="gmail_quote gmail_quote_container"><div class="gmail_attr">On … wrote:</div><blockquote class="gmail_quote">q</blockquote></div><div class="gmail_signature">Sig</div>',
    );
    expect(replyBoundary(root)?.className).toBe('gmail_attr');
    const olderGmail = body(
      '<div>Mine</div><div class="gmail_quote"><div class="gmail_attr">On … wrote:</div><blockquote class="gmail_quote">q</blockquote></div>',
    );
    expect(replyBoundary(olderGmail)?.className).toBe('gmail_quote');
    const signatureFirst = body(
      '<div>Mine</div><div class="protonmail_signature_block">Sig</div><div class="protonmail_quote">q</div>',
    );
    expect(replyBoundary(signatureFirst)?.className).toBe('protonmail_signature_block');
  });
});
