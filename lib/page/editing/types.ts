export type SelectionKind = 'text-field' | 'rich-text' | 'edit-context' | 'read-only';

/** What the panel needs about a selection; serialisable, with `anchorId` standing in for the DOM position. */
export interface CapturedSelection {
  ok: true;
  anchorId: string;
  /** The selected text, line breaks preserved. */
  text: string;
  editable: boolean;
  kind: SelectionKind;
}

export type SelectionError = EditingError;

/** The selected text of a frame, for summarizing: plain JSON, with the language around the selection when declared. */
export type SelectionRead = { ok: true; text: string; lang?: string } | EditingError;

export interface ReplaceSuccess {
  ok: true;
  anchorId: string;
  method: EditMethod;
  /** How many separate changes the edit took: above 1, the editor's undo takes it back in as many steps. */
  undoSteps: number;
}

export type ReplaceResult = ReplaceSuccess | EditingError;

/** How an edit reached the page: an editor handled our beforeinput, the browser's undoable command, or raw DOM. */
export type EditMethod = 'editor' | 'exec-command' | 'direct';

import type { SensitiveKind } from '../../core/sensitive-data';

/** Typed, serialisable errors for capturing and replacing a selection; the panel words them by code. */

export type EditingErrorCode =
  | 'empty-selection'
  | 'password-field'
  | 'sensitive-field'
  | 'not-editable'
  | 'anchor-lost'
  | 'original-changed'
  | 'replace-failed'
  /** The editor's text afterwards was not what was intended, and Tacit undid its own change. */
  | 'edit-undone'
  /** The editor's text afterwards was not what was intended, and Tacit could not undo its change. */
  | 'edit-unverified';

export interface EditingError {
  ok: false;
  code: EditingErrorCode;
  /** With 'sensitive-field': what the field or selection holds, so the refusal can name it. */
  sensitive?: SensitiveKind;
}

/** What the editing agent in a frame offers the background: read the selection, then put a result back there. */
export interface EditingAgent {
  capture(): CapturedSelection | SelectionError;
  replace(anchorId: string, text: string): Promise<ReplaceResult>;
  insertBelow(anchorId: string, text: string): Promise<ReplaceResult>;
}
