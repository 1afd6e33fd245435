/** Failures every context can show: a code the UI turns into a specific, translated message, plus details. */

export type TacitErrorCode =
  | 'no-webgpu'
  | 'model-source-unreachable'
  | 'model-download-failed'
  | 'model-blocked-by-policy'
  | 'model-unknown'
  | 'model-too-large'
  | 'out-of-gpu-memory'
  | 'gpu-device-lost'
  | 'storage-quota'
  | 'engine-unavailable'
  | 'engine-crashed'
  | 'background-restarted'
  | 'invalid-request'
  | 'restricted-page'
  | 'no-page-access'
  | 'no-active-tab'
  | 'empty-page'
  | 'extraction-failed'
  | 'empty-selection'
  | 'tab-closed'
  | 'page-navigated'
  | 'conversation-expired'
  | 'context-too-small'
  | 'password-field'
  | 'sensitive-field'
  | 'not-editable'
  | 'anchor-lost'
  | 'original-changed'
  | 'replace-failed'
  | 'selection-too-long'
  | 'empty-instruction'
  | 'download-cancelled'
  | 'model-files-corrupt'
  | 'no-mail-thread'
  | 'empty-mail-thread'
  | 'mail-unreadable'
  | 'no-reply-box'
  | 'reply-insert-failed'
  | 'conversation-changed'
  | 'conversation-unverified'
  | 'unknown';

export interface TacitError {
  code: TacitErrorCode;
  /** Short technical facts for the message (a host, an HTTP status, a reason); never page or mail text. */
  detail?: string;
  /** A one-click way out the panel can offer. */
  suggestion?:
    | { kind: 'use-light-model'; task: 'summarize' | 'draft' | 'rewrite' | 'chat' }
    | { kind: 'rewrite-in-parts' }
    /** The user can let Tacit read this webmail site whenever they ask, instead of clicking the toolbar first each time. */
    | { kind: 'grant-site-access'; origin: string }
    /** A known client's open message could not be read: the user's selection (or the reading pane) can be, in one click. */
    | { kind: 'select-message-text' };
}

export function tacitError(code: TacitErrorCode, detail?: string): TacitError {
  return detail === undefined ? { code } : { code, detail };
}

export function isTacitError(value: unknown): value is TacitError {
  return typeof value === 'object' && value !== null && typeof (value as TacitError).code === 'string';
}
