// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { readOpenThread } from '../read-open-thread';
import { extractPage } from '../../extract/extract-page';
import { gmailAdapter } from '../gmail';
import { outlookAdapter } from '../outlook';
import { closeMailWindows, mailDocument, readMailFixture } from './mail-fixture';

afterEach(closeMailWindows);

describe('Gmail page details', () => {
  it('reads the conversation on screen, not one Gmail left hidden in the page', () => {
    const html = readMailFixture('gmail-thread.html').replace(
      '<div role="main" class="nH bkK">',
      `<div role="main" class="nH bkK"><div style="display: none"><h2 class="hP">Old thread</h2><div role="list">
        <div class="h7" role="listitem"><span class="gD" email="old@example.com" name="Old Sender">Old Sender</span><div class="a3s aiL">Stale text</div></div>
      </div></div>`,
    );
    const read = readOpenThread(mailDocument(html));
    expect(read.ok && read.thread.subject).toBe('Lisbon offsite: venue booking');
    expect(read.ok && read.thread.messages.map((m) => m.from)).toEqual([
      'Maya Lindqvist',
      'Jonas Weber',
      'Maya Lindqvist',
    ]);
  });

  it('is an empty thread when the open messages have no text', () => {
    const doc = mailDocument(
      '<body><div role="main"><h2 class="hP">Photo</h2><div role="list"><div class="h7" role="listitem"><span class="gD" email="a@example.com" name="Ann">Ann</span><div class="ii gt"><div class="a3s aiL"><img alt=""></div></div></div></div></div></body>',
      'https://mail.google.com/mail/u/0/#inbox/FMfcgz',
    );
    expect(readOpenThread(doc)).toEqual({ ok: false, code: 'empty-thread' });
  });

  it('ignores a hidden reply body and composes outside the conversation', () => {
    const doc = mailDocument(
      `<body><div role="main"><div class="ip adB" style="display: none"><div class="Am Al editable" contenteditable="true" role="textbox" aria-label="Message Body"></div></div></div>
       <div class="dw"><div class="Am Al editable" contenteditable="true" role="textbox" aria-label="Message Body">New message draft</div></div></body>`,
      'https://mail.google.com/mail/u/0/',
    );
    expect(gmailAdapter.findReplyBox(doc)).toBeNull();
  });
});

describe('Outlook page details', () => {
  const PANE = (inner: string) =>
    `<body><div id="ReadingPaneContainerId" data-app-section="MailReadCompose"><div data-app-section="ConversationContainer">${inner}</div></div></body>`;

  it('never takes the To field (also an editable textbox) for the message body', () => {
    const doc = mailDocument(
      PANE(
        '<div role="textbox" contenteditable="true" aria-label="To">Priya</div><div role="textbox" contenteditable="true" aria-multiline="true" aria-label="Nachrichtentext" id="body"></div>',
      ),
      'https://outlook.office.com/mail/',
    );
    expect(outlookAdapter.findReplyBox(doc)?.id).toBe('body');
  });

  it('finds Reply by its icon when the UI speaks another language', () => {
    const doc = mailDocument(
      PANE(`<div aria-expanded="true"><div data-testid="SentReceivedSavedTime">Do 13.03.2025 16:02</div>
        <div role="toolbar"><button type="button" aria-label="Allen antworten"><i data-icon-name="ArrowReplyAllRegular"></i></button>
        <button type="button" aria-label="Antworten" id="reply"><i data-icon-name="ArrowReplyRegular"></i></button></div></div>`),
      'https://outlook.office.com/mail/',
    );
    let pressed = '';
    doc.addEventListener('click', (event) => (pressed = (event.target as Element).closest('button')?.id ?? ''));
    expect(outlookAdapter.openReply(doc)).toBe(true);
    expect(pressed).toBe('reply');
  });

  it('puts an all-expanded conversation with localised dates in order, newest on top as OWA lists it', () => {
    const item = (id: number, date: string, text: string) =>
      `<div aria-expanded="true"><span id="MSG_${id}_FROM"><span class="OZZZK" title="p${id}@example.com">P${id}</span></span>
        <div data-testid="SentReceivedSavedTime">${date}</div><div role="document"><div id="UniqueMessageBody_${id}">${text}</div></div></div>`;
    const doc = mailDocument(
      PANE(
        item(3, 'Do 13.03.2025 16:02', 'Third') +
          item(2, 'Di 11.03.2025 14:20', 'Second') +
          item(1, 'Mo 10.03.2025 09:05', 'First'),
      ),
      'https://outlook.office.com/mail/',
    );
    const read = outlookAdapter.readThread(doc, extractPage);
    expect(read.ok && read.thread.messages.map((m) => m.text)).toEqual(['First', 'Second', 'Third']);
  });
});
