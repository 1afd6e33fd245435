// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureSelection } from '../capture-selection';
import type { CapturedSelection } from '../types';
import { insertBelow, replaceSelection } from '../replace-selection';
import { installFakeExecCommand, removeFakeExecCommand } from './fake-exec-command';
import { selectText } from './select-text';

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function captured(): CapturedSelection {
  const result = captureSelection(document);
  if (!result.ok) throw new Error(`capture failed: ${result.code}`);
  return result;
}

/** A textarea with [start, end) selected and captured, then focus moved away as when the side panel is used. */
function captureInTextarea(
  value: string,
  start: number,
  end: number,
): { field: HTMLTextAreaElement; anchorId: string } {
  document.body.innerHTML = `<textarea id="t"></textarea><button id="elsewhere">x</button>`;
  const field = byId<HTMLTextAreaElement>('t');
  field.value = value;
  field.focus();
  field.setSelectionRange(start, end);
  const { anchorId } = captured();
  byId('elsewhere').focus();
  field.setSelectionRange(0, 0);
  return { field, anchorId };
}

function captureInEditor(html: string): { editor: HTMLElement; anchorId: string } {
  document.body.innerHTML = `<div id="e" contenteditable="true">${html}</div><button id="elsewhere">x</button>`;
  const editor = byId('e');
  editor.focus();
  const marked = editor.querySelector('mark')!;
  selectText([marked.firstChild!, 0], [marked.firstChild!, marked.textContent!.length]);
  const { anchorId } = captured();
  byId('elsewhere').focus();
  document.getSelection()!.removeAllRanges();
  return { editor, anchorId };
}

afterEach(() => {
  removeFakeExecCommand();
  document.body.innerHTML = '';
  document.getSelection()?.removeAllRanges();
});

describe.each([
  ['the browser command', true],
  ['the setRangeText fallback', false],
])('replaceSelection in a textarea via %s', (_name, withExecCommand) => {
  const setUpCommand = () => (withExecCommand ? installFakeExecCommand() : undefined);

  it('puts the text exactly where the selection was, after focus moved away', async () => {
    const execCommand = setUpCommand();
    const { field, anchorId } = captureInTextarea('Dear team, pls fix asap. Thanks', 11, 24);
    const result = await replaceSelection(anchorId, 'Please fix this soon.');
    expect(result).toMatchObject({ ok: true, method: withExecCommand ? 'exec-command' : 'direct' });
    expect(field.value).toBe('Dear team, Please fix this soon. Thanks');
    if (execCommand) expect(execCommand).toHaveBeenCalledWith('insertText', false, 'Please fix this soon.');
  });

  it('fires a bubbling input event so frameworks see the change', async () => {
    setUpCommand();
    const { anchorId } = captureInTextarea('abc def', 4, 7);
    const onInput = vi.fn();
    document.body.addEventListener('input', onInput);
    await replaceSelection(anchorId, 'xyz');
    expect(onInput).toHaveBeenCalledTimes(1);
  });

  it('keeps line breaks', async () => {
    setUpCommand();
    const { field, anchorId } = captureInTextarea('start\nold\nend', 6, 9);
    await replaceSelection(anchorId, 'new one\nnew two');
    expect(field.value).toBe('start\nnew one\nnew two\nend');
  });

  it('refuses and changes nothing when the original was edited', async () => {
    setUpCommand();
    const { field, anchorId } = captureInTextarea('keep this text', 5, 9);
    field.value = 'keep that text';
    expect(await replaceSelection(anchorId, 'THE')).toEqual({ ok: false, code: 'original-changed' });
    expect(field.value).toBe('keep that text');
  });

  it('follows the original when text was typed before it', async () => {
    setUpCommand();
    const { field, anchorId } = captureInTextarea('say hello there', 4, 9);
    field.value = 'Well, say hello there';
    await replaceSelection(anchorId, 'goodbye');
    expect(field.value).toBe('Well, say goodbye there');
  });

  it('inserts below the selection on a new line, leaving it intact', async () => {
    setUpCommand();
    const { field, anchorId } = captureInTextarea('intro draft text outro', 6, 16);
    expect(await insertBelow(anchorId, 'better text')).toMatchObject({ ok: true });
    expect(field.value).toBe('intro draft text\nbetter text\n outro');
  });
});

describe('replaceSelection in text fields', () => {
  it('turns line breaks into spaces in a single-line input', async () => {
    document.body.innerHTML = '<input id="i" value="subject: old words">';
    const input = byId<HTMLInputElement>('i');
    input.focus();
    input.setSelectionRange(9, 18);
    const { anchorId } = captured();
    await replaceSelection(anchorId, 'new\nwords');
    expect(input.value).toBe('subject: new words');
  });

  it('can replace again after a first replacement', async () => {
    const { field, anchorId } = captureInTextarea('a short note', 2, 7);
    await replaceSelection(anchorId, 'longer');
    await replaceSelection(anchorId, 'tiny');
    expect(field.value).toBe('a tiny note');
  });

  it('reports not-editable for a read-only textarea', async () => {
    document.body.innerHTML = '<textarea id="t" readonly>fixed text</textarea>';
    const field = byId<HTMLTextAreaElement>('t');
    field.focus();
    field.setSelectionRange(0, 5);
    const { anchorId } = captured();
    expect(await replaceSelection(anchorId, 'x')).toEqual({ ok: false, code: 'not-editable' });
    expect(field.value).toBe('fixed text');
  });

  it('reports anchor-lost when the field left the page or the id is unknown', async () => {
    const { field, anchorId } = captureInTextarea('gone soon', 0, 4);
    field.remove();
    expect(await replaceSelection(anchorId, 'x')).toEqual({ ok: false, code: 'anchor-lost' });
    expect(await replaceSelection('no-such-anchor', 'x')).toEqual({ ok: false, code: 'anchor-lost' });
  });
});

