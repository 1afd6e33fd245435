/**
 * What each stored setting may hold, as valibot schemas: a value read from storage is trusted only after it passes
 * these, with the same rules the Options page applies on input. Pure; lib/settings/checked-item applies them.
 */
import * as v from 'valibot';
import { validateCustomRecord } from '../models/custom-records';
import { MAX_URL_LENGTH, parseMirrorBaseUrl } from '../models/sources';
import { TASK_KINDS, type AnyModelRecord } from '../models/types';
import { REWRITE_STYLES } from '../tasks/rewrite/types';
import { MAX_CUSTOM_INSTRUCTION_LENGTH } from '../tasks/rewrite/styles';
import { SUMMARY_LENGTHS, SUMMARY_TYPES } from '../tasks/summarize/types';
import { DRAFT_LENGTHS, DRAFT_TONES } from '../tasks/draft/types';

/** The most custom model records Options keeps. */
export const MAX_CUSTOM_MODELS = 20;
/** The longest engine idle time: a day. */
const MAX_ENGINE_IDLE_MS = 24 * 60 * 60 * 1000;
/** The largest GPU budget a user may set, in MB (the largest records need 80 GB). */
const MAX_GPU_BUDGET_MB = 80000;
/** Model ids and 'default'/'light' are short identifiers. */
const MAX_CHOICE_LENGTH = 128;
/** BCP-47 tags and 'page'. */
const LANGUAGE_CHOICE = v.pipe(v.string(), v.regex(/^(page|[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)$/));

export const engineIdleMsSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_ENGINE_IDLE_MS));

export const modelMirrorUrlSchema = v.nullable(
  v.pipe(
    v.string(),
    v.maxLength(MAX_URL_LENGTH),
    v.check((url) => parseMirrorBaseUrl(url).ok),
  ),
);

export const lastRewriteStyleSchema = v.picklist(REWRITE_STYLES);

export const lastCustomInstructionSchema = v.pipe(v.string(), v.maxLength(MAX_CUSTOM_INSTRUCTION_LENGTH));

// Strict: a list, or keys that are no task, fail.
export const taskModelsSchema = v.partial(
  v.strictObject(
    Object.fromEntries(TASK_KINDS.map((kind) => [kind, v.pipe(v.string(), v.maxLength(MAX_CHOICE_LENGTH))])) as Record<
      (typeof TASK_KINDS)[number],
      v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MaxLengthAction<string, number, undefined>]>
    >,
  ),
);

// Strict: keys that are no task, or an engine that does not exist, fail.
export const taskEnginesSchema = v.partial(
  v.strictObject(
    Object.fromEntries(TASK_KINDS.map((kind) => [kind, v.picklist(['auto', 'gpu', 'cpu'] as const)])) as Record<
      (typeof TASK_KINDS)[number],
      v.PicklistSchema<readonly ['auto', 'gpu', 'cpu'], undefined>
    >,
  ),
);

/** The GPU or RAM budget a user set, in MB. */
export const gpuBudgetOverrideSchema = v.nullable(
  v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_GPU_BUDGET_MB)),
);

export const summaryOptionsSchema = v.nullable(
  v.object({ type: v.picklist(SUMMARY_TYPES), length: v.picklist(SUMMARY_LENGTHS), language: LANGUAGE_CHOICE }),
);

export const draftOptionsSchema = v.nullable(
  v.object({ tone: v.picklist(DRAFT_TONES), length: v.picklist(DRAFT_LENGTHS), language: LANGUAGE_CHOICE }),
);

/** A value read from storage: the value to use, and whether what was stored had to be replaced or trimmed. */
export interface CheckedValue<T> {
  value: T;
  valid: boolean;
}

/** Applies a schema to a stored value; anything that fails gives the fallback. */
export function checkWithSchema<T>(schema: v.GenericSchema<unknown, T>, raw: unknown, fallback: T): CheckedValue<T> {
  const result = v.safeParse(schema, raw);
  return result.success ? { value: result.output, valid: true } : { value: fallback, valid: false };
}

/** A stored record in the shape the Options form validates (the context window sits in `overrides`). */
function asFormInput(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return stored;
  const record = stored as Record<string, unknown>;
  const overrides = record.overrides as Record<string, unknown> | undefined;
  return { ...record, context_window_size: overrides?.context_window_size };
}

/**
 * Custom model records re-validated with the rules Options applies on input: a stored list that is not a list gives
 * none, and each record that fails (null, javascript: URLs, negative sizes, duplicate ids, past the count limit) is
 * dropped, keeping the rest.
 */
export function checkCustomModels(raw: unknown, prebuiltIds: readonly string[]): CheckedValue<AnyModelRecord[]> {
  if (!Array.isArray(raw)) return { value: [], valid: raw === undefined || raw === null };
  const records: AnyModelRecord[] = [];
  for (const stored of raw) {
    if (records.length === MAX_CUSTOM_MODELS) break;
    const existingIds = [...prebuiltIds, ...records.map((record) => record.model_id)];
    const result = validateCustomRecord(asFormInput(stored), { existingIds });
    if (result.ok) records.push(result.record);
  }
  return { value: records, valid: records.length === raw.length };
}
