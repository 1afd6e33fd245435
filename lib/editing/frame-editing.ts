/** The background's way to read and replace a selection in one frame of a tab, through the injected editing agent. */
import type { TabRead } from '../extract/read-tab';
import { runInTab } from '../extract/tab-scripts';
import { tacitError, type TacitErrorCode } from '../messaging/errors';
import type { CapturedSelection } from './capture-selection';
import type { EditingErrorCode } from './editing-error';
import type { ReplaceResult } from './replace-selection';

export interface FrameRef {
  tabId: number;
  frameId: number;
}

/** The same result shape as every other read from a tab. */
export type FrameResult<T> = TabRead<T>;

interface EditingAgent {
  capture(): ReturnType<typeof import('./capture-selection').captureSelection>;
  replace(anchorId: string, text: string): Promise<ReplaceResult>;
  insertBelow(anchorId: string, text: string): Promise<ReplaceResult>;
}

const EDITING_ERRORS: Record<EditingErrorCode, TacitErrorCode> = {
  'empty-selection': 'empty-selection',
  'password-field': 'password-field',
  'sensitive-field': 'sensitive-field',
  'not-editable': 'not-editable',
  'anchor-lost': 'anchor-lost',
  'original-changed': 'original-changed',
  'replace-failed': 'replace-failed',
};

export async function captureInFrame(frame: FrameRef, tabUrl: string | undefined): Promise<FrameResult<CapturedSelection>> {
  const target = { ...frame, url: tabUrl };
  const installed = await runInTab(target, { files: ['/editing-agent.js'] });
  if (!installed.ok) return installed;
  // Serialised into the frame: it may use only the agent the script above installed.
  const result = await runInTab<ReturnType<EditingAgent['capture']>>(target, {
    func: () => (globalThis as unknown as { tacitEditing?: EditingAgent }).tacitEditing?.capture(),
    args: [],
  });
  if (!result.ok) return result;
  const captured = result.value;
  if (!captured) return { ok: false, error: tacitError('anchor-lost') };
  if (!captured.ok) return { ok: false, error: tacitError(EDITING_ERRORS[captured.code]) };
  return { ok: true, value: captured };
}

/** Replaces the remembered selection, or inserts below it; the page's own undo can take it back. */
export async function applyInFrame(
  frame: FrameRef,
  anchorId: string,
  text: string,
  mode: 'replace' | 'insert-below',
): Promise<FrameResult<true>> {
  const result = await runInTab(frame, {
    func: (id, replacement, how) => {
      const agent = (globalThis as unknown as { tacitEditing?: EditingAgent }).tacitEditing;
      // The agent is gone when the page navigated since the selection was read.
      if (!agent) return { ok: false, code: 'anchor-lost' } as const;
      return how === 'replace' ? agent.replace(id!, replacement!) : agent.insertBelow(id!, replacement!);
    },
    args: [anchorId, text, mode],
  });
  if (!result.ok) return result.error.code === 'tab-closed' ? { ok: false, error: tacitError('anchor-lost') } : result;
  const applied = result.value as ReplaceResult | { ok: false; code: 'anchor-lost' } | undefined;
  if (!applied) return { ok: false, error: tacitError('anchor-lost') };
  if (!applied.ok) return { ok: false, error: tacitError(EDITING_ERRORS[applied.code]) };
  return { ok: true, value: true };
}
