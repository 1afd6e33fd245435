/** Public surface of lib/editing: capture a selection in the page, then put a result back in its place. */

export { captureSelection, type CapturedSelection, type SelectionError, type SelectionKind } from './capture-selection';
export { insertBelow, replaceSelection, type ReplaceResult, type ReplaceSuccess } from './replace-selection';
export { forgetAnchor } from './anchor-registry';
export type { EditMethod } from './editing-commands';
export type { EditingError, EditingErrorCode } from './editing-error';
