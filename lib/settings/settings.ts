/** User settings kept in storage.local, with defaults, each checked on every read and write; never page or mail text. */
import type { AnyModelRecord, EngineChoice, TaskKind } from '../models/types';
import { DEFAULT_ENGINE_IDLE_MS, type SummaryRequestOptions } from '../protocol/messages';
import type { RewriteStyle } from '../tasks/rewrite/types';
import type { DraftOptions } from '../tasks/draft/types';
import { PREBUILT_RECORDS } from '../models/prebuilt-records';
import { GGUF_RECORDS } from '../models/gguf-records';
import { checkedItem } from './checked-item';
import {
  checkCustomModels,
  checkWithSchema,
  draftOptionsSchema,
  engineIdleMsSchema,
  gpuBudgetOverrideSchema,
  lastCustomInstructionSchema,
  lastRewriteStyleSchema,
  modelMirrorUrlSchema,
  summaryOptionsSchema,
  taskEnginesSchema,
  taskModelsSchema,
} from './stored-values';

/** How long the engine stays loaded without work before its GPU memory is freed. */
export const engineIdleMs = checkedItem<number>('local:engineIdleMs', 'engineIdleMs', {
  fallback: DEFAULT_ENGINE_IDLE_MS,
  check: (raw) => checkWithSchema(engineIdleMsSchema, raw, DEFAULT_ENGINE_IDLE_MS),
});

/** A mirror base URL that replaces the default model hosts (validated by lib/models/sources). */
export const modelMirrorUrl = checkedItem<string | null>('local:modelMirrorUrl', 'modelMirrorUrl', {
  fallback: null,
  check: (raw) => checkWithSchema(modelMirrorUrlSchema, raw, null),
});

/** The rewrite style the keyboard shortcut uses: the one chosen last. */
export const lastRewriteStyle = checkedItem<RewriteStyle>('local:lastRewriteStyle', 'lastRewriteStyle', {
  fallback: 'proofread',
  check: (raw) => checkWithSchema(lastRewriteStyleSchema, raw, 'proofread'),
});

/** The last custom rewrite instruction, offered again next time (the user's own words, not page text). */
export const lastCustomInstruction = checkedItem<string>('local:lastCustomInstruction', 'lastCustomInstruction', {
  fallback: '',
  check: (raw) => checkWithSchema(lastCustomInstructionSchema, raw, ''),
});

/** Which model each task uses: 'default', 'light', or the id of any registered model (prebuilt or custom). */
export type TaskModelChoice = 'default' | 'light' | (string & {});
export const taskModels = checkedItem<Partial<Record<TaskKind, TaskModelChoice>>>('local:taskModels', 'taskModels', {
  fallback: {},
  check: (raw) => checkWithSchema(taskModelsSchema, raw, {}),
});

const PREBUILT_IDS = [...PREBUILT_RECORDS, ...GGUF_RECORDS].map((record) => record.model_id);

/**
 * Model records the user added in Options (WebLLM or GGUF), re-validated on every read with the rules Options applies
 * on input. Version 2 drops, once, the records that version 1 stored without those rules.
 */
export const customModels = checkedItem<AnyModelRecord[]>('local:customModels', 'customModels', {
  fallback: [],
  check: (raw) => checkCustomModels(raw, PREBUILT_IDS),
  version: 2,
  migrations: {
    2: (old, repaired) => {
      const checked = checkCustomModels(old, PREBUILT_IDS);
      if (!checked.valid) repaired();
      return checked.value;
    },
  },
});

/** The user's GPU memory budget in MB, overriding the detected one; null means detect. */
export const gpuBudgetOverrideMB = checkedItem<number | null>('local:gpuBudgetMB', 'gpuBudgetMB', {
  fallback: null,
  check: (raw) => checkWithSchema(gpuBudgetOverrideSchema, raw, null),
});

/** The user's RAM budget for CPU (GGUF) models in MB, overriding the detected one; null means detect. */
export const ramBudgetOverrideMB = checkedItem<number | null>('local:ramBudgetMB', 'ramBudgetMB', {
  fallback: null,
  check: (raw) => checkWithSchema(gpuBudgetOverrideSchema, raw, null),
});

/** Which engine each task runs on: 'auto' (GPU when it can, else CPU), or always 'gpu' or 'cpu'. */
export const taskEngines = checkedItem<Partial<Record<TaskKind, EngineChoice>>>('local:taskEngines', 'taskEngines', {
  fallback: {},
  check: (raw) => checkWithSchema(taskEnginesSchema, raw, {}),
});

/** The summary type, length and language chosen last in the panel. */
export const summaryOptions = checkedItem<SummaryRequestOptions | null>('local:summaryOptions', 'summaryOptions', {
  fallback: null,
  check: (raw) => checkWithSchema(summaryOptionsSchema, raw, null),
});

/** The reply tone, length and language chosen last in the Reply view (never the intent or the draft). */
export const draftOptions = checkedItem<DraftOptions | null>('local:draftOptions', 'draftOptions', {
  fallback: null,
  check: (raw) => checkWithSchema(draftOptionsSchema, raw, null),
});
