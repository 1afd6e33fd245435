/**
 * What the offscreen page and its WebLLM worker say to each other. The worker pushes each reply's text in batches, so
 * decoding never waits for the page's main thread (WebLLM's own client pulls every chunk through it).
 */
import type { InitProgressReport, ModelRecord } from '@mlc-ai/web-llm';
import type { ChatRequest } from './types';
import type { LedgerEntry } from '../../core/network-ledger';
import type { WorkerFailure } from './worker-failure';

/** A request that the worker answers with `finished` or `failed` under the same id. */
export type WebLlmCall =
  { kind: 'load'; record: ModelRecord } | { kind: 'generate'; request: ChatRequest } | { kind: 'unload' };

export type ToWebLlmWorker = (WebLlmCall & { id: number }) | { kind: 'interrupt' };

export type FromWebLlmWorker =
  | { kind: 'progress'; id: number; report: InitProgressReport }
  | { kind: 'delta'; id: number; text: string }
  /** `stopped`: a generation ended by interrupt. */
  | { kind: 'finished'; id: number; stopped: boolean }
  | WorkerFailure
  /** Requests the worker made (WebLLM's own model and library fetches), for the privacy ledger. */
  | { kind: 'network'; entries: LedgerEntry[] };
