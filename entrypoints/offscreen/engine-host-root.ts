/**
 * The engine host's composition root: engines, downloads and the host, built the same way wherever the host runs
 * (Chromium's offscreen document; Firefox's background page, which has no offscreen documents).
 */
import { EngineHost } from '@/lib/offscreen/engine-host';
import { EngineFailure } from '@/lib/offscreen/engine-failures';
import { tacitError } from '@/lib/core/errors';
import type { Engine } from '@/lib/offscreen/engines/types';
import { isGgufRecord } from '@/lib/models/records';
import type { AnyModelRecord } from '@/lib/models/types';
import { cpuThreads } from '@/lib/models/cpu-speed';
import type { EngineHostSettings } from '@/lib/protocol/messages';
import { DownloadService } from '@/lib/offscreen/downloads/download-service';
import { GgufStore, type DirectoryLike } from '@/lib/offscreen/downloads/gguf-store';
import { deleteModelFiles } from '@/lib/offscreen/downloads/delete-model';
import { modelCacheStatus, verifyModelFiles } from '@/lib/offscreen/downloads/cache-status';
import type { RecordDiagnostic } from '@/lib/core/diagnostics';
import { sendRequest } from '@/lib/protocol/requests';
import type { LedgerEntry } from '@/lib/core/network-ledger';

/** GGUF models live in their own folder of the origin private file system. */
const GGUF_FOLDER = 'tacit-gguf';

// Test builds may swap in the scripted engine; in production this branch and its import are compiled away.
const loadScriptedEngine = () =>
  import.meta.env.MODE === 'e2e' ? import('@/lib/offscreen/engines/scripted-engine') : undefined;

export interface EngineHostRootOptions {
  /** The host has been idle with every model unloaded. */
  onIdle(): void;
  /** What this page offers: WebLLM needs WebGPU in a page that can start its worker (not Firefox's background). */
  webllm: boolean;
  /**
   * llama.cpp runs in a worker of its own (Chromium's offscreen document, whose main thread the side panel shares), or
   * else in this page: Firefox's background page, where wllama's own workers started from a worker proved unreliable.
   */
  llamaWorker: boolean;
  /** Where failures the user may not see go (the background keeps them). */
  recordDiagnostic: RecordDiagnostic;
  /** Told of requests made where this page cannot observe them (WebLLM's worker), for the privacy ledger. */
  recordNetwork?: (entries: LedgerEntry[]) => void;
}

export function createEngineHostRoot(options: EngineHostRootOptions) {
  /** Loads and evictions, in order; test builds let e2e tests read them. */
  const residencyEvents: Array<{ event: 'load' | 'unload'; modelId: string }> = [];
  const gguf = new GgufStore({
    directory: async () =>
      (await (
        await navigator.storage.getDirectory()
      ).getDirectoryHandle(GGUF_FOLDER, {
        create: true,
      })) as unknown as DirectoryLike,
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    // Test builds commit small segments, so a test model of a few hundred kB is stored in several.
    ...(import.meta.env.MODE === 'e2e' ? { segmentBytes: 128 * 1024 } : {}),
  });
  const downloads = new DownloadService({
    caches,
    gguf,
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    recordDiagnostic: options.recordDiagnostic,
  });

  async function createEngine(settings: EngineHostSettings, record: AnyModelRecord): Promise<Engine> {
    const scripted = settings.scripted ? await loadScriptedEngine() : undefined;
    if (scripted && settings.scripted) {
      return new scripted.ScriptedEngine(settings.scripted, { createWorker: scripted.createScriptedWorker });
    }
    // Each engine is loaded with its first model, so a page opened to probe or download starts fast.
    if (isGgufRecord(record)) {
      const [{ WllamaEngine }, runtime] = await Promise.all([
        import('@/lib/offscreen/engines/wllama-engine'),
        options.llamaWorker
          ? import('@/lib/offscreen/engines/wllama-worker-client').then(
              ({ WorkerWllama }) => new WorkerWllama(undefined, options.recordNetwork),
            )
          : import('@/lib/offscreen/engines/wllama-runtime').then(({ LocalWllama }) => new LocalWllama()),
      ]);
      return new WllamaEngine({
        store: gguf,
        runtime,
        // Copied into the extension by the build (wxt.config.ts), never fetched from elsewhere.
        wasmUrl: new URL('/wllama.wasm', location.href).href,
        threads: () => cpuThreads({ crossOriginIsolated, hardwareConcurrency: navigator.hardwareConcurrency }),
      });
    }
    if (!options.webllm) throw new EngineFailure(tacitError('no-webgpu'));
    const { WebLlmEngine } = await import('@/lib/offscreen/engines/webllm-engine');
    return new WebLlmEngine(undefined, options.recordNetwork);
  }

  const host = new EngineHost({
    // A download in progress keeps the host (and its worker) open.
    keepAlive: () => downloads.busy,
    isModelCached: async (record) =>
      isGgufRecord(record)
        ? (await gguf.status(record)).complete
        : (await modelCacheStatus(record, { caches })).complete,
    repairModel: async (record) => {
      if (isGgufRecord(record)) {
        if (!(await gguf.damaged(record))) return false;
        await gguf.delete(record);
        return true;
      }
      const verification = await verifyModelFiles(record, { caches });
      if (verification.ok || verification.corruptUrls.length === 0) return false;
      await deleteModelFiles(record, { caches });
      return true;
    },
    createEngine,
    updateEngine: (engine, settings) => {
      if (engine.kind === 'scripted' && settings.scripted)
        (engine as Engine & { settings: unknown }).settings = settings.scripted;
    },
    // An open Options page shows what is stored: it asks again.
    onModelFilesChanged: (modelId) => void sendRequest('models/changed', { modelId }).catch(() => undefined),
    onResidencyChange: (event, modelId) => {
      if (import.meta.env.MODE === 'e2e') residencyEvents.push({ event, modelId });
    },
    onIdle: options.onIdle,
    recordDiagnostic: options.recordDiagnostic,
  });

  return { host, downloads, residencyEvents, loadScriptedEngine };
}
