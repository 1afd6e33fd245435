import { i18n } from '#i18n';
import { effect } from '@preact/signals';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { afterNextPaint, nextFrame } from '@/lib/panel/frame-batcher';
import { UpdatePacer } from '@/lib/panel/update-pacer';
import type { TaskStream } from '@/lib/panel/task-stream';
import type { TextLogMark } from '@/lib/panel/text-log';
import { safeMarkdown } from '@/lib/render/markdown';
import { MarkdownStream } from '@/lib/render/markdown-stream';
import { RenderedBlocks } from '@/lib/render/rendered-blocks';
import { errorText } from './error-text';
import { UseLightModelButton } from './UseLightModelButton';

/** What a StreamView shows of a task: a TaskStream has all of it. */
export type StreamSignals = Pick<TaskStream, 'text' | 'textLog' | 'hasText' | 'links' | 'state' | 'error'>;

interface Props {
  stream: StreamSignals;
  /** Names the text for tests: "ask-answer", "summary", "answer"; its notes add "-stopped" and "-error". */
  testId: string;
  label?: string;
  /** Placeholder shown before anything was asked. */
  emptyText?: string;
  /** Switches to the lighter model and tries again, when the error suggests it. */
  onUseLightModel?: () => void;
}

/**
 * A task's streamed text, rendered from Markdown through the sanitiser; never the model's raw HTML. This view
 * follows the task's state; the text itself updates inside `MarkdownText`, without rendering anything else again.
 */
export function StreamView({ stream, testId, label, emptyText, onUseLightModel }: Props) {
  const state = stream.state.value;
  const error = stream.error.value;
  return (
    <section class="stream" aria-label={label ?? i18n.t('panel.outputLabel')} aria-busy={state === 'running'}>
      {state === 'empty' && emptyText && !stream.hasText.value ? <p class="empty-note">{emptyText}</p> : null}
      <MarkdownText text={stream.text} log={stream.textLog} links={stream.links} state={stream.state} testId={testId} />
      {state === 'stopped' ? (
        <p class="note" role="status" data-testid={`${testId}-stopped`}>
          {i18n.t('panel.stopped')}
        </p>
      ) : null}
      {state === 'error' && error ? (
        <p class="error-note" role="alert" data-testid={`${testId}-error`} data-error-code={error.code}>
          {errorText(error)}
        </p>
      ) : null}
      {state === 'error' && onUseLightModel ? <UseLightModelButton error={error} onClick={onUseLightModel} /> : null}
    </section>
  );
}

interface MarkdownTextProps {
  text: StreamSignals['text'];
  /** What was written to `text`: the view reads what is new there, never the whole text. */
  log: StreamSignals['textLog'];
  links: StreamSignals['links'];
  /** Once the task is no longer running, its text is complete: nothing stays shown in pieces. */
  state: StreamSignals['state'];
  testId: string;
}

/**
 * The text's element, written by `RenderedBlocks` rather than by Preact: each update parses and sanitises only the
 * open block (finished blocks stay as they are), and a new allow-list of links renders the text again.
 */
function MarkdownText({ text, log, links, state, testId }: MarkdownTextProps) {
  const element = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    // Groups of finished blocks are taken away one per frame once the reply is complete.
    const target = element.current!;
    const view = new RenderedBlocks(target, (work) => nextFrame(work, 0));
    let allowed: ReadonlySet<string> | undefined;
    let stream: MarkdownStream | undefined;
    /** Where this view got to in the log. */
    let mark: TextLogMark | undefined;
    let cancelFinal: (() => void) | undefined;
    // Busy while the text may still change: until the task ends and the text is rendered as a one-shot render has it.
    const busy = (value: boolean) => target.setAttribute('aria-busy', String(value));
    const pacer = new UpdatePacer();
    let paced: ReturnType<typeof setTimeout> | undefined;
    let wasComplete = true;
    /** Counts updates, so that a slow update's drawing is counted only while no later update has run. */
    let updates = 0;
    const show = (complete: boolean, allowList: ReadonlySet<string>) => {
      cancelFinal?.();
      cancelFinal = undefined;
      if (allowList !== allowed || !stream) {
        pacer.reset();
        allowed = allowList;
        stream = new MarkdownStream(safeMarkdown(allowed));
        view.clear();
        mark = undefined;
      }
      const current = stream;
      const written = log.readSince(mark);
      mark = written.mark;
      const update = (final: boolean) =>
        written.replaced ? current.replace(written.text, final) : current.append(written.text, final);
      if (complete && current.inPieces) {
        // The last words are drawn first, as they streamed; the one-shot render of the long block they end (a
        // paragraph, table, code block or list: a long task at the end of a long reply) waits for the frame after, so
        // that it cannot hold them back.
        view.apply(update(false));
        cancelFinal = afterNextPaint(() => {
          cancelFinal = undefined;
          view.apply(current.append('', true), true);
          busy(false);
        });
        busy(true);
        return;
      }
      const started = performance.now();
      view.apply(update(complete), complete);
      if (!complete) {
        const ended = performance.now();
        pacer.record(started, ended);
        // The frame that shows a slow update also lays its block out again: once drawn, the pause counts that too.
        const update = ++updates;
        if (pacer.waitMs(ended) > 0)
          setTimeout(() => {
            if (update === updates) pacer.drawn(started, performance.now());
          }, 0);
      }
      busy(!complete);
    };
    const stop = effect(() => {
      const allowList = links.value;
      const complete = state.value !== 'running';
      // Followed for its changes only: what changed is read from the log.
      void text.value;
      // A reply that starts again (Regenerate, a new question) starts with no pause.
      if (wasComplete && !complete) pacer.reset();
      wasComplete = complete;
      // While a slow update's pause lasts, the text waits (merged) for it to end; the complete text never waits.
      const wait = complete ? 0 : pacer.waitMs(performance.now());
      if (wait > 0) {
        paced ??= setTimeout(() => {
          paced = undefined;
          show(state.peek() !== 'running', links.peek());
        }, wait);
        return;
      }
      if (paced !== undefined) clearTimeout(paced);
      paced = undefined;
      show(complete, allowList);
    });
    return () => {
      stop();
      if (paced !== undefined) clearTimeout(paced);
      cancelFinal?.();
      view.clear();
    };
  }, [text, log, links, state]);
  // No children: Preact leaves the nodes RenderedBlocks wrote alone when this renders again.
  return <div class="stream-text" data-testid={testId} ref={element} />;
}
