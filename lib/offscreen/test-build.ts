/**
 * Offscreen hooks that exist only in test builds (mode "e2e"), reached only behind `import.meta.env.MODE === 'e2e'`,
 * so none of it ships to users (tests/unit/build-output checks).
 */
import { browser } from 'wxt/browser';
import { acceptPorts, type TypedPort } from '../protocol/ports';
import { fromOwnExtensionPage } from '../protocol/requests';
import {
  PORT_TEST_BARE_SOURCE,
  type BareRelayEvent,
  type BareRelayRequest,
  type StallProbeReport,
} from '../protocol/test-messages';

type ScriptedModule = typeof import('./engines/scripted-engine');

/** The probe's timer period: a stall is how much later than this a timer fires. */
const PROBE_PERIOD_MS = 5;

/**
 * Lets e2e tests read what the scripted engine was asked, which models were loaded and evicted, and (benchmarks)
 * when each token was emitted and how late this page's timers fired.
 */
export function answerTestRequests(
  loadScripted: () => Promise<ScriptedModule | undefined>,
  readResidency: () => Promise<Array<{ event: 'load' | 'unload'; modelId: string }>>,
): void {
  const probe = new StallProbe();
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const request = message as { tacit?: number; to?: string; type?: string };
    if (request?.tacit !== 1 || request.to !== 'offscreen' || !fromOwnExtensionPage(sender)) return undefined;
    if (request.type === 'test/scripted-log') return loadScripted().then((module) => module?.scriptedRequestLog ?? []);
    if (request.type === 'test/residency-log') return readResidency();
    if (request.type === 'test/emit-times') return loadScripted().then((module) => module?.scriptedEmitTimes ?? []);
    if (request.type === 'test/stall-probe-start') return Promise.resolve(probe.start());
    if (request.type === 'test/stall-probe-stop') return Promise.resolve(probe.stop());
    return undefined;
  });
}

/** The source of the benchmark's bare relay: a scripted engine posting each token on its own message. */
export function serveBareSource(loadScripted: () => Promise<ScriptedModule | undefined>): void {
  acceptPorts(PORT_TEST_BARE_SOURCE, (port: TypedPort<BareRelayEvent, BareRelayRequest>) => {
    let interrupt = () => undefined as void;
    port.onDisconnect(() => interrupt());
    port.onMessage((message) => {
      if (message.type === 'bare/cancel') return interrupt();
      void loadScripted().then(async (module) => {
        if (!module) return;
        // Emitted in a worker like every scripted reply, but posted token by token: the relay batches nothing.
        const engine = new module.ScriptedEngine(message.settings, {
          createWorker: module.createScriptedWorker,
          batch: false,
        });
        interrupt = () => engine.interrupt();
        const { stopped } = await engine.generate('bare-relay', { messages: [] }, (text) =>
          port.post({ type: 'bare/delta', text }),
        );
        port.post({ type: 'bare/done', stopped });
      });
    });
  });
}

/** A chain of 5 ms timers that records how late each fired: the stall other work on this thread caused. */
class StallProbe {
  private lateness: number[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  start(): true {
    this.stop();
    this.lateness = [];
    const tick = (due: number) => {
      this.timer = setTimeout(() => {
        const now = performance.now();
        this.lateness.push(Math.max(0, now - due));
        tick(now + PROBE_PERIOD_MS);
      }, PROBE_PERIOD_MS);
    };
    tick(performance.now() + PROBE_PERIOD_MS);
    return true;
  }

  stop(): StallProbeReport {
    clearTimeout(this.timer);
    this.timer = undefined;
    const sorted = [...this.lateness].sort((a, b) => a - b);
    const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? 0;
    return { samples: sorted.length, maxMs: sorted.at(-1) ?? 0, p95Ms: p95 };
  }
}
