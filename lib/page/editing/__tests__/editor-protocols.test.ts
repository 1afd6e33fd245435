// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { captureSelection } from '../capture-selection';
import { insertBelow, replaceSelection } from '../replace-selection';
import { selectText } from './select-text';

/** A stand-in rich editor: it takes pastes itself (cancelling them) and writes what `apply` makes of the text. */
function pastingEditor(apply: (editor: HTMLElement, plain: string, html: string) => void): HTMLElement {
  document.body.innerHTML =
    '<div id="e" contenteditable="true"><p>Hi team,</p><p>pls fix asap.</p><p>Thanks.</p></div><button>x</button>';
  const editor = document.getElementById('e')!;
  editor.addEventListener('paste', (event) => {
    event.preventDefault();
    const data = (event as ClipboardEvent).clipboardData!;
    apply(editor, data.getData('text/plain'), data.getData('text/html'));
  });
  return editor;
}

function captureSentence(editor: HTMLElement): string {
  const sentence = editor.children[1]!.firstChild!;
  editor.focus();
  selectText([sentence, 0], [sentence, sentence.textContent!.length]);
  const captured = captureSelection(document);
  if (!captured.ok) throw new Error(captured.code);
  document.querySelector('button')!.focus();
  return captured.anchorId;
}

/** The editor's undo as its Ctrl+Z: puts back the HTML it had before the last paste. */
function withUndo(editor: HTMLElement): void {
  let previous = editor.innerHTML;
  editor.addEventListener('paste', () => (previous = editor.innerHTML), { capture: true });
  editor.addEventListener('keydown', (event) => {
    if (!event.ctrlKey || event.key !== 'z') return;
    event.preventDefault();
    editor.innerHTML = previous;
  });
}

afterEach(() => {
  document.body.innerHTML = '';
  document.getSelection()?.removeAllRanges();
});

describe('several paragraphs in a rich editor', () => {
  it('go as one paste the editor parses into its own paragraphs, one undo step', async () => {
    const pasted: Array<{ plain: string; html: string }> = [];
    const editor = pastingEditor((host, plain, html) => {
      pasted.push({ plain, html });
      host.children[1]!.outerHTML = plain
        .split('\n')
        .map((line) => `<p>${line}</p>`)
        .join('');
    });
    const anchorId = captureSentence(editor);
    const result = await replaceSelection(anchorId, 'Please fix it.\n\nThe build is broken.');
    expect(result).toMatchObject({ ok: true, method: 'editor', undoSteps: 1 });
    // A blank line is the paragraph break itself: no empty paragraph between.
    expect(pasted).toEqual([
      { plain: 'Please fix it.\nThe build is broken.', html: '<p>Please fix it.</p><p>The build is broken.</p>' },
    ]);
    expect(editor.innerHTML).toBe('<p>Hi team,</p><p>Please fix it.</p><p>The build is broken.</p><p>Thanks.</p>');
  });

  it('that the editor turns into something else are undone with its own undo, and the panel is told', async () => {
    // The bug this guards against: the editor drops the selected sentence while inserting below it.
    const editor = pastingEditor((host, plain) => (host.children[1]!.textContent = plain.trim()));
    withUndo(editor);
    const anchorId = captureSentence(editor);
    expect(await insertBelow(anchorId, 'Please fix it.\n\nThe build is broken.')).toEqual({
      ok: false,
      code: 'edit-undone',
    });
    expect(editor.innerHTML).toBe('<p>Hi team,</p><p>pls fix asap.</p><p>Thanks.</p>');
  });

  it('that go wrong in an editor whose undo does not restore them are reported as unverified', async () => {
    const editor = pastingEditor((host, plain) => (host.children[1]!.textContent = plain.trim()));
    const anchorId = captureSentence(editor);
    expect(await insertBelow(anchorId, 'Please fix it.')).toEqual({ ok: false, code: 'edit-unverified' });
  });
});

/** A stand-in EditContext host (Monaco's input): the text and selection live in the EditContext, not the DOM. */
function editContextHost(text: string, selectionStart: number, selectionEnd: number) {
  document.body.innerHTML = '<div id="m" tabindex="0"></div><button>x</button>';
  const element = document.getElementById('m')!;
  const context = Object.assign(new EventTarget(), { text, selectionStart, selectionEnd });
  Object.defineProperty(element, 'editContext', { value: context });
  element.addEventListener('paste', (event) => {
    event.preventDefault();
    const pasted = (event as ClipboardEvent).clipboardData!.getData('text/plain');
    context.text = context.text.slice(0, context.selectionStart) + pasted + context.text.slice(context.selectionEnd);
    context.selectionStart = context.selectionEnd = context.selectionStart + pasted.length;
  });
  element.focus();
  return { element, context };
}

describe('EditContext hosts', () => {
  it('have their selection read from the EditContext, where a DOM selection shows nothing', () => {
    editContextHost('const a = 1;\nlet b = 2;', 6, 12);
    expect(captureSelection(document)).toMatchObject({
      ok: true,
      kind: 'edit-context',
      text: 'a = 1;',
      editable: true,
    });
  });

  it('say "nothing selected" only when the EditContext selection is empty', () => {
    editContextHost('const a = 1;', 3, 3);
    expect(captureSelection(document)).toEqual({ ok: false, code: 'empty-selection' });
  });

  it('get the result as a paste at the editor selection, and Insert below keeps the selected text', async () => {
    const { context } = editContextHost('first\nold line\nlast', 6, 14);
    const captured = captureSelection(document);
    if (!captured.ok) throw new Error(captured.code);
    expect(await insertBelow(captured.anchorId, 'new line')).toMatchObject({ ok: true, undoSteps: 1 });
    expect(context.text).toBe('first\nold line\nnew line\nlast');
  });

  it('refuse when the editor selection moved since (it cannot be moved from outside)', async () => {
    const { context } = editContextHost('first\nold line\nlast', 6, 14);
    const captured = captureSelection(document);
    if (!captured.ok) throw new Error(captured.code);
    context.selectionStart = 0;
    expect(await replaceSelection(captured.anchorId, 'x')).toEqual({ ok: false, code: 'original-changed' });
    expect(context.text).toBe('first\nold line\nlast');
  });
});
