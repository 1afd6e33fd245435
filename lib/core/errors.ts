/** Failures every context can show: a code, the typed facts its message needs, and maybe a one-click way out. */
import type { WebmailClient } from './webmail-hosts';
import type { SensitiveKind } from './sensitive-data';

/** Why a tab cannot be read or scripted (see lib/background/tab-scripts/restricted-pages). */
export type RestrictedPageReason = 'browser-page' | 'web-store' | 'pdf-viewer' | 'view-source' | 'extension-page';

/** Why WebGPU cannot run models in this browser (see lib/models/capabilities). */
export type GpuUnavailableReason = 'no-webgpu-api' | 'no-adapter' | 'probe-failed' | 'buffer-limit-too-small';

/** The longest technical cause an 'unknown' failure carries. */
export const MAX_CAUSE_LENGTH = 200;

type NoFacts = Record<never, never>;

/** The facts each failure's message needs, as plain JSON (failures cross ports). Codes without facts have none. */
interface ErrorFacts {
  /** No reason when the engine reported WebGPU missing without saying why; 'shader-f16': the model needs it. */
  'no-webgpu': { reason?: GpuUnavailableReason | 'shader-f16' };
  /** The host the model files come from, when the failure says. */
  'model-source-unreachable': { host?: string };
  /** `status`: the HTTP status the host answered with, when known. */
  'model-download-failed': { host?: string; status?: number };
  'model-blocked-by-policy': { host?: string };
  /** The model id the settings name, when known. */
  'model-unknown': { modelId?: string };
  /** Rounded to whole MB. */
  'model-too-large': { neededMB: number; budgetMB: number };
  /** A CPU (GGUF) model needs more RAM than the budget allows; rounded to whole MB. */
  'model-too-large-for-ram': { neededMB: number; budgetMB: number };
  'out-of-gpu-memory': NoFacts;
  'gpu-device-lost': NoFacts;
  /** What the model still has to store, when known. */
  'storage-quota': { bytesNeeded?: number };
  'engine-unavailable': NoFacts;
  'engine-crashed': NoFacts;
  'background-restarted': NoFacts;
  'invalid-request': NoFacts;
  'restricted-page': { page: RestrictedPageReason };
  'no-page-access': NoFacts;
  /** A file on this computer (file://), which the browser lets extensions read only once the user allows it. */
  'no-file-access': NoFacts;
  'no-active-tab': NoFacts;
  'empty-page': NoFacts;
  'extraction-failed': NoFacts;
  'empty-selection': NoFacts;
  'tab-closed': NoFacts;
  'page-navigated': NoFacts;
  'conversation-expired': NoFacts;
  /** The model finished without writing anything (or nothing was left once its reply was cleaned up). */
  'empty-reply': NoFacts;
  'context-too-small': NoFacts;
  'password-field': NoFacts;
  /** What the field or selection holds, when known. */
  'sensitive-field': { kind?: SensitiveKind };
  'not-editable': NoFacts;
  'anchor-lost': NoFacts;
  'original-changed': NoFacts;
  'replace-failed': NoFacts;
  /** The editor made something else of an edit and Tacit undid it; 'edit-unverified': the undo did not restore it. */
  'edit-undone': NoFacts;
  'edit-unverified': NoFacts;
  /** The selection's length in words, and the most the model's context window takes in one pass. */
  'selection-too-long': { words: number; maxWords: number };
  'empty-instruction': NoFacts;
  /** The custom instruction's length and the most Tacit takes, in characters. */
  'instruction-too-long': { length: number; maxLength: number };
  'download-cancelled': NoFacts;
  'model-files-corrupt': NoFacts;
  'no-mail-thread': NoFacts;
  'empty-mail-thread': NoFacts;
  /** A known client is open but its message could not be read (its layout is not what the adapter knows). */
  'mail-unreadable': { client?: WebmailClient };
  'no-reply-box': NoFacts;
  'reply-insert-failed': NoFacts;
  'conversation-changed': NoFacts;
  /** The page does not show which conversation is open, so Tacit cannot prove it is the one drafted for. */
  'conversation-unverified': { client?: WebmailClient };
  /** An exception nobody classified: its name and message (never page, mail or user text), capped in length. */
  unknown: { cause: string };
}

export type TacitErrorCode = keyof ErrorFacts;

/** A one-click way out the panel can offer. */
export type ErrorSuggestion =
  | { kind: 'use-light-model'; task: 'summarize' | 'draft' | 'rewrite' | 'chat' }
  | { kind: 'rewrite-in-parts' }
  /** The user can let Tacit read this webmail site whenever they ask, instead of clicking the toolbar first each time. */
  | { kind: 'grant-site-access'; origin: string }
  /** A known client's open message could not be read: the user's selection (or the reading pane) can be, in one click. */
  | { kind: 'select-message-text' };

/** The failure with one code (or, for a union of codes, one of them). */
export type TacitErrorOf<C extends TacitErrorCode> = C extends TacitErrorCode
  ? { code: C; suggestion?: ErrorSuggestion } & ErrorFacts[C]
  : never;

export type TacitError = TacitErrorOf<TacitErrorCode>;

/** Codes whose facts are all optional, so the code alone makes a failure. */
type CodeWithoutRequiredFacts = {
  [C in TacitErrorCode]: NoFacts extends ErrorFacts[C] ? C : never;
}[TacitErrorCode];

/** 'unknown' is built by unknownError, which caps its cause. */
type BuiltCode = Exclude<TacitErrorCode, 'unknown'>;

/** A failure with its facts; a code whose message needs facts cannot be built without them. Unset facts are left out. */
export function tacitError<C extends CodeWithoutRequiredFacts>(code: C, facts?: ErrorFacts[C]): TacitErrorOf<C>;
export function tacitError<C extends BuiltCode>(code: C, facts: ErrorFacts[C]): TacitErrorOf<C>;
export function tacitError(code: BuiltCode, facts: object = {}): TacitError {
  const defined = Object.entries(facts).filter(([, value]) => value !== undefined);
  return { code, ...Object.fromEntries(defined) } as TacitError;
}

/** A failure nobody classified, with its technical cause cut to MAX_CAUSE_LENGTH characters. */
export function unknownError(cause: string): TacitErrorOf<'unknown'> {
  return { code: 'unknown', cause: cause.slice(0, MAX_CAUSE_LENGTH) };
}
