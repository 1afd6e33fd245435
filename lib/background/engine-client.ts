/** The background's side of the engine port: starts a generation in the offscreen host and relays what comes back. */
import { connectPort, type TypedPort } from '../protocol/ports';
import { tacitError, type TacitError } from '../core/errors';
import {
  PORT_ENGINE,
  type BackgroundToEngineHost,
  type EngineHostSettings,
  type EngineHostToBackground,
  type GenerateRequest,
} from '../protocol/messages';
import type { LoadProgress } from '../offscreen/engines/types';

export interface EngineRunHandlers {
  onQueued(position: number): void;
  onLoading(modelId: string, progress: LoadProgress): void;
  onGenerating(modelId: string): void;
  onDelta(text: string): void;
  onDone(stopped: boolean): void;
  onError(error: TacitError): void;
}

export interface EngineRun {
  cancel(): void;
}

let activeRuns = 0;

/** Runs in flight; the engine host is not closed for idleness while any is. */
export function activeEngineRuns(): number {
  return activeRuns;
}

export type EnginePort = TypedPort<BackgroundToEngineHost, EngineHostToBackground>;

/** The offscreen document's engine host, over a runtime port (Firefox's in-page host passes its own connection). */
const connectOffscreenHost = (): EnginePort => connectPort<BackgroundToEngineHost, EngineHostToBackground>(PORT_ENGINE);

export function startEngineRun(
  request: GenerateRequest,
  settings: EngineHostSettings,
  handlers: EngineRunHandlers,
  connect: () => EnginePort = connectOffscreenHost,
): EngineRun {
  const port = connect();
  let finished = false;
  activeRuns++;
  const finish = () => {
    if (finished) return false;
    finished = true;
    activeRuns--;
    port.disconnect();
    return true;
  };
  port.onMessage((message) => {
    if (finished || message.requestId !== request.requestId) return;
    switch (message.type) {
      case 'engine/queued':
        return handlers.onQueued(message.position);
      case 'engine/loading':
        return handlers.onLoading(message.modelId, message.progress);
      case 'engine/generating':
        return handlers.onGenerating(message.modelId);
      case 'engine/delta':
        return handlers.onDelta(message.text);
      case 'engine/done':
        if (finish()) handlers.onDone(message.stopped);
        return;
      case 'engine/error':
        if (finish()) handlers.onError(message.error);
        return;
    }
  });
  // The offscreen document went away mid-task (closed, crashed, out of memory).
  port.onDisconnect(() => {
    if (finish()) handlers.onError(tacitError('engine-crashed'));
  });
  port.post({ type: 'engine/generate', settings, request });
  return {
    cancel() {
      if (!finished) port.post({ type: 'engine/cancel', requestId: request.requestId });
    },
  };
}
