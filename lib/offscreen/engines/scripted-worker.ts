/**
 * The scripted engine's worker (test builds only): emits the reply's tokens off the page's main thread and pushes them
 * in batches, as WebLLM's worker does, so that benchmarks and e2e tests see the page's share of the work as it is with
 * a real model, not an emitter that the page's rendering slows down.
 */
import { hopBatcher } from '../../core/delta-batcher';
import { streamScripted } from './scripted-stream';
import type { FromScriptedWorker, ToScriptedWorker } from './scripted-worker-protocol';

const post = (message: FromScriptedWorker) => self.postMessage(message);
const interrupted = new Set<number>();

self.onmessage = (event: MessageEvent<ToScriptedWorker>) => {
  const message = event.data;
  if (message.kind === 'interrupt') {
    interrupted.add(message.id);
    return;
  }
  const { id, tokens, settings, batch } = message;
  // When each token was emitted goes with the text it is in, so a reader sees them even before the reply ends.
  let emitTimes: number[] | undefined = settings.recordEmitTimes ? [] : undefined;
  const send = (text: string) => {
    post({ kind: 'delta', id, text, emitTimes });
    if (emitTimes) emitTimes = [];
  };
  const deltas = batch ? hopBatcher(send) : undefined;
  const times = { push: (time: number) => emitTimes?.push(time) };
  streamScripted(tokens, settings, {
    emit: deltas ? (token) => deltas.push(token) : send,
    interrupted: () => interrupted.has(id),
    emitTimes: emitTimes ? times : undefined,
  })
    .then(
      ({ stopped }) => {
        deltas?.flush();
        post({ kind: 'finished', id, stopped });
      },
      (error: unknown) => {
        deltas?.flush();
        post({ kind: 'failed', id, message: error instanceof Error ? error.message : String(error) });
      },
    )
    .finally(() => interrupted.delete(id));
};
