/** What the scripted engine (test builds only) and its worker say to each other; shaped like WebLLM's worker protocol. */
import type { ScriptedEngineSettings } from '../../protocol/messages';

export type ToScriptedWorker =
  | {
      kind: 'generate';
      id: number;
      tokens: string[];
      settings: ScriptedEngineSettings;
      /** Batched like WebLLM's worker pushes its text, or one message per token (the benchmark's bare relay). */
      batch: boolean;
    }
  | { kind: 'interrupt'; id: number };

export type FromScriptedWorker =
  /** `emitTimes`: when each token in `text` was emitted (ms since the epoch), when the settings ask for them. */
  | { kind: 'delta'; id: number; text: string; emitTimes?: number[] }
  | { kind: 'finished'; id: number; stopped: boolean }
  | { kind: 'failed'; id: number; message: string };
