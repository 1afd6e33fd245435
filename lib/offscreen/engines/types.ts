/**
 * The one interface every engine implements: WebLLM (GPU) and llama.cpp in WebAssembly (CPU) in production, a scripted
 * one in test builds.
 */
import type { AnyModelRecord } from '../../models/types';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * What loading is doing: fetching the weights from the network, reading them from the local cache, or compiling the
 * model's GPU programs (shaders), which WebLLM reports as a second pass from 0 to 100%.
 */
export type LoadStage = 'download' | 'cache' | 'shaders';

export interface LoadProgress {
  /** 0..1, within the stage */
  fraction: number;
  /** Absent where the engine does not say (then the panel shows only the fraction). */
  stage?: LoadStage;
  /** Bytes fetched so far and in all, when the engine reports them. */
  loadedBytes?: number;
  totalBytes?: number;
  /** True when the files come from the local cache, not the network. */
  fromCache?: boolean;
  /** Seconds left at the rate so far, once there is a rate to go by. */
  etaSeconds?: number;
}

export interface ChatRequest {
  messages: ChatMessage[];
  temperature?: number;
  maxTokens?: number;
}

export interface GenerateResult {
  /** True when interrupt() ended the reply early. */
  stopped: boolean;
}

export interface Engine {
  readonly kind: EngineKind;
  /** Loads a model (downloading what is not cached), reporting progress. Loading an already loaded model is a no-op. */
  load(record: AnyModelRecord, onProgress: (progress: LoadProgress) => void): Promise<void>;
  /** Streams a chat completion from a loaded model; each call of onDelta carries new text. */
  generate(modelId: string, request: ChatRequest, onDelta: (text: string) => void): Promise<GenerateResult>;
  /** Ends the reply being generated as soon as possible; generate() then resolves with stopped: true. */
  interrupt(): void;
  /** Frees the model's memory (GPU memory for WebLLM, the worker's heap for llama.cpp). */
  unload(): Promise<void>;
  loadedModels(): string[];
  /** CPU engines: the threads their loaded model runs on, or undefined when none is loaded. */
  threads?(): number | undefined;
}

export type EngineKind = 'webllm' | 'wllama' | 'scripted';
