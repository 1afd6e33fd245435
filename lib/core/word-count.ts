/** Counts words in any script: runs of letters and digits (with inner apostrophes, hyphens and underscores). */

export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu);
  return words ? words.length : 0;
}
