/**
 * The scripted engine's token stream (test builds only): the tokens of its reply at a set pace, stopping at an
 * interrupt or failing where the settings say. Run in the scripted engine's worker, or on the caller's thread in unit
 * tests.
 */
import type { ScriptedEngineSettings } from '../../protocol/messages';

export interface ScriptedStreamHooks {
  emit(token: string): void;
  interrupted(): boolean;
  /** Filled with when each token was emitted (ms since the epoch, sub-ms precision), when given. */
  emitTimes?: { push(time: number): unknown };
}

/** Emits `tokens` one by one; resolves with whether an interrupt ended them, rejects with `failGenerateWith`. */
export async function streamScripted(
  tokens: readonly string[],
  settings: ScriptedEngineSettings,
  hooks: ScriptedStreamHooks,
): Promise<{ stopped: boolean }> {
  const wait = pacer(settings);
  const { failGenerateWith, failAfterTokens = 0 } = settings;
  try {
    for (const [index, token] of tokens.entries()) {
      await wait();
      if (hooks.interrupted()) return { stopped: true };
      if (failGenerateWith !== undefined && index >= failAfterTokens) throw new Error(failGenerateWith);
      hooks.emitTimes?.push(performance.timeOrigin + performance.now());
      hooks.emit(token);
    }
    return { stopped: false };
  } finally {
    wait.close();
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits before each token: a set delay, or until the token is due; 0 means the next task (timers clamp to 4 ms). */
function pacer(settings: ScriptedEngineSettings): { (): Promise<void>; close(): void } {
  const channel = new MessageChannel();
  let next: (() => void) | undefined;
  channel.port1.onmessage = () => next?.();
  const nextTask = () =>
    new Promise<void>((resolve) => {
      next = resolve;
      channel.port2.postMessage(null);
    });
  const started = performance.now();
  let emitted = 0;
  const waitMs = () =>
    settings.tokensPerSecond
      ? started + (emitted++ * 1000) / settings.tokensPerSecond - performance.now()
      : (settings.tokenDelayMs ?? 20);
  const wait = () => {
    const ms = waitMs();
    return ms >= 1 ? delay(ms) : nextTask();
  };
  return Object.assign(wait, { close: () => channel.port1.close() });
}
