/**
 * What the offscreen page and llama.cpp's worker say to each other. The worker drives llama.cpp token by token itself
 * and pushes the text in batches, so a busy page main thread (the side panel's rendering shares it) delays when text
 * arrives, never the next token.
 */
import type { LedgerEntry } from '../../core/network-ledger';
import type { WorkerFailure } from './worker-failure';
import type { ChatRequest } from './types';
import type { WllamaLoadOptions } from './wllama-runtime';

/** A request that the worker answers with `finished` or `failed` under the same id. */
export type WllamaCall =
  { kind: 'load'; files: Blob[]; options: WllamaLoadOptions } | { kind: 'generate'; request: ChatRequest };

export type ToWllamaWorker = (WllamaCall & { id: number }) | { kind: 'interrupt' };

export type FromWllamaWorker =
  | { kind: 'delta'; id: number; text: string }
  /** `stopped`: a generation ended by interrupt; `threads`: those of a model just loaded. */
  | { kind: 'finished'; id: number; stopped: boolean; threads?: number }
  | WorkerFailure
  /** Requests the worker made, for the privacy ledger. */
  | { kind: 'network'; entries: LedgerEntry[] };
