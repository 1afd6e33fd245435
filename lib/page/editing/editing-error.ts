import type { EditingError, EditingErrorCode } from './types';
const MESSAGES: Record<EditingErrorCode, string> = {
  'empty-selection': 'Select some text first.',
  'password-field': 'Tacit never reads password fields.',
  'sensitive-field': 'Tacit does not read one-time codes or card numbers.',
  'not-editable': 'This text cannot be edited here. Copy the result instead.',
  'anchor-lost': 'The original text is no longer on the page. Select it again.',
  'original-changed': 'The selected text changed since you asked. Select it again to rewrite it.',
  'replace-failed': 'The page did not accept the change. Copy the result instead.',
};

export function editingError(code: EditingErrorCode, cause?: unknown): EditingError {
  const error: EditingError = { ok: false, code, message: MESSAGES[code] };
  if (cause !== undefined) error.cause = cause instanceof Error ? cause.message : String(cause);
  return error;
}
