/** Test helper: makes a DOM range the document's selection, as a user's drag would. */

/** Selects from the `start` boundary point to the `end` one. */
export function selectText(start: [Node, number], end: [Node, number]): void {
  const range = document.createRange();
  range.setStart(start[0], start[1]);
  range.setEnd(end[0], end[1]);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}
