/** How an engine's worker reports a failed call to the page (lib/offscreen/engines/engine-worker.ts). */

/** The error's name and message, so that it reads in the page as it did in the worker. */
export interface WorkerFailure {
  kind: 'failed';
  id: number;
  name: string;
  message: string;
}

/** The failure of call `id`, from whatever it threw. */
export function workerFailure(id: number, error: unknown): WorkerFailure {
  return error instanceof Error
    ? { kind: 'failed', id, name: error.name, message: error.message }
    : { kind: 'failed', id, name: 'Error', message: String(error) };
}