describe('replaceSelection in contenteditable', () => {
  it('uses the browser command when it exists', async () => {
    const execCommand = installFakeExecCommand();
    const { editor, anchorId } = captureInEditor('Hi <mark>old words</mark> end');
    expect(await replaceSelection(anchorId, 'new words')).toMatchObject({ ok: true, method: 'exec-command' });
    expect(editor.textContent).toBe('Hi new words end');
    expect(execCommand).toHaveBeenCalledWith('insertText', false, 'new words');
  });

  it('falls back to DOM edits with <br> for line breaks and fires input', async () => {
    const { editor, anchorId } = captureInEditor('Hi <mark>old words</mark> end');
    const onInput = vi.fn();
    editor.addEventListener('input', onInput);
    expect(await replaceSelection(anchorId, 'line one\nline two')).toMatchObject({ ok: true, method: 'direct' });
    expect(editor.innerHTML).toBe('Hi <mark>line one<br>line two</mark> end');
    expect(onInput).toHaveBeenCalledTimes(1);
  });

  it('offers the replacement to an editor first and stops when it handles it', async () => {
    const execCommand = installFakeExecCommand();
    const { editor, anchorId } = captureInEditor('Hi <mark>old words</mark> end');
    const seen: { inputType: string; text: string | undefined }[] = [];
    editor.addEventListener('beforeinput', (event) => {
      seen.push({
        inputType: event.inputType,
        text: event.dataTransfer?.getData('text/plain') ?? event.data ?? undefined,
      });
      event.preventDefault();
      setTimeout(() => (editor.querySelector('mark')!.textContent = 'edited by editor'), 10);
    });
    expect(await replaceSelection(anchorId, 'edited by editor')).toMatchObject({ ok: true, method: 'editor' });
    expect(seen).toEqual([{ inputType: 'insertReplacementText', text: 'edited by editor' }]);
    expect(execCommand).not.toHaveBeenCalled();
    expect(editor.textContent).toBe('Hi edited by editor end');
  });

  it('edits itself when an editor cancels beforeinput but changes nothing', async () => {
    const { editor, anchorId } = captureInEditor('Hi <mark>old words</mark> end');
    editor.addEventListener('beforeinput', (event) => event.preventDefault());
    expect(await replaceSelection(anchorId, 'new words')).toMatchObject({ ok: true, method: 'direct' });
    expect(editor.textContent).toBe('Hi new words end');
  });

  it('refuses when the selected text was edited', async () => {
    const { editor, anchorId } = captureInEditor('Hi <mark>old words</mark> end');
    editor.querySelector('mark')!.firstChild!.textContent = 'old wordz';
    expect(await replaceSelection(anchorId, 'new')).toEqual({ ok: false, code: 'original-changed' });
    expect(editor.textContent).toBe('Hi old wordz end');
  });

  it('reports anchor-lost when the editor was removed', async () => {
    const { editor, anchorId } = captureInEditor('Hi <mark>old words</mark> end');
    editor.remove();
    expect(await replaceSelection(anchorId, 'new')).toEqual({ ok: false, code: 'anchor-lost' });
  });

  it('can replace again after a first replacement', async () => {
    const { editor, anchorId } = captureInEditor('Hi <mark>old words</mark> end');
    await replaceSelection(anchorId, 'first try');
    await replaceSelection(anchorId, 'second');
    expect(editor.textContent).toBe('Hi second end');
  });

  it('inserts below the selection on a line of its own, before text that followed', async () => {
    const { editor, anchorId } = captureInEditor('<mark>draft</mark> tail');
    expect(await insertBelow(anchorId, 'result')).toMatchObject({ ok: true });
    expect(editor.innerHTML).toBe('<mark>draft<br>result<br></mark> tail');
  });

  it('inserts below without a trailing break when the selection ends its line', async () => {
    const { editor, anchorId } = captureInEditor('<div>intro</div><div><mark>draft</mark></div><div>next</div>');
    expect(await insertBelow(anchorId, 'result')).toMatchObject({ ok: true });
    expect(editor.innerHTML).toBe('<div>intro</div><div><mark>draft<br>result</mark></div><div>next</div>');
  });
});

describe('replaceSelection on read-only text', () => {
  it('reports not-editable and leaves the page alone', async () => {
    document.body.innerHTML = '<p id="p">static words</p>';
    const text = byId('p').firstChild!;
    selectText([text, 0], [text, 6]);
    const { anchorId, editable } = captured();
    expect(editable).toBe(false);
    expect(await replaceSelection(anchorId, 'x')).toEqual({ ok: false, code: 'not-editable' });
    expect(byId('p').textContent).toBe('static words');
  });
});
