// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureSelection } from '../capture-selection';
import { selectText } from './select-text';

function setUp(html: string): void {
  document.body.innerHTML = html;
}

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

afterEach(() => {
  document.body.innerHTML = '';
  document.getSelection()?.removeAllRanges();
});

describe('captureSelection', () => {
  it('captures the selected part of a textarea, line breaks included', () => {
    setUp('<textarea id="t">first line\nsecond line\nthird</textarea>');
    const textarea = byId<HTMLTextAreaElement>('t');
    textarea.focus();
    textarea.setSelectionRange(6, 22);
    const captured = captureSelection(document);
    expect(captured).toMatchObject({ ok: true, kind: 'text-field', editable: true, text: 'line\nsecond line' });
  });

  it.each(['text', 'search', 'url', 'tel'])('captures a %s input', (type) => {
    setUp(`<input id="i" type="${type}" value="hello brave world">`);
    const input = byId<HTMLInputElement>('i');
    input.focus();
    input.setSelectionRange(6, 11);
    expect(captureSelection(document)).toMatchObject({ ok: true, kind: 'text-field', text: 'brave' });
  });

  it('marks a read-only textarea as not editable', () => {
    setUp('<textarea id="t" readonly>locked text</textarea>');
    const textarea = byId<HTMLTextAreaElement>('t');
    textarea.focus();
    textarea.setSelectionRange(0, 6);
    expect(captureSelection(document)).toMatchObject({ ok: true, editable: false, text: 'locked' });
  });

  it('refuses a password field without reading its value', () => {
    setUp('<input id="p" type="password">');
    const input = byId<HTMLInputElement>('p');
    const valueRead = vi.fn(() => 'hunter2');
    Object.defineProperty(input, 'value', { get: valueRead, configurable: true });
    input.focus();
    expect(captureSelection(document)).toEqual({ ok: false, code: 'password-field' });
    expect(valueRead).not.toHaveBeenCalled();
  });

  it('refuses one-time-code fields without reading their value', () => {
    setUp('<input id="o" type="text" autocomplete="one-time-code">');
    const input = byId<HTMLInputElement>('o');
    const valueRead = vi.fn(() => '123456');
    Object.defineProperty(input, 'value', { get: valueRead, configurable: true });
    input.focus();
    expect(captureSelection(document)).toEqual({ ok: false, code: 'sensitive-field', sensitive: 'one-time-code' });
    expect(valueRead).not.toHaveBeenCalled();
  });

  it('reports an empty selection in a field with only a caret', () => {
    setUp('<textarea id="t">some text</textarea>');
    const textarea = byId<HTMLTextAreaElement>('t');
    textarea.focus();
    textarea.setSelectionRange(3, 3);
    expect(captureSelection(document)).toEqual({ ok: false, code: 'empty-selection' });
  });

  it('reports an empty selection when nothing is selected on the page', () => {
    setUp('<p>nothing selected</p>');
    expect(captureSelection(document)).toEqual({ ok: false, code: 'empty-selection' });
  });

  it('captures contenteditable text with <br> and blocks as line breaks', () => {
    setUp('<div id="e" contenteditable="true">Hello <b>bold</b><br>next<div>block</div></div>');
    const editor = byId('e');
    editor.focus();
    selectText([editor.firstChild!, 0], [editor.querySelector('div')!.firstChild!, 5]);
    expect(captureSelection(document)).toMatchObject({
      ok: true,
      kind: 'rich-text',
      editable: true,
      text: 'Hello bold\nnext\nblock',
    });
  });

  it('treats text inside contenteditable="false" islands as read-only', () => {
    setUp('<div contenteditable="true"><span id="s" contenteditable="false">fixed label</span></div>');
    const span = byId('s');
    selectText([span.firstChild!, 0], [span.firstChild!, 5]);
    expect(captureSelection(document)).toMatchObject({ ok: true, kind: 'read-only', editable: false, text: 'fixed' });
  });

  it('captures read-only page text, collapsing source whitespace', () => {
    setUp('<article id="a"><p>One   paragraph\n   here.</p><p>Another.</p></article>');
    const paragraphs = document.querySelectorAll('p');
    selectText([paragraphs[0]!.firstChild!, 0], [paragraphs[1]!.firstChild!, 8]);
    expect(captureSelection(document)).toMatchObject({
      ok: true,
      kind: 'read-only',
      editable: false,
      text: 'One paragraph here.\n\nAnother.',
    });
  });

  it('follows focus into an open shadow root', () => {
    setUp('<div id="host"></div>');
    const shadow = byId('host').attachShadow({ mode: 'open' });
    shadow.innerHTML = '<textarea>inside the shadow</textarea>';
    const textarea = shadow.querySelector('textarea')!;
    textarea.focus();
    textarea.setSelectionRange(7, 17);
    expect(captureSelection(document)).toMatchObject({ ok: true, kind: 'text-field', text: 'the shadow' });
  });
});
