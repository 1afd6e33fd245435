// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { withMessageLanguage } from '../../../tasks/common/message-language';
import { readThreadUnlessMail } from '../page-or-thread';
import { genericAdapter } from '../generic';
import { closeMailWindows, mailDocument } from './mail-fixture';

afterEach(closeMailWindows);

const ARCHIVE = `<html lang="de"><head><title>[dev] Release plan for 2.4</title></head><body>
  <nav>Home · Lists · dev</nav>
  <main><article><h1>Release plan for 2.4</h1>
    <p id="first">Hi all, the release branch for 2.4 will be cut on Monday; please land your fixes before Friday noon.</p>
    <p>After the cut only regressions go in, and every change needs a second reviewer from the core team.</p>
    <p>The changelog draft is in the wiki; add your items there so the release notes stay complete for everyone.</p>
    <p>Thanks, Lena</p></article></main></body></html>`;

describe('generic page', () => {
  it('reads the page’s main text as one message, titled by the document', () => {
    const read = readThreadUnlessMail(mailDocument(ARCHIVE));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.thread.client).toBe('generic');
    expect(read.thread.subject).toBe('[dev] Release plan for 2.4');
    // The archive's pages say lang="de", but this conversation is in English: the text decides, once read.
    expect(read.thread.lang).toBeUndefined();
    expect(withMessageLanguage(read.thread).lang).toBe('en');
    expect(read.thread.messages).toHaveLength(1);
    expect(read.thread.messages[0]!.text).toContain('every change needs a second reviewer');
    expect(read.thread.messages[0]!.text).not.toContain('Home · Lists');
  });

  it('reads only the selection when there is one', () => {
    const doc = mailDocument(ARCHIVE);
    const first = doc.getElementById('first')!.firstChild!;
    const range = doc.createRange();
    range.setStart(first, 0);
    range.setEnd(first, 'Hi all, the release branch for 2.4 will be cut on Monday'.length);
    doc.getSelection()!.addRange(range);
    const read = readThreadUnlessMail(doc);
    expect(read.ok && read.thread.messages).toEqual([
      { from: '', text: 'Hi all, the release branch for 2.4 will be cut on Monday' },
    ]);
  });

  it('says the page is empty when it has no text', () => {
    expect(readThreadUnlessMail(mailDocument('<html><head><title>x</title></head><body></body></html>'))).toEqual({
      ok: false,
      code: 'empty-thread',
    });
  });

  it('takes the focused editor as the reply box, else the only one on the page', () => {
    const doc = mailDocument(
      '<body><textarea id="a"></textarea><div id="b" contenteditable="true"><p id="inner">x</p></div></body>',
    );
    expect(genericAdapter.findReplyBox(doc)).toBeNull();
    (doc.getElementById('b') as HTMLElement).focus();
    expect(genericAdapter.findReplyBox(doc)?.id).toBe('b');
    (doc.getElementById('a') as HTMLElement).focus();
    expect(genericAdapter.findReplyBox(doc)?.id).toBe('a');
    const single = mailDocument(
      '<body><div style="display: none"><textarea></textarea></div><div id="only" contenteditable="true"></div></body>',
    );
    expect(genericAdapter.findReplyBox(single)?.id).toBe('only');
    expect(genericAdapter.openReply(single)).toBe(false);
  });
});
