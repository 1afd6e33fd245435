/** The background's way to read and replace a selection in one frame of a tab, through the injected editing agent. */
import { tacitError, type TacitErrorCode } from '../../core/errors';
import type { CapturedSelection, EditingErrorCode } from '../../page/editing/types';
import { callAgent, installAgent } from './call-agent';
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

export async function captureInFrame(frame: FrameRef, tabUrl: string | undefined): Promise<TabRead<CapturedSelection>> {
  const target = { ...frame, url: tabUrl };
  const installed = await installAgent(target, 'editing');
  if (!installed.ok) return installed;
  const result = await callAgent(target, 'editing', 'capture');
  if (!result.ok) return result;
  const captured = result.value;
  if (!captured) return { ok: false, error: tacitError('anchor-lost') };
  if (!captured.ok) return { ok: false, error: tacitError(EDITING_ERRORS[captured.code]) };
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
  if (!applied.ok) return { ok: false, error: tacitError(EDITING_ERRORS[applied.code]) };
  return { ok: true, value: { undoSteps: applied.undoSteps } };
}
