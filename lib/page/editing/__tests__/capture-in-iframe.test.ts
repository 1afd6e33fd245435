// @vitest-environment happy-dom
// @vitest-environment-options { "settings": { "enableIframePageLoading": true } }
import { afterEach, describe, expect, it } from 'vitest';
import { captureSelection } from '../capture-selection';
import { replaceSelection } from '../replace-selection';

async function loadFrame(): Promise<{ frame: HTMLIFrameElement; frameDoc: Document }> {
  const frame = document.createElement('iframe');
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = 'about:blank';
  document.body.append(frame);
  await loaded;
  return { frame, frameDoc: frame.contentDocument! };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('selections in a same-origin iframe', () => {
  it('captures from the frame the outer document reports as focused, and replaces there', async () => {
    const { frame, frameDoc } = await loadFrame();
    frameDoc.body.innerHTML = '<textarea>framed words here</textarea>';
    const textarea = frameDoc.querySelector('textarea')!;
    textarea.focus();
    textarea.setSelectionRange(7, 12);
    frame.focus();
    expect(document.activeElement).toBe(frame);
    const captured = captureSelection(document);
    expect(captured).toMatchObject({ ok: true, kind: 'text-field', text: 'words' });
    if (!captured.ok) return;
    expect(await replaceSelection(captured.anchorId, 'phrases')).toMatchObject({ ok: true });
    expect(textarea.value).toBe('framed phrases here');
  });
});
