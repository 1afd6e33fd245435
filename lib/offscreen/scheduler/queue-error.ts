/** Why the GPU work queue did not run a request, as a typed value the panel can show. */

export type QueueErrorCode = 'cancelled' | 'duplicate-request';

/** Where a cancelled request was: still waiting, or already running (its AbortSignal was fired). */
export type CancelStage = 'queued' | 'running';

export class QueueError extends Error {
  override readonly name = 'QueueError';

  private constructor(
    readonly code: QueueErrorCode,
    readonly requestId: string,
    readonly clientId: string,
    readonly stage: CancelStage | undefined,
    message: string,
  ) {
    super(message);
  }

  static cancelled(requestId: string, clientId: string, stage: CancelStage): QueueError {
    const message = stage === 'queued' ? 'Cancelled before it started.' : 'Cancelled while running.';
    return new QueueError('cancelled', requestId, clientId, stage, message);
  }

  static duplicate(requestId: string, clientId: string): QueueError {
    return new QueueError(
      'duplicate-request',
      requestId,
      clientId,
      undefined,
      `Request ${requestId} is already queued or running.`,
    );
  }
}

export function isQueueCancelled(error: unknown): error is QueueError & { code: 'cancelled'; stage: CancelStage } {
  return error instanceof QueueError && error.code === 'cancelled';
}
