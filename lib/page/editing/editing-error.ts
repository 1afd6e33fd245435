import type { EditingError, EditingErrorCode } from './types';

export function editingError(code: EditingErrorCode): EditingError {
  return { ok: false, code };
}
