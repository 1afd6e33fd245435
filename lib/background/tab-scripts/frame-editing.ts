/** The background's way to read and replace a selection in one frame of a tab, through the injected editing agent. */
import { tacitError, type TacitError, type TacitErrorCode } from '../../core/errors';
import type { CapturedSelection, EditingError, EditingErrorCode } from '../../page/editing/types';
import { callAgent, useAgent } from './call-agent';
import type { FrameRef, TabRead } from './types';

const EDITING_ERRORS = {
  'empty-selection': 'empty-selection',
  'password-field': 'password-field',
  'sensitive-field': 'sensitive-field',
  'not-editable': 'not-editable',
  'anchor-lost': 'anchor-lost',
  'original-changed': 'original-changed',
  'replace-failed': 'replace-failed',
  'edit-undone': 'edit-undone',
  'edit-unverified': 'edit-unverified',
} as const satisfies Record<EditingErrorCode, TacitErrorCode>;

/** The failure the panel shows for an editing agent's refusal; a sensitive field keeps its kind. */
export function editingFailure(error: EditingError): TacitError {
  if (error.code === 'sensitive-field') return tacitError('sensitive-field', { kind: error.sensitive });
  return tacitError(EDITING_ERRORS[error.code]);
}

export async function captureInFrame(frame: FrameRef, tabUrl: string | undefined): Promise<TabRead<CapturedSelection>> {
  const result = await useAgent({ ...frame, url: tabUrl }, 'editing', 'capture');
  if (!result.ok) return result;
  const captured = result.value;
  if (!captured) return { ok: false, error: tacitError('anchor-lost') };
  if (!captured.ok) return { ok: false, error: editingFailure(captured) };
  return { ok: true, value: captured };
}

/**
 * Replaces the remembered selection, or inserts below it; the page's own undo can take it back, in `undoSteps` steps.
 */
export async function applyInFrame(
  frame: FrameRef,
  anchorId: string,
  text: string,
  mode: 'replace' | 'insert-below',
): Promise<TabRead<{ undoSteps: number }>> {
  // Only the agent that captured the selection knows its anchor: when it is gone, so is the selection.
  const result = await callAgent(frame, 'editing', mode === 'replace' ? 'replace' : 'insertBelow', anchorId, text);
  if (!result.ok) return result.error.code === 'tab-closed' ? { ok: false, error: tacitError('anchor-lost') } : result;
  const applied = result.value;
  if (!applied) return { ok: false, error: tacitError('anchor-lost') };
  if (!applied.ok) return { ok: false, error: editingFailure(applied) };
  return { ok: true, value: { undoSteps: applied.undoSteps } };
}
