/** How llama.cpp's worker answers the page: each call by its id, a reply's text in batches, failures by name. */
import { hopBatcher } from '../../core/delta-batcher';
import type { WllamaRuntime } from './wllama-runtime';
import type { FromWllamaWorker, ToWllamaWorker, WllamaCall } from './wllama-worker-protocol';
import { workerFailure } from './worker-failure';

export function serveWllama(runtime: WllamaRuntime, post: (message: FromWllamaWorker) => void) {
  async function run(id: number, call: WllamaCall): Promise<Extract<FromWllamaWorker, { kind: 'finished' }>> {
    switch (call.kind) {
      case 'load': {
        const { threads } = await runtime.load(call.files, call.options);
        return { kind: 'finished', id, stopped: false, threads };
      }
      case 'generate': {
        const deltas = hopBatcher((text) => post({ kind: 'delta', id, text }));
        try {
          const { stopped } = await runtime.generate(call.request, (text) => deltas.push(text));
          return { kind: 'finished', id, stopped };
        } finally {
          // Everything decoded goes out before `finished` (or `failed`).
          deltas.flush();
        }
      }
    }
  }

  return (message: ToWllamaWorker): void => {
    if (message.kind === 'interrupt') return runtime.interrupt();
    const { id, ...call } = message;
    run(id, call).then(post, (error: unknown) => post(workerFailure(id, error)));
  };
}
