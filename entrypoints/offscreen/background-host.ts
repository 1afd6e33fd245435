/**
 * Firefox has no offscreen documents: its background page (MV2, where llama.cpp's blob workers run) hosts the engine
 * itself, built by the same root and reached through the same ports as Chromium's offscreen document: llama.cpp, and
 * WebLLM in its worker where Firefox offers WebGPU.
 */
import type { RecordDiagnostic } from '@/lib/core/diagnostics';
import type { LedgerEntry } from '@/lib/core/network-ledger';
import type { GpuProbe } from '@/lib/models/types';
import { probeGpu } from '@/lib/offscreen/gpu-probe';
import { engineHostFacts } from '@/lib/platform/browser-features';
import type { DownloadsPort } from '@/lib/offscreen/downloads/download-service';
import { acceptPorts, localPortPair, type TypedPort } from '@/lib/protocol/ports';
import {
  PORT_DOWNLOADS,
  type BackgroundToEngineHost,
  type EngineHostToBackground,
  type EngineStatus,
} from '@/lib/protocol/messages';
import { createEngineHostRoot } from './engine-host-root';

export interface BackgroundEngineHost {
  /** Builds the host on first use, with the user's idle time after which its models are unloaded. */
  prepare(): Promise<void>;
  /** A connection to the host for one generation, as the offscreen document's port would be. */
  connect(): TypedPort<BackgroundToEngineHost, EngineHostToBackground>;
  /** Null until the host has been built. */
  status(): EngineStatus | null;
  /** Reads the GPU's facts in this page, where WebLLM runs; null where Firefox offers no WebGPU (the CPU engine only). */
  readonly probeGpu: (() => Promise<GpuProbe>) | null;
}

export function hostEngineInBackground(options: {
  recordDiagnostic: RecordDiagnostic;
  idleMs(): Promise<number>;
  /** The host unloaded its models after the idle time (the page itself stays: it is the background). */
  onIdle(): void;
  /** Requests WebLLM's worker made, which this page cannot observe, for the privacy ledger. */
  recordNetwork(entries: LedgerEntry[]): void;
}): BackgroundEngineHost {
  // WebLLM runs in its worker started from this page, on WebGPU where Firefox offers it; the probe says if it is usable.
  const webllm = engineHostFacts().engines.gpu;
  let root: ReturnType<typeof createEngineHostRoot> | undefined;
  const ensure = () =>
    (root ??= createEngineHostRoot({
      onIdle: options.onIdle,
      webllm,
      llamaWorker: false,
      recordNetwork: options.recordNetwork,
      recordDiagnostic: options.recordDiagnostic,
    }));
  // Options downloads models through the host wherever it lives.
  acceptPorts(PORT_DOWNLOADS, (port: DownloadsPort) => ensure().downloads.attach(port));
  return {
    async prepare() {
      if (root) return;
      ensure().host.startIdleTimer(await options.idleMs());
    },
    connect() {
      const [client, server] = localPortPair<BackgroundToEngineHost, EngineHostToBackground>();
      ensure().host.attach(server);
      return client;
    },
    status: () => (root ? { ...root.host.status(), crossOriginIsolated } : null),
    probeGpu: webllm ? () => probeGpu() : null,
  };
}
