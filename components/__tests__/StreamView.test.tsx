// @vitest-environment jsdom
import { computed, signal } from '@preact/signals';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { TacitError } from '@/lib/core/errors';
import type { TaskStreamState } from '@/lib/panel/task-stream';
import { TextLog } from '@/lib/panel/text-log';
import { renderMarkdownSafely } from '@/lib/render/markdown';
import { StreamView, type StreamSignals } from '../StreamView';

let root: HTMLElement;

beforeEach(() => {
  fakeBrowser.i18n.getMessage = (name: string) => name;
  root = document.body.appendChild(document.createElement('div'));
});

afterEach(async () => {
  // Preact runs effect clean-ups a frame after unmounting: inside act they run now, not after jsdom is torn down.
  await act(() => render(null, root));
  root.remove();
});

function streamSignals(): StreamSignals {
  const text = signal('');
  return {
    text,
    textLog: new TextLog(),
    hasText: computed(() => text.value !== ''),
    links: signal<ReadonlySet<string>>(new Set()),
    state: signal<TaskStreamState>('empty'),
    error: signal<TacitError | null>(null),
  };
}

/** The text replaced, as a task's new run or final result replaces it. */
function write(stream: StreamSignals, text: string): void {
  stream.textLog.replace(text);
  stream.text.value = text;
}

/** The text extended, as a streamed delta extends it. */
function add(stream: StreamSignals, text: string): void {
  stream.textLog.append(text);
  stream.text.value += text;
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('StreamView', () => {
  it('keeps the rendered text when its state changes', async () => {
    const stream = streamSignals();
    render(<StreamView stream={stream} testId="answer" emptyText="Ask something" />, root);
    expect(document.body.textContent).toContain('Ask something');
    stream.state.value = 'running';
    write(stream, '# Title\n\nSome **bold** words');
    await settle();
    stream.state.value = 'stopped';
    await settle();

    const text = document.querySelector('[data-testid="answer"]')!;
    expect(text.querySelector('h1')?.textContent).toBe('Title');
    expect(text.querySelector('strong')?.textContent).toBe('bold');
    expect(document.querySelector('[data-testid="answer-stopped"]')).not.toBeNull();
    expect(document.body.textContent).not.toContain('Ask something');
  });

  it('draws the last words of a long paragraph at once and renders it whole in the frame after', async () => {
    const stream = streamSignals();
    render(<StreamView stream={stream} testId="answer" />, root);
    const answer = document.querySelector('[data-testid="answer"]')!;
    const words = Array.from({ length: 600 }, (_, index) => `word${index} *a*`).join(' ');
    stream.state.value = 'running';
    write(stream, words);
    expect(answer.getAttribute('aria-busy')).toBe('true');
    add(stream, ' and the last words.');
    stream.state.value = 'done';

    expect(answer.textContent).toContain('word599 a and the last words.');
    expect(answer.getAttribute('aria-busy')).toBe('true');
    await expect.poll(() => answer.getAttribute('aria-busy')).toBe('false');
    expect(answer.innerHTML).toBe(renderMarkdownSafely(`${words} and the last words.`));
  });

  it('renders a reply without a long paragraph whole as soon as it ends', () => {
    const stream = streamSignals();
    render(<StreamView stream={stream} testId="answer" />, root);
    const answer = document.querySelector('[data-testid="answer"]')!;
    stream.state.value = 'running';
    write(stream, 'A short *reply*.');
    stream.state.value = 'done';
    expect(answer.getAttribute('aria-busy')).toBe('false');
    expect(answer.innerHTML).toBe(renderMarkdownSafely('A short *reply*.'));
  });

  it('after an update that took long (a huge table), shows the next text after a pause; the complete text at once', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      // Each reading of the clock moves it on 10 ms: every update seems to take 10 ms, a slow one.
      let clock = 0;
      vi.spyOn(performance, 'now').mockImplementation(() => (clock += 10));
      const stream = streamSignals();
      render(<StreamView stream={stream} testId="answer" />, root);
      const answer = document.querySelector('[data-testid="answer"]')!;
      write(stream, '| a | b |\n|---|---|\n| 1 | 2 |\n');
      stream.state.value = 'running';
      expect(answer.querySelectorAll('tbody tr')).toHaveLength(1);
      // One slow update could be the machine: the next is shown at once. A second in a row starts the pauses.
      add(stream, '| 3 | 4 |\n');
      expect(answer.querySelectorAll('tbody tr')).toHaveLength(2);
      // Rows written during the pause wait for it, together.
      add(stream, '| 5 | 6 |\n');
      add(stream, '| 7 | 8 |\n');
      expect(answer.querySelectorAll('tbody tr')).toHaveLength(2);
      vi.advanceTimersByTime(100);
      expect(answer.querySelectorAll('tbody tr')).toHaveLength(4);
      // The end of the reply is never held back.
      add(stream, '| 9 | 10 |\n\nDone.');
      stream.state.value = 'done';
      expect(answer.querySelectorAll('tbody tr')).toHaveLength(5);
      expect(answer.textContent).toContain('Done.');
    } finally {
      vi.useRealTimers();
    }
  });

  it('renders the text again when the allowed links change', async () => {
    const stream = streamSignals();
    render(<StreamView stream={stream} testId="answer" />, root);
    write(stream, 'See [the guide](https://example.org/guide).');
    expect(document.querySelector('[data-testid="answer"]')?.textContent).toContain(
      'the guide (https://example.org/guide)',
    );
    expect(document.querySelector('[data-testid="answer"] a')).toBeNull();
    stream.links.value = new Set(['https://example.org/guide']);
    expect(document.querySelector('[data-testid="answer"] a')?.getAttribute('href')).toBe('https://example.org/guide');
  });
});
