/** Waits for a page's editor to catch up: with a selection Tacit set, or with an edit it just applied. */
import { selectRange } from './focus-context';

/** Longest wait for the browser's selectionchange after Tacit moves the selection. */
const SELECTION_EVENT_MS = 100;
/** Longest wait for a frame (pages in background tabs get none). */
const FRAME_MS = 50;

function timeout(view: Window, ms: number): Promise<void> {
  return new Promise((resolve) => view.setTimeout(resolve, ms));
}

/** Resolves after the next frame and the task after it, when editors that render or sync lazily have done so. */
export async function editorSettled(view: Window): Promise<void> {
  await Promise.race([
    new Promise<void>((resolve) => view.requestAnimationFrame(() => resolve())),
    timeout(view, FRAME_MS),
  ]);
  await timeout(view, 0);
}

/**
 * Makes `range` the selection and waits until the editor has read it: editors sync their model on `selectionchange`,
 * which the browser fires in a later task, so an edit dispatched at once would act on the editor's stale selection.
 */
export async function selectForEditor(doc: Document, range: Range): Promise<void> {
  const view = doc.defaultView;
  const changed = view
    ? new Promise<void>((resolve) => {
        const done = () => {
          doc.removeEventListener('selectionchange', done);
          resolve();
        };
        doc.addEventListener('selectionchange', done);
        view.setTimeout(done, SELECTION_EVENT_MS);
      })
    : Promise.resolve();
  selectRange(doc, range);
  await changed;
  if (view) await editorSettled(view);
}
