/**
 * Diagnostic events: what failed where, as codes, names and numbers only. Never page, mail, selection or user text,
 * never a URL: every string is checked to be a short identifier when it is recorded. Pure; the background keeps them.
 */
import { isOneOf } from './one-of';

/** Where an event was noticed; page code reports through the background, in its script's result. */
export const DIAGNOSTIC_CONTEXTS = ['background', 'offscreen', 'panel', 'options', 'page'] as const;
export type DiagnosticContext = (typeof DIAGNOSTIC_CONTEXTS)[number];

export const DIAGNOSTIC_CODES = [
  // Tabs and page scripts (background)
  'tab-script-refused',
  'tab-script-failed',
  'tab-lookup-failed',
  'panel-open-failed',
  // What page scripts found (page, recorded by the background)
  'page-read-failed',
  'mail-read-failed',
  'reply-insert-failed',
  // The engine host's lifecycle and the GPU (background)
  'offscreen-start-failed',
  'offscreen-lookup-failed',
  'gpu-probe-failed',
  'gpu-unavailable',
  'preload-failed',
  'task-failed',
  // Engine and model files (offscreen)
  'engine-run-failed',
  'engine-unload-failed',
  'model-repair-failed',
  'download-failed',
  'download-cleanup-failed',
  // Messaging and storage (any extension context)
  'request-failed',
  'task-liveness-failed',
  'permission-request-failed',
  'storage-read-failed',
  'storage-write-failed',
  // A stored setting failed its check on read and was reset (any context, recorded by the background)
  'stored-value-invalid',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/** Fields whose value is an identifier: letters, digits, dot, underscore, hyphen; at most 64 characters. */
const IDENTIFIER_FIELDS = [
  // What was being done: a task kind, a one-shot request or port ('.' for '/': reply.insert), a storage item, a model.
  'task',
  'request',
  'item',
  'model',
  // Where it failed: the webmail adapter (gmail, outlook, proton, generic) or engine kind, the step (messages,
  // message-text, open-reply, create, answer…), the selector family that matched nothing (message-items, never a
  // selector), a host name (never a URL).
  'adapter',
  'step',
  'selector',
  'host',
  // Why: a TacitError code, a page script's result code or an Error's class name (never a message), and a finer cause
  // (a restricted-page reason, a GPU reason, a download error kind, the class of the error behind a code).
  'error',
  'reason',
  // What was used instead, when something was (selection, page-text).
  'fallback',
] as const;
/** Fields whose value is a whole number: counts, HTTP statuses, durations in ms. */
const NUMBER_FIELDS = ['count', 'status', 'ms'] as const;

export type DiagnosticDetails = Partial<
  Record<(typeof IDENTIFIER_FIELDS)[number], string> & Record<(typeof NUMBER_FIELDS)[number], number>
>;

/** What a context reports; the background adds the time. */
export interface DiagnosticReport {
  context: DiagnosticContext;
  code: DiagnosticCode;
  details?: DiagnosticDetails;
}

/** What a page script noticed, returned in its result for the background to record. */
export interface PageDiagnostic {
  code: DiagnosticCode;
  details: DiagnosticDetails;
}

export interface DiagnosticEvent {
  /** When it was recorded (ms since the epoch); the latest time when it repeated. */
  at: number;
  context: DiagnosticContext;
  code: DiagnosticCode;
  details: DiagnosticDetails;
  /** How many times it happened in a row with the same details; absent when once. */
  times?: number;
}

/** Records one event from the context it runs in; never throws and returns nothing to wait for. */
export type RecordDiagnostic = (code: DiagnosticCode, details?: DiagnosticDetails) => void;

/** Enough for a bug report, small enough for session storage and a message. */
export const DIAGNOSTICS_CAPACITY = 200;

/** Stands in for a string that is not an identifier (text, a URL, a path): the event stays, the value does not. */
export const REMOVED_VALUE = '[removed]';

const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function isIdentifier(value: unknown): value is string {
  return typeof value === 'string' && IDENTIFIER.test(value);
}

/** An error's class name (TypeError, AbortError), never its message: that may quote a URL or text. */
export function errorName(error: unknown): string {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name !== '' ? name : typeof error;
}

/** Only the known fields, strings as identifiers (else REMOVED_VALUE), numbers as finite whole numbers. */
export function cleanDetails(details: unknown): DiagnosticDetails {
  if (typeof details !== 'object' || details === null) return {};
  const source = details as Record<string, unknown>;
  const clean: Record<string, string | number> = {};
  for (const field of IDENTIFIER_FIELDS) {
    const value = source[field];
    if (value !== undefined) clean[field] = isIdentifier(value) ? value : REMOVED_VALUE;
  }
  for (const field of NUMBER_FIELDS) {
    const value = source[field];
    if (typeof value === 'number' && Number.isFinite(value)) clean[field] = Math.round(value);
  }
  return clean as DiagnosticDetails;
}

/** A report checked field by field, stamped with the time; null when its context or code is not a known one. */
export function diagnosticEvent(report: unknown, at: number): DiagnosticEvent | null {
  if (typeof report !== 'object' || report === null) return null;
  const { context, code, details } = report as Partial<Record<keyof DiagnosticReport, unknown>>;
  if (!isOneOf(DIAGNOSTIC_CONTEXTS, context) || !isOneOf(DIAGNOSTIC_CODES, code)) return null;
  return { at: Number.isFinite(at) ? at : 0, context, code, details: cleanDetails(details) };
}

/**
 * The buffer with the event added, the oldest dropped beyond `capacity`. An event that repeats the last one (same
 * context, code and details) counts up its `times` instead of taking a new place.
 */
export function appendDiagnostic(
  events: readonly DiagnosticEvent[],
  event: DiagnosticEvent,
  capacity = DIAGNOSTICS_CAPACITY,
): DiagnosticEvent[] {
  const last = events.at(-1);
  if (last && sameEvent(last, event)) return [...events.slice(0, -1), { ...event, times: (last.times ?? 1) + 1 }];
  return [...events, event].slice(-Math.max(1, capacity));
}

/** Events read back from storage, checked again (a stored value may come from an older version). */
export function storedDiagnostics(value: unknown): DiagnosticEvent[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown): DiagnosticEvent[] => {
    const event = diagnosticEvent(item, (item as { at?: unknown } | null)?.at as number);
    if (!event) return [];
    const times = (item as { times?: unknown }).times;
    return [typeof times === 'number' && Number.isSafeInteger(times) && times > 1 ? { ...event, times } : event];
  });
}

/** "adapter=gmail step=messages count=0", fields in a fixed order. */
export function detailsText(details: DiagnosticDetails): string {
  const values = details as Record<string, string | number | undefined>;
  return [...IDENTIFIER_FIELDS, ...NUMBER_FIELDS]
    .filter((field) => values[field] !== undefined)
    .map((field) => `${field}=${values[field]}`)
    .join(' ');
}

function sameEvent(a: DiagnosticEvent, b: DiagnosticEvent): boolean {
  return a.context === b.context && a.code === b.code && detailsText(a.details) === detailsText(b.details);
}
