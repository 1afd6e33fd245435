/** User settings kept in storage.local, with defaults; never holds page or mail text. */
import { storage } from 'wxt/utils/storage';
import type { AnyModelRecord, EngineChoice, TaskKind } from '../models/types';
import { DEFAULT_ENGINE_IDLE_MS, type SummaryRequestOptions } from '../protocol/messages';
import type { RewriteStyle } from '../tasks/rewrite/types';
import type { DraftOptions } from '../tasks/draft/types';

/** How long the engine stays loaded without work before its GPU memory is freed. */
export const engineIdleMs = storage.defineItem<number>('local:engineIdleMs', { fallback: DEFAULT_ENGINE_IDLE_MS });

/** A mirror base URL that replaces the default model hosts (validated by lib/models/sources). */
export const modelMirrorUrl = storage.defineItem<string | null>('local:modelMirrorUrl', { fallback: null });

/** The rewrite style the keyboard shortcut uses: the one chosen last. */
export const lastRewriteStyle = storage.defineItem<RewriteStyle>('local:lastRewriteStyle', { fallback: 'proofread' });

/** The last custom rewrite instruction, offered again next time (the user's own words, not page text). */
export const lastCustomInstruction = storage.defineItem<string>('local:lastCustomInstruction', { fallback: '' });

/** Which model each task uses: 'default', 'light', or the id of any registered model (prebuilt or custom). */
export type TaskModelChoice = 'default' | 'light' | (string & {});
export const taskModels = storage.defineItem<Partial<Record<TaskKind, TaskModelChoice>>>('local:taskModels', {
  fallback: {},
});

/** Model records the user added in Options (validated by lib/models/custom-records before they are stored). */
export const customModels = storage.defineItem<AnyModelRecord[]>('local:customModels', { fallback: [] });

/** The user's GPU memory budget in MB, overriding the detected one; null means detect. */
export const gpuBudgetOverrideMB = storage.defineItem<number | null>('local:gpuBudgetMB', { fallback: null });

/** The user's RAM budget for CPU (GGUF) models in MB, overriding the detected one; null means detect. */
export const ramBudgetOverrideMB = storage.defineItem<number | null>('local:ramBudgetMB', { fallback: null });

/** Which engine each task runs on: 'auto' (GPU when it can, else CPU), or always 'gpu' or 'cpu'. */
export const taskEngines = storage.defineItem<Partial<Record<TaskKind, EngineChoice>>>('local:taskEngines', {
  fallback: {},
});

/** The summary type, length and language chosen last in the panel. */
export const summaryOptions = storage.defineItem<SummaryRequestOptions | null>('local:summaryOptions', {
  fallback: null,
});

/** The reply tone, length and language chosen last in the Reply view (never the intent or the draft). */
export const draftOptions = storage.defineItem<DraftOptions | null>('local:draftOptions', { fallback: null });
