/**
 * Firefox has no offscreen documents: its background page (MV2, where llama.cpp's blob workers run) hosts the engine
 * itself, built by the same root and reached through the same ports as Chromium's offscreen document.
 */
import type { RecordDiagnostic } from '@/lib/core/diagnostics';
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
}

export function hostEngineInBackground(options: {
  recordDiagnostic: RecordDiagnostic;
  idleMs(): Promise<number>;
  /** The host unloaded its models after the idle time (the page itself stays: it is the background). */
  onIdle(): void;
}): BackgroundEngineHost {
  let root: ReturnType<typeof createEngineHostRoot> | undefined;
  const ensure = () =>
    (root ??= createEngineHostRoot({
      onIdle: options.onIdle,
      // No WebLLM: its worker and WebGPU are Chromium's side of Tacit for now.
      webllm: false,
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
  };
}
