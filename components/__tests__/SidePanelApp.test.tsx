// @vitest-environment jsdom
import { options, render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { FakePanelBrowser, flush } from '@/lib/panel/__tests__/fake-panel-browser';
import { PanelController } from '@/lib/panel/panel-controller';
import { renderMarkdownSafely } from '@/lib/render/markdown';
import { SidePanelApp } from '../SidePanelApp';

/** Undone after each test: render counters and rendered panels. */
const restore: Array<() => void> = [];
const roots: HTMLElement[] = [];

/** How often each component rendered, by name, from now on. */
function countRenders(): Map<string, number> {
  const counts = new Map<string, number>();
  const previous = options.diffed;
  options.diffed = (vnode: VNode) => {
    if (typeof vnode.type === 'function') counts.set(vnode.type.name, (counts.get(vnode.type.name) ?? 0) + 1);
    previous?.(vnode);
  };
  restore.push(() => (options.diffed = previous));
  return counts;
}

// The words do not matter here: each message shows as its key. jsdom lays nothing out: sizes never change.
beforeEach(() => {
  fakeBrowser.i18n.getMessage = (name: string) => name;
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      disconnect() {}
    },
  );
});

afterEach(async () => {
  restore.splice(0).forEach((undo) => undo());
  // Preact runs effect clean-ups a frame after unmounting: inside act they run now, not after jsdom is torn down.
  await act(() => roots.splice(0).forEach((root) => render(null, root)));
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

async function openPanel() {
  const browser = new FakePanelBrowser();
  const panel = new PanelController(browser.deps);
  const root = document.createElement('div');
  document.body.append(root);
  roots.push(root);
  render(<SidePanelApp panel={panel} />, root);
  // The panel has started once it greeted the background (settings read); renders from its start are not counted.
  await vi.waitFor(() => expect(browser.hubPorts).toHaveLength(1));
  await flush();
  return { browser, panel, root };
}

const ANSWER =
  '# Answer\n\nSee [the guide](https://example.org/guide) and [more](https://evil.example/?d=secret).\n\n' +
  '- one\n- two\n\n```\ncode <script>\n```\n\nThe end.';

describe('SidePanelApp while an answer streams', () => {
  it('renders only the text element, and nothing above it, for each new word', async () => {
    const { browser, panel, root } = await openPanel();
    panel.submitQuestion('Is https://example.org/guide right?');
    await flush();
    const task = browser.last('ask');
    task.send({ type: 'task/links', links: ['https://example.org/guide'] });
    const renders = countRenders();

    const words = ANSWER.match(/\S+\s*/g)!;
    for (const word of words) {
      task.delta(word);
      await flush();
    }
    task.done();
    await flush();

    const answer = root.querySelector('[data-testid="ask-answer"]')!;
    const expected = document.createElement('div');
    expected.innerHTML = renderMarkdownSafely(ANSWER, { links: new Set(['https://example.org/guide']) });
    expect(answer.innerHTML).toBe(expected.innerHTML);
    expect([...answer.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://example.org/guide']);
    expect(answer.textContent).toContain('more (https://evil.example/?d=secret)');

    // The first word (there is text now) and the end (done) re-render the views; the words in between do not.
    expect(words.length).toBeGreaterThan(15);
    expect(renders.get('SidePanelApp') ?? 0).toBeLessThanOrEqual(2);
    // The cards around the text (their progress, Stop and Copy) do not follow the words either: a few renders as the
    // text starts and the run ends, none per word.
    for (const view of ['PageView', 'AnswerCard', 'Card', 'TaskProgress', 'StreamActions']) {
      expect(renders.get(view) ?? 0, view).toBeLessThanOrEqual(3);
    }
    expect(renders.get('StreamView') ?? 0).toBeLessThanOrEqual(2);
    expect(renders.get('MarkdownText') ?? 0).toBeLessThanOrEqual(2);
  });

  it('shows a rewrite as it streams without rendering the rewrite view for each word', async () => {
    const { browser, panel, root } = await openPanel();
    await panel.startRewrite(4, 0, 'formal');
    await flush();
    const task = browser.last('rewrite');
    task.send({
      type: 'task/source',
      source: {
        kind: 'rewrite',
        title: 'Page',
        url: 'https://example.org/',
        conversationId: '',
        selection: { original: 'hi there', editable: true, anchorId: 'a1', tabId: 4, frameId: 0, style: 'formal' },
      },
    });
    const renders = countRenders();
    const words = 'Good afternoon, and thank you very much for your message of last week about the plan.'.split(
      /(?<= )/,
    );
    for (const word of words) {
      task.delta(word);
      await flush();
    }
    // Text after the first word waits for the next frame (or the hidden-panel timer).
    await vi.waitFor(() =>
      expect(root.querySelector('[data-testid="rewrite-result"]')!.textContent).toBe(words.join('')),
    );
    expect(words.length).toBeGreaterThan(10);
    expect(renders.get('RewriteView') ?? 0).toBeLessThanOrEqual(1);
    for (const part of ['RewriteResult', 'RewriteActions', 'TaskProgress']) {
      expect(renders.get(part) ?? 0, part).toBeLessThanOrEqual(2);
    }
  });

  it('fills the draft box as the draft streams, rendering only the box for each word', async () => {
    const { browser, panel, root } = await openPanel();
    panel.showView('reply');
    await panel.draft.draft();
    await flush();
    const task = browser.last('draft-reply');
    const renders = countRenders();
    const words = 'Hi Ana, thanks for the update; Thursday at ten works for me and I will bring the figures.'.split(
      /(?<= )/,
    );
    for (const word of words) {
      task.delta(word);
      await flush();
    }
    const box = root.querySelector<HTMLTextAreaElement>('[data-testid="draft-text"]')!;
    await vi.waitFor(() => expect(box.value).toBe(words.join('')));
    expect(words.length).toBeGreaterThan(10);
    expect(renders.get('DraftReplyView') ?? 0).toBeLessThanOrEqual(1);
    // The box itself follows the text: the first word at once, the rest batched by frame.
    expect(renders.get('DraftText') ?? 0).toBeGreaterThanOrEqual(2);
  });
});
