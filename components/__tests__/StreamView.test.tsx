// @vitest-environment jsdom
import { computed, signal } from '@preact/signals';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { TacitError } from '@/lib/core/errors';
import type { TaskStreamState } from '@/lib/panel/task-stream';
import { StreamView, type StreamSignals } from '../StreamView';

let root: HTMLElement;

beforeEach(() => {
  fakeBrowser.i18n.getMessage = (name: string) => name;
  root = document.body.appendChild(document.createElement('div'));
});

afterEach(() => {
  render(null, root);
  root.remove();
});

function streamSignals(): StreamSignals {
  const text = signal('');
  return {
    text,
    hasText: computed(() => text.value !== ''),
    links: signal<ReadonlySet<string>>(new Set()),
    state: signal<TaskStreamState>('empty'),
    error: signal<TacitError | null>(null),
  };
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
    stream.text.value = '# Title\n\nSome **bold** words';
    await settle();
    stream.state.value = 'stopped';
    await settle();

    const text = document.querySelector('[data-testid="answer"]')!;
    expect(text.querySelector('h1')?.textContent).toBe('Title');
    expect(text.querySelector('strong')?.textContent).toBe('bold');
    expect(document.querySelector('[data-testid="answer-stopped"]')).not.toBeNull();
    expect(document.body.textContent).not.toContain('Ask something');
  });

  it('renders the text again when the allowed links change', async () => {
    const stream = streamSignals();
    render(<StreamView stream={stream} testId="answer" />, root);
    stream.text.value = 'See [the guide](https://example.org/guide).';
    expect(document.querySelector('[data-testid="answer"]')?.textContent).toContain(
      'the guide (https://example.org/guide)',
    );
    expect(document.querySelector('[data-testid="answer"] a')).toBeNull();
    stream.links.value = new Set(['https://example.org/guide']);
    expect(document.querySelector('[data-testid="answer"] a')?.getAttribute('href')).toBe('https://example.org/guide');
  });
});
